package org.parkchain.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parkchain.consensus.raft.ClusterFileException;
import org.parkchain.consensus.raft.ClusterSpec;
import org.parkchain.consensus.raft.ClusterTls;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.rpc.RpcConfig;
import org.parkchain.rpc.eth.EthApiConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "node", mixinStandardHelpOptions = true, description = {
        "Runs a Parkchain node serving Ethereum JSON-RPC (HTTP and WebSocket) on 127.0.0.1.",
        "Stops gracefully on SIGTERM or Ctrl-C: RPC first, then block production, then storage."})
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dev", description = "Development chain: chain id 31337, instant blocks, open permissioning, "
            + "ten funded accounts of the test mnemonic (account 0 is the board, account 9 the treasury).")
    boolean dev;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the chain is stored (required without --dev; "
            + "in memory with --dev when absent).")
    Path dataDir;

    @Option(names = "--rpc-port", defaultValue = "8545", description = "JSON-RPC port; 0 picks a free one "
            + "(default: ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(names = "--rpc-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Interface "
            + "JSON-RPC listens on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}).")
    String rpcHost;

    @Option(names = "--rpc-cors-origins", paramLabel = "ORIGIN", split = ",", description = "Browser origins that "
            + "may call JSON-RPC and open WebSockets, comma-separated (default: none); '*' for any, with --dev only.")
    java.util.List<String> corsOrigins;

    @Option(names = "--rpc-host-allowlist", paramLabel = "NAME", split = ",", description = "Names accepted in "
            + "the Host header against DNS rebinding, comma-separated; IP addresses are always accepted; '*' for any "
            + "(default: localhost).")
    java.util.List<String> hostAllowlist;

    @Option(names = "--rpc-max-connections", paramLabel = "N", description = "Most open JSON-RPC connections "
            + "(default: 1000).")
    Integer maxConnections;

    @Option(names = "--rpc-idle-timeout", paramLabel = "MS", description = "Closes a connection that sends nothing "
            + "for this long (default: 60000).")
    Long idleTimeoutMs;

    @Option(names = "--permissioning", paramLabel = "open|verified", description = "Who may transact "
            + "(default: open with --dev, verified otherwise).")
    String permissioning;

    @Option(names = "--genesis", paramLabel = "FILE", description = "Genesis file for a new chain (not with --dev).")
    Path genesis;

    @Option(names = "--block-time", paramLabel = "MS", description = "Fixed block period in milliseconds "
            + "(instant blocks when absent).")
    Long blockTimeMs;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Run as a member of the park's network described "
            + "in this cluster file (JSON: self, members, tls; see docs/cluster.md). Needs --data-dir.")
    Path clusterFile;

    @Option(names = "--rpc-max-request-size", paramLabel = "BYTES", description = "Largest JSON-RPC request body or "
            + "WebSocket message (default: 5242880).")
    Integer maxRequestBytes;

    @Option(names = "--rpc-max-batch-size", paramLabel = "N", description = "Most calls in one batch (default: 1000).")
    Integer maxBatchSize;

    @Option(names = "--rpc-call-timeout", paramLabel = "MS", description = "Longest a call may take, waiting "
            + "included; eth_call, eth_estimateGas and traces are stopped then (default: 5000).")
    Long callTimeoutMs;

    @Option(names = "--rpc-gas-cap", paramLabel = "GAS", description = "Most gas for eth_call and eth_estimateGas "
            + "(default: 50000000).")
    Long gasCap;

    @Option(names = "--rpc-logs-block-range", paramLabel = "BLOCKS", description = "Most blocks one eth_getLogs may "
            + "span (default: 10000).")
    Long logsBlockRange;

    @Override
    public Integer call() {
        NodeConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        ParkchainNode node;
        try {
            node = ParkchainNode.start(config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        if (config.rpc().corsAllowedOrigins().contains("*")) {
            spec.commandLine().getErr().println("warning: --rpc-cors-origins '*' lets any web page the user opens "
                    + "call this node, including eth_sendTransaction with the dev accounts");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "parkchain-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        node.describe(out);
        out.flush();
        try {
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (node.fatalError().isPresent()) {
                    // Never a zombie that accepts transactions it will not mine: stop, and say why.
                    spec.commandLine().getErr().println("error: block production stopped: " + node.fatalError().get());
                    node.close();
                    return 70;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
        }
        return 0;
    }

    /** The flags as a validated configuration; any problem is a one-line error with exit status 2. */
    NodeConfig config() {
        if (rpcPort < 0 || rpcPort > 65535) {
            throw bad("--rpc-port must be between 0 and 65535 (0 = any free port), got " + rpcPort);
        }
        PermissionPolicy.Mode mode = dev ? PermissionPolicy.Mode.OPEN : PermissionPolicy.Mode.VERIFIED;
        if (permissioning != null) {
            if (!permissioning.equals("open") && !permissioning.equals("verified")) {
                throw bad("--permissioning must be 'open' or 'verified', got '" + permissioning + "'");
            }
            mode = PermissionPolicy.Mode.parse(permissioning);
        }
        if (blockTimeMs != null && blockTimeMs <= 0) {
            throw bad("--block-time must be a positive number of milliseconds, got " + blockTimeMs);
        }
        if (genesis != null && !java.nio.file.Files.isRegularFile(genesis)) {
            throw bad("--genesis " + genesis + ": no such file");
        }
        if (dataDir != null && java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
            throw bad("--data-dir " + dataDir + " exists and is not a directory");
        }
        try {
            Optional<ClusterSpec> cluster = Optional.empty();
            int port = rpcPort;
            if (clusterFile != null) {
                ClusterSpec spec = ClusterSpec.load(clusterFile);
                ClusterTls.load(spec.tls()); // certificates checked now: a bad one is a start-up error, exit 2
                cluster = Optional.of(spec);
                if (!this.spec.commandLine().getParseResult().hasMatchedOption("--rpc-port")) {
                    port = spec.selfMember().rpc().getPort(); // the cluster file says where this member serves
                }
            }
            RpcConfig rpc = RpcConfig.defaults().withPort(port).withHost(rpcHost);
            if (corsOrigins != null) {
                rpc = rpc.withCorsAllowedOrigins(corsOrigins);
            }
            if (hostAllowlist != null) {
                rpc = rpc.withHostAllowlist(hostAllowlist);
            }
            if (maxConnections != null) {
                rpc = rpc.withMaxConnections(maxConnections);
            }
            if (idleTimeoutMs != null) {
                rpc = rpc.withIdleTimeout(Duration.ofMillis(idleTimeoutMs));
            }
            if (maxRequestBytes != null) {
                rpc = rpc.withMaxRequestBytes(maxRequestBytes);
            }
            if (maxBatchSize != null) {
                rpc = rpc.withMaxBatchSize(maxBatchSize);
            }
            if (callTimeoutMs != null) {
                rpc = rpc.withCallTimeout(Duration.ofMillis(callTimeoutMs));
            }
            EthApiConfig eth = EthApiConfig.defaults();
            if (gasCap != null) {
                eth = eth.withGasCap(gasCap);
            }
            if (logsBlockRange != null) {
                eth = eth.withMaxLogsBlockRange(logsBlockRange);
            }
            return new NodeConfig(dev, Optional.ofNullable(dataDir), Optional.ofNullable(genesis), mode,
                    Optional.ofNullable(blockTimeMs).map(Duration::ofMillis), rpc, eth, cluster);
        } catch (ClusterFileException e) {
            throw bad(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
