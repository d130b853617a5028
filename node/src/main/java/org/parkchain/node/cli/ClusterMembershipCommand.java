package org.parkchain.node.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.parkchain.consensus.raft.ClusterAdmin;
import org.parkchain.consensus.raft.ClusterFileException;
import org.parkchain.consensus.raft.ClusterMember;
import org.parkchain.consensus.raft.ClusterSpec;
import org.parkchain.consensus.raft.ClusterTls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkchain cluster add|remove}: one membership change, authenticated with a member's certificate. */
final class ClusterMembershipCommand {
    private ClusterMembershipCommand() {}

    /** The operator's cluster file (its TLS material authenticates the change; its members are asked first). */
    static ClusterAdmin admin(CommandLine.Model.CommandSpec spec, Path clusterFile) {
        try {
            ClusterSpec cluster = ClusterSpec.load(clusterFile);
            return ClusterAdmin.connect(cluster, ClusterTls.load(cluster.tls()));
        } catch (ClusterFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Adds one member: it joins as a non-voting listener, and once it has caught up it is promoted to voter",
            "(unless --listener). Start the new member first (its cluster file names itself and the current members).",
            "A member that is a listener already is promoted once it has caught up."})
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cluster", required = true, paramLabel = "FILE", description = "A current member's cluster file.")
        Path clusterFile;

        @Option(names = "--id", required = true, description = "The new member's id.")
        String id;

        @Option(names = "--raft", required = true, paramLabel = "HOST:PORT", description = "The new member's Raft address.")
        String raft;

        @Option(names = "--listener", description = "Keep it a listener (a verified copy without a vote).")
        boolean listener;

        @Option(names = "--catch-up-timeout", defaultValue = "300", paramLabel = "SECONDS",
                description = "How long to wait for it to catch up before promoting (default: ${DEFAULT-VALUE}).")
        long catchUpSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--id must be 1-64 letters, digits, '-' or '_'");
            }
            try (ClusterAdmin admin = admin(spec, clusterFile)) {
                ClusterAdmin.Configuration now = admin.configuration();
                if (now.voters().stream().anyMatch(p -> p.getId().toString().equals(id))) {
                    throw new IllegalArgumentException("member " + id + " is already a voter");
                }
                if (now.listeners().stream().anyMatch(p -> p.getId().toString().equals(id))) {
                    // Already following (a listener from the start, or an earlier add that did not promote it).
                    out.println(id + " is a listener already" + (listener ? "." : "; waiting for it to catch up..."));
                } else {
                    ClusterMember member = new ClusterMember(id, raft, URI.create("http://unknown/"), ClusterMember.Role.LISTENER);
                    admin.addListener(member);
                    out.println(id + " joined as a listener; waiting for it to catch up...");
                }
                out.flush();
                if (listener) {
                    return 0;
                }
                if (!admin.awaitCaughtUp(id, Duration.ofSeconds(catchUpSeconds))) {
                    spec.commandLine().getErr().println("error: " + id + " did not catch up within " + catchUpSeconds
                            + " s; it stays a listener (is it running? run 'cluster add' again to promote it)");
                    return 1;
                }
                admin.promote(id);
                out.println(id + " caught up and is now a voter.");
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {
            "Removes one member (voter or listener); refused when the remaining voters would have no reachable majority."})
    static final class Remove implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cluster", required = true, paramLabel = "FILE", description = "A current member's cluster file.")
        Path clusterFile;

        @Option(names = "--id", required = true, description = "The member to remove.")
        String id;

        @Override
        public Integer call() throws Exception {
            try (ClusterAdmin admin = admin(spec, clusterFile)) {
                admin.remove(id);
                spec.commandLine().getOut().println(id + " removed from the cluster.");
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        }
    }
}
