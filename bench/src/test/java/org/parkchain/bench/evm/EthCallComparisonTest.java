package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.crypto.PrivateKey;
import picocli.CommandLine;

/**
 * The comparison against a real {@code --dev} node in process (behaviour, not speed): what the node charges and
 * returns for a workload's eth_call must be what the EVM charges and returns in process.
 */
class EthCallComparisonTest {
    private static final EthCallComparison.Schedule ONE_CALL_A_ROUND = new EthCallComparison.Schedule(0, 2, 0);
    private static final long MAX_GAS = 15_000_000;
    private static ParkchainNode node;
    private static PrivateKey deployer;

    @BeforeAll
    static void startNode() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        deployer = node.devKeys().getFirst();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) node.close();
    }

    @Test
    void nodeChargesAndReturnsWhatTheEvmDoesInProcess() {
        EthCallNode parkchain = EthCallNode.connect(node.rpcUrl());
        long size = 40; // words sorted: a call of about 60,000 gas

        EthCallRun run = EthCallComparison.measure(List.of(parkchain), EvmWorkload.SORT, size, deployer, ONE_CALL_A_ROUND, MAX_GAS);

        ExecutionResult inProcess = EvmWorkload.SORT.run(EvmWorkload.SORT.newWorld(size));
        EthCallFigures figures = run.nodes().getFirst();
        assertThat(figures.node()).isEqualTo("Parkchain");
        assertThat(figures.gasPerCall()).isEqualTo(21_000 + EvmWorkload.SORT.gasUsed(inProcess))
                .isEqualTo(EthCallComparison.callGas(EvmWorkload.SORT, size));
        assertThat(figures.output()).isEqualTo(Hex.encode(inProcess.output())).hasSize(2 + 64);
        assertThat(figures.times().calls()).isGreaterThanOrEqualTo(2); // one a round at least
        assertThat(run.disagreement()).isEmpty();
    }

    @Test
    void alternatesBetweenNodesAndComparesTheFirstWithTheOthers() {
        // The same node behind two clients: they must agree, so a ratio is given (near 1, but speed is not asserted).
        List<EthCallNode> nodes = List.of(EthCallNode.connect(node.rpcUrl()), EthCallNode.connect(node.rpcUrl()));

        EthCallRun run = EthCallComparison.measure(nodes, EvmWorkload.KECCAK, 100, deployer, ONE_CALL_A_ROUND, MAX_GAS);

        assertThat(run.nodes()).hasSize(2);
        assertThat(run.nodes().get(0).gasPerCall()).isEqualTo(run.nodes().get(1).gasPerCall())
                .isEqualTo(EthCallComparison.callGas(EvmWorkload.KECCAK, 100));
        assertThat(run.ratio(1)).isPresent();
    }

    @Test
    void erc20TransfersRunOnTheDeployersTokens() {
        // The constructor gave the deployer its tokens: without them the loop reverts and measure() throws.
        EthCallRun run = EthCallComparison.measure(List.of(EthCallNode.connect(node.rpcUrl())), EvmWorkload.ERC20_TRANSFERS, 3,
                deployer, ONE_CALL_A_ROUND, MAX_GAS);

        // In process the balance is set in the call's own, uncommitted state, so the first write to it is priced as a
        // slot this transaction already wrote (100 gas); on the node the constructor committed it: 2,900 gas.
        assertThat(run.nodes().getFirst().gasPerCall()).isEqualTo(EthCallComparison.callGas(EvmWorkload.ERC20_TRANSFERS, 3) + 2_800);
    }

    @Test
    void sizeShrinksOnlyWhenTheInProcessCallExceedsTheGasCap() {
        assertThat(EthCallComparison.sizeWithin(EvmWorkload.KECCAK, MAX_GAS)).isEqualTo(EvmWorkload.KECCAK.size());

        long size = EthCallComparison.sizeWithin(EvmWorkload.ERC20_TRANSFERS, MAX_GAS);
        assertThat(size).isLessThan(EvmWorkload.ERC20_TRANSFERS.size());
        assertThat(EthCallComparison.callGas(EvmWorkload.ERC20_TRANSFERS, size)).isLessThanOrEqualTo(MAX_GAS);
        assertThat(EthCallComparison.callGas(EvmWorkload.ERC20_TRANSFERS, size + 1)).isGreaterThan(MAX_GAS);

        long sortSize = EthCallComparison.sizeWithin(EvmWorkload.SORT, 300_000); // quadratic in its size
        assertThat(EthCallComparison.callGas(EvmWorkload.SORT, sortSize)).isLessThanOrEqualTo(300_000);
        assertThat(EthCallComparison.callGas(EvmWorkload.SORT, sortSize + 1)).isGreaterThan(300_000);
    }

    @Test
    void refusesOptionsOutsideTheirRangeBeforeConnecting() {
        // An address nothing listens on: each refusal must come from the options, before any connection.
        String nowhere = "http://127.0.0.1:9/";
        assertThat(refusal("--max-gas", "5000", nowhere)).contains("--max-gas must be at least 100000, got 5000");
        assertThat(refusal("--rounds", "0", nowhere)).contains("rounds >= 1");
        assertThat(refusal("--workloads", "NOPE", nowhere)).contains("expected one of [KECCAK, ARITHMETIC, ERC20_TRANSFERS, SORT]");
    }

    /** What the command says when it exits with status 2 (a usage error). */
    private static String refusal(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new EthCallComparison());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as("exit status of %s", String.join(" ", args)).isEqualTo(2);
        return err.toString();
    }
}
