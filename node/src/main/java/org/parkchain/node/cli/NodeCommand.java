package org.parkchain.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "node", mixinStandardHelpOptions = true, description = "Runs a Parkchain node serving Ethereum JSON-RPC.")
final class NodeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dev", description = "Development chain: chain id 375, instant blocks, open permissioning, funded test accounts.")
    boolean dev;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the chain is stored (in memory with --dev when absent).")
    Path dataDir;

    @Option(names = "--rpc-port", defaultValue = "8545", description = "JSON-RPC port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int rpcPort;

    @Option(names = "--permissioning", paramLabel = "open|verified", description = "Who may transact: open or verified.")
    String permissioning;

    @Option(names = "--genesis", paramLabel = "FILE", description = "Genesis file.")
    Path genesis;

    @Option(names = "--block-time", paramLabel = "MS", description = "Fixed block period in milliseconds (instant blocks when absent).")
    Long blockTimeMs;

    @Override
    public Integer call() {
        if (rpcPort < 1 || rpcPort > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rpc-port must be between 1 and 65535, got " + rpcPort);
        }
        if (permissioning != null && !permissioning.equals("open") && !permissioning.equals("verified")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--permissioning must be 'open' or 'verified', got '" + permissioning + "'");
        }
        if (blockTimeMs != null && blockTimeMs <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--block-time must be a positive number of milliseconds");
        }
        spec.commandLine().getErr().println("error: the node is not built yet (see the issue 'The node: chain, storage, JSON-RPC')");
        return 2;
    }
}
