package org.parkchain.bench.evm;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parkchain.bench.evm.EthCallNode.PreparedCall;
import org.parkchain.bench.evm.EthCallNode.TimedCall;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.wallet.HdWallet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@link EvmWorkload}s through JSON-RPC eth_call on several nodes in one run, the first node compared with each
 * other (Parkchain with Hardhat: {@code bench/ethcall-vs-hardhat}).
 *
 * <p>Per workload: deploy it on every node with a signed transaction from a funded account of the mnemonic (the same
 * bytes the in-process {@link EvmThroughput} runs, at a size whose call fits {@code --max-gas}), warm every node up
 * (both JITs) with untimed calls, then run rounds that alternate the nodes (the order reversed every other round, so a
 * change in the machine's load falls on both) and time each call's round trip; finally send the call once as a
 * transaction to read the gas it charges from the receipt. A ratio is printed only when the nodes agree on that gas
 * and on the call's output; otherwise the run says why and exits with status 1.
 */
@Command(name = "ethcall-comparison", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times the EVM workloads through eth_call on each node, alternating, and compares the first node with the others.")
public final class EthCallComparison implements Callable<Integer> {
    private static final String TEST_MNEMONIC = "test test test test test test test test test test test junk";

    @Parameters(arity = "1..*", paramLabel = "RPC_URL", description = "HTTP JSON-RPC endpoints; the first is compared with each other one.")
    List<URI> urls;

    @Option(names = "--workloads", split = ",", paramLabel = "NAME",
            description = "Workloads to run (default: KECCAK,ARITHMETIC,ERC20_TRANSFERS,SORT).")
    List<EvmWorkload> workloads = List.of(EvmWorkload.values());

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds per workload, each node once a round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-seconds", defaultValue = "1", description = "Calls to each node for this long per round, at least one (default: ${DEFAULT-VALUE}).")
    double roundSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "Untimed calls to each node for this long before the rounds (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--max-gas", defaultValue = "15000000",
            description = "Each workload runs at its in-process size, or smaller so that a call (intrinsic gas included) "
                    + "stays within this gas: under Osaka's per-transaction cap of 16,777,216, which bounds eth_call on an Osaka "
                    + "node, and Hardhat's block gas limit of 30,000,000 (default: ${DEFAULT-VALUE}).")
    long maxGas;

    @Option(names = "--mnemonic", description = "Mnemonic of the funded account that deploys (default: the standard test mnemonic).")
    String mnemonic = TEST_MNEMONIC;

    @Option(names = "--account", defaultValue = "0", description = "Index of that account in the mnemonic (default: ${DEFAULT-VALUE}).")
    int account;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new EthCallComparison()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("ethcall-comparison: " + ex.getMessage());
            return 2;
        });
        System.exit(cl.execute(args));
    }

    /** How long to call each node: before timing, and in each timed round. */
    record Schedule(double warmupSeconds, int rounds, double roundSeconds) {
        Schedule {
            if (!(warmupSeconds >= 0) || !(roundSeconds >= 0) || rounds < 1) {
                throw new IllegalArgumentException("warm-up and round seconds must be >= 0 and rounds >= 1, got "
                        + warmupSeconds + ", " + roundSeconds + ", " + rounds);
            }
        }
    }

    @Override
    public Integer call() {
        Schedule schedule;
        try {
            schedule = new Schedule(warmupSeconds, rounds, roundSeconds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (maxGas < 100_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-gas must be at least 100000, got " + maxGas);
        }
        if (account < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--account must be >= 0, got " + account);
        }
        PrintStream out = System.out;
        PrivateKey deployer = HdWallet.fromPhrase(mnemonic).account(account);
        List<EthCallNode> nodes = urls.stream().map(EthCallNode::connect).toList();
        out.printf(Locale.ROOT, "eth_call comparison: %s; warm-up %.1f s per node, then %d rounds of %.1f s per node, alternating%n",
                workloads, schedule.warmupSeconds(), schedule.rounds(), schedule.roundSeconds());
        for (int i = 0; i < nodes.size(); i++) {
            EthCallNode node = nodes.get(i);
            out.printf("node %d: %s at %s, chain id %d%n", i + 1, node.client(), node.url(), node.chainId());
        }
        List<EthCallRun> runs = new ArrayList<>();
        for (EvmWorkload workload : workloads) {
            long size = sizeWithin(workload, maxGas);
            out.printf(Locale.ROOT, "%n%s, size %,d%s; %,d gas a call in process (load average before: %s)%n", workload, size,
                    size == workload.size() ? "" : " (in process %,d; smaller to stay within %,d gas)".formatted(workload.size(), maxGas),
                    callGas(workload, size), loadAverage());
            EthCallRun run = measure(nodes, workload, size, deployer, schedule, maxGas);
            EthCallReport.workload(out, run);
            runs.add(run);
        }
        out.printf("%nload average after: %s%n", loadAverage());
        EthCallReport.summary(out, runs);
        return runs.stream().allMatch(r -> r.disagreement().isEmpty()) ? 0 : 1;
    }

    /** The intrinsic gas of a call with no calldata, to an existing contract. */
    private static final long INTRINSIC_GAS = 21_000;

    /**
     * The workload's in-process size, or the largest smaller one whose call needs at most {@code maxGas}: a binary
     * search, running the program in process (its gas grows with the size, linearly or, for SORT, quadratically).
     */
    static long sizeWithin(EvmWorkload workload, long maxGas) {
        if (callGas(workload, workload.size()) <= maxGas) {
            return workload.size();
        }
        if (callGas(workload, 1) > maxGas) {
            throw new IllegalArgumentException(workload + " needs more than " + maxGas + " gas at its smallest size");
        }
        long fits = 1, tooLarge = workload.size();
        while (tooLarge - fits > 1) {
            long mid = fits + (tooLarge - fits) / 2;
            if (callGas(workload, mid) <= maxGas) fits = mid; else tooLarge = mid;
        }
        return fits;
    }

    /** The gas of a call to the workload's program of that size, intrinsic gas included, run in process. */
    static long callGas(EvmWorkload workload, long size) {
        return INTRINSIC_GAS + workload.gasUsed(workload.run(workload.newWorld(size)));
    }

    /**
     * Deploys, warms up and times one workload on every node, then sends the call once as a transaction on each to
     * read the gas it charges (last: ERC20_TRANSFERS's transaction commits the storage writes that every eth_call
     * discarded, and the timed calls must all read the state as deployed).
     */
    static EthCallRun measure(List<EthCallNode> nodes, EvmWorkload workload, long size, PrivateKey deployer, Schedule schedule,
                              long maxGas) {
        Address from = deployer.address();
        int n = nodes.size();
        Address[] contracts = new Address[n];
        PreparedCall[] calls = new PreparedCall[n];
        String[] outputs = new String[n];
        for (int k = 0; k < n; k++) {
            contracts[k] = nodes.get(k).deploy(workload, size, deployer);
            calls[k] = nodes.get(k).prepare(from, contracts[k]);
            outputs[k] = nodes.get(k).call(calls[k]).output();
        }
        for (int k = 0; k < n; k++) {
            callFor(nodes.get(k), calls[k], outputs[k], schedule.warmupSeconds(), null);
        }
        List<List<EthCallTimes>> nanos = new ArrayList<>();
        for (int k = 0; k < n; k++) nanos.add(new ArrayList<>());
        for (int round = 0; round < schedule.rounds(); round++) {
            for (int i = 0; i < n; i++) {
                int k = round % 2 == 0 ? i : n - 1 - i;
                List<Long> times = new ArrayList<>();
                callFor(nodes.get(k), calls[k], outputs[k], schedule.roundSeconds(), times);
                nanos.get(k).add(EthCallTimes.of(times.stream().mapToLong(Long::longValue).toArray()));
            }
        }
        List<EthCallFigures> figures = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long gas = nodes.get(k).gasUsedByTransaction(contracts[k], deployer, maxGas);
            figures.add(new EthCallFigures(nodes.get(k).name(), gas, outputs[k], nanos.get(k)));
        }
        return new EthCallRun(workload, size, figures);
    }

    /**
     * Calls the node for {@code seconds} (at least once); every answer must be the node's first one (the call reads
     * a state nothing changes), and each call's time goes to {@code times} unless that is null (warm-up).
     */
    private static void callFor(EthCallNode node, PreparedCall call, String expected, double seconds, List<Long> times) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        do {
            TimedCall timed = node.call(call);
            if (!timed.output().equals(expected)) {
                throw new IllegalStateException(node.url() + " answered the same eth_call with " + timed.output()
                        + " after " + expected);
            }
            if (times != null) times.add(timed.nanos());
        } while (System.nanoTime() < deadline);
    }

    /** The 1, 5 and 15 minute load averages (Linux), the figure every timing here must be read with. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
