package org.parkchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parkchain.consensus.raft.ClusterMember;
import org.parkchain.consensus.raft.DevClusterFiles;
import org.parkchain.node.park.JsonRpcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkchain cluster …}: a dev cluster's files, the cluster's status, and membership changes. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "The park's network: set up a development cluster, see its status, add or remove members.",
        subcommands = {ClusterCommand.Init.class, ClusterCommand.Status.class, ClusterMembershipCommand.Add.class,
                ClusterMembershipCommand.Remove.class})
final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = {
            "Writes a throwaway development cluster into DIR: a dev CA (ca.pem), each member's certificate and key",
            "(ID.pem, ID.key), each member's cluster file (ID.json) and a genesis (genesis.json: the --dev accounts",
            "and park). Voters are n1..nN, listeners l1..lK; Raft ports count up from --base-port, RPC ports from",
            "--rpc-base-port. Start each member with:",
            "  ./parkchain node --data-dir DATA/ID --genesis DIR/genesis.json --cluster DIR/ID.json --permissioning open"})
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder for the files (created).")
        Path dir;

        @Option(names = "--members", defaultValue = "3", paramLabel = "N", description = "Voting members (default: 3).")
        int members;

        @Option(names = "--listeners", defaultValue = "0", paramLabel = "K", description = "Listener members (default: 0).")
        int listeners;

        @Option(names = "--base-port", defaultValue = "9101", paramLabel = "P", description = "First Raft port (default: 9101).")
        int basePort;

        @Option(names = "--rpc-base-port", defaultValue = "8545", paramLabel = "R",
                description = "First JSON-RPC port (default: 8545).")
        int rpcBasePort;

        @Override
        public Integer call() throws IOException {
            if (members < 1 || members > 15) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--members must be 1-15, got " + members);
            }
            if (listeners < 0 || listeners > 15) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--listeners must be 0-15, got " + listeners);
            }
            int count = members + listeners;
            if (basePort < 1 || basePort + count - 1 > 65535 || rpcBasePort < 1 || rpcBasePort + count - 1 > 65535) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--base-port and --rpc-base-port must leave "
                        + count + " ports below 65536");
            }
            if (Files.exists(dir.resolve("ca.pem"))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--dir " + dir
                        + " already holds a cluster (ca.pem); choose an empty folder");
            }
            DevClusterFiles.Written written = DevClusterFiles.write(dir, members, listeners, "127.0.0.1", basePort, rpcBasePort);
            Files.writeString(dir.resolve("genesis.json"), DevGenesisFile.json());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote a development cluster to " + dir.toAbsolutePath() + " (throwaway CA: do not use in production):");
            for (ClusterMember m : written.members()) {
                out.printf("  %-4s %-8s raft %s  rpc %s  %s.json%n", m.id(), m.role().label(), m.raft(), m.rpc(), m.id());
            }
            out.println("Start each member (separate terminals):");
            for (ClusterMember m : written.members()) {
                out.println("  ./parkchain node --data-dir " + dir.resolve("data").resolve(m.id()) + " --genesis "
                        + dir.resolve("genesis.json") + " --cluster " + dir.resolve(m.id() + ".json") + " --permissioning open");
            }
            out.println("Then: ./parkchain cluster status --rpc " + written.members().get(0).rpc());
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {
            "Prints the cluster's members, leader, term and indexes, and each member's head (asking each member's rpc URL)."})
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rpc", paramLabel = "URL", defaultValue = "http://127.0.0.1:8545/",
                description = "Any member's JSON-RPC URL (default: ${DEFAULT-VALUE}).")
        String rpc;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode status;
            try {
                status = new JsonRpcClient(url(rpc)).call("parkchain_clusterStatus");
            } catch (JsonRpcClient.JsonRpcException e) {
                spec.commandLine().getErr().println("error: " + rpc + " is not a cluster member (" + e.getMessage() + ")");
                return 1;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rpc: " + e.getMessage());
            }
            out.println("Asked " + status.path("self").asText() + ": leader " + status.path("leader").asText("none")
                    + ", term " + status.path("term").asLong() + ", commit index " + status.path("commitIndex").asLong());
            out.printf("%-6s %-9s %-10s %-22s %-8s %-9s %-8s %s%n", "member", "role", "raft", "rpc", "applied", "lag",
                    "head", "head hash / state root");
            for (JsonNode m : status.path("members")) {
                String id = m.path("id").asText();
                String memberRpc = m.path("rpc").isTextual() ? m.path("rpc").asText() : null;
                JsonNode s = null;
                String problem = null;
                if (memberRpc == null) {
                    problem = "(no rpc URL known)";
                } else {
                    try {
                        s = new JsonRpcClient(url(memberRpc)).call("parkchain_clusterStatus");
                    } catch (RuntimeException e) {
                        problem = "(unreachable: " + e.getMessage() + ")";
                    }
                }
                if (s == null) {
                    out.printf("%-6s %-9s %-10s %-22s %s%n", id, m.path("role").asText(), m.path("raft").asText(),
                            memberRpc == null ? "-" : memberRpc, problem);
                    continue;
                }
                JsonNode head = s.path("head");
                out.printf("%-6s %-9s %-10s %-22s %-8d %-9d #%-7d %s / %s%s%n", id, s.path("role").asText(),
                        m.path("raft").asText(), memberRpc, s.path("appliedIndex").asLong(), s.path("lag").asLong(),
                        head.path("number").asLong(), abbreviate(head.path("hash").asText()),
                        abbreviate(head.path("stateRoot").asText()),
                        s.path("diverged").isTextual() ? "  DIVERGED: " + s.path("diverged").asText() : "");
            }
            return 0;
        }
    }

    static URI url(String value) {
        URI uri = URI.create(value.endsWith("/") ? value : value + "/");
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + value + "' is not an http://host:port URL");
        }
        return uri;
    }

    private static String abbreviate(String hex) {
        return hex.length() > 14 ? hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4) : hex;
    }
}
