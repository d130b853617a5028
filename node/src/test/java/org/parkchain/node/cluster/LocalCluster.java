package org.parkchain.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parkchain.consensus.raft.DevCertificateAuthority;

/**
 * A cluster of member processes on this machine, made the way an operator makes one ({@code parkchain cluster init}
 * writes the CA, certificates, cluster files and genesis), except that every member's view of its peers goes through
 * {@link RaftLinks}, so the test can partition the network. Ports are ephemeral: after {@code cluster init} every
 * member gets a free Raft port and RPC port, its own entry in its own cluster file names its real Raft port (where it
 * binds), and the other entries name the proxy fronts. The RPC port is fixed per member (the cluster file's
 * {@code rpc} URL is where followers forward transactions), so a restarted member comes back on the same URL.
 */
final class LocalCluster implements AutoCloseable {
    private final Path dir;
    private final Map<String, MemberProcess> members = new LinkedHashMap<>();
    private final Map<String, URI> rpcUrls = new LinkedHashMap<>();
    private final Map<String, List<String>> arguments = new LinkedHashMap<>();
    private final Map<String, List<String>> jvmOptions = new LinkedHashMap<>();
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Integer> raftPorts = new LinkedHashMap<>();
    private final RaftLinks links = new RaftLinks(() -> Map.copyOf(pids));
    private final Path genesis;
    /** The park CA the harness issued every member's certificate from (to issue new ones: rotation). */
    private DevCertificateAuthority ca;

    private final Spec spec;

    private LocalCluster(Path dir, Path genesis, Spec spec) {
        this.dir = dir;
        this.genesis = genesis;
        this.spec = spec;
    }

    /**
     * What to start.
     *
     * @param nodeArguments added to every member's {@code parkchain node} command line
     * @param jvmOptions extra JVM options by member id (a test hook's system property)
     * @param clusterFile members merged into every cluster file ({@code election}, {@code snapshot})
     */
    record Spec(int voters, int listeners, List<String> nodeArguments, Map<String, List<String>> jvmOptions,
                Map<String, Object> clusterFile, boolean raftDiagnostics) {
        Spec(int voters, int listeners, List<String> nodeArguments, Map<String, List<String>> jvmOptions,
             Map<String, Object> clusterFile) {
            this(voters, listeners, nodeArguments, jvmOptions, clusterFile, false);
        }

        static Spec of(int voters) {
            return new Spec(voters, 0, List.of(), Map.of(), Map.of(), false);
        }

        Spec withListeners(int n) {
            return new Spec(voters, n, nodeArguments, jvmOptions, clusterFile, raftDiagnostics);
        }

        Spec withJvmOptions(String member, String... options) {
            Map<String, List<String>> all = new LinkedHashMap<>(jvmOptions);
            all.put(member, List.of(options));
            return new Spec(voters, listeners, nodeArguments, all, clusterFile, raftDiagnostics);
        }

        Spec withClusterFile(String member, Object value) {
            Map<String, Object> all = new LinkedHashMap<>(clusterFile);
            all.put(member, value);
            return new Spec(voters, listeners, nodeArguments, jvmOptions, all, raftDiagnostics);
        }

        /**
         * Every member logs Ratis' server events at INFO (elections, role changes, inconsistent appends, truncations),
         * which a node keeps at WARNING: for tests whose failures are read from the member logs.
         */
        Spec withRaftDiagnostics() {
            return new Spec(voters, listeners, nodeArguments, jvmOptions, clusterFile, true);
        }
    }

    /**
     * {@code cluster init} in {@code dir} for the spec's voters and listeners, then starts every member in
     * parallel.
     */
    static LocalCluster start(Path dir, Spec spec) {
        Path init = dir.resolve("init");
        Cli.run(List.of("cluster", "init", "--dir", init.toString(), "--members", String.valueOf(spec.voters()),
                "--listeners", String.valueOf(spec.listeners()), "--base-port", String.valueOf(freePort()),
                "--rpc-base-port", String.valueOf(freePort())));
        List<Path> clusterFiles = clusterFiles(init);
        if (clusterFiles.size() != spec.voters() + spec.listeners()) {
            throw new IllegalStateException("cluster init wrote " + clusterFiles.size() + " cluster files in " + init
                    + ", expected " + (spec.voters() + spec.listeners()) + ": " + clusterFiles);
        }
        Path genesis = genesisFile(init);
        LocalCluster cluster = new LocalCluster(dir, genesis, spec);
        try {
            cluster.wire(clusterFiles);
            cluster.startAll();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void wire(List<Path> clusterFiles) {
        Map<String, Path> fileOf = new LinkedHashMap<>();
        for (Path file : clusterFiles) {
            fileOf.put(readJson(file).path("self").asText(), file);
        }
        Map<String, Integer> rpcPorts = new LinkedHashMap<>();
        for (JsonNode m : readJson(clusterFiles.getFirst()).path("members")) {
            String id = m.path("id").asText();
            raftPorts.put(id, freePortOnBoth());
            rpcPorts.put(id, freePort());
            roles.put(id, m.path("role").asText("voter"));
        }
        // Certificates for the host names the members use (the SAN a TLS client checks).
        Path init = clusterFiles.getFirst().getParent();
        ca = DevCertificateAuthority.create("test park CA");
        DevCertificateAuthority.writeCertificate(ca.certificate(), init.resolve("ca.pem"));
        for (String id : raftPorts.keySet()) {
            DevCertificateAuthority.Issued issued = ca.issue(id, hostOf(id), Duration.ofDays(30));
            DevCertificateAuthority.writeCertificate(issued.certificate(), init.resolve(id + ".pem"));
            DevCertificateAuthority.writePrivateKey(issued.keys(), init.resolve(id + ".key"));
        }
        // An operator's command (cluster add/remove) reaches every member through its front, like the other members.
        StringBuilder operatorHosts = new StringBuilder("127.0.0.1 localhost\n");
        raftPorts.keySet().forEach(id -> operatorHosts.append(FRONTS.getHostAddress()).append(' ').append(hostOf(id)).append('\n'));
        try {
            Files.writeString(init.resolve("operator.hosts"), operatorHosts);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        raftPorts.forEach((id, port) -> links.front(id, new InetSocketAddress(FRONTS, port),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        for (Map.Entry<String, Path> e : fileOf.entrySet()) {
            String self = e.getKey();
            ObjectNode root = (ObjectNode) readJson(e.getValue());
            for (JsonNode node : root.path("members")) {
                ObjectNode m = (ObjectNode) node;
                String id = m.path("id").asText();
                m.put("raft", hostOf(id) + ":" + raftPorts.get(id));
                m.put("rpc", "http://127.0.0.1:" + rpcPorts.get(id) + "/");
            }
            spec.clusterFile().forEach((name, value) -> root.set(name, MemberRpc.JSON.valueToTree(value)));
            Path hosts = init.resolve(self + ".hosts");
            StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
            raftPorts.keySet().forEach(id -> lines.append(id.equals(self) ? "127.0.0.1 " : FRONTS.getHostAddress() + " ")
                    .append(hostOf(id)).append('\n'));
            try {
                Files.writeString(e.getValue(), MemberRpc.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                Files.writeString(hosts, lines);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            rpcUrls.put(self, URI.create("http://127.0.0.1:" + rpcPorts.get(self) + "/"));
            List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data-" + self).toString(),
                    "--genesis", genesis.toString(), "--cluster", e.getValue().toString(),
                    "--rpc-port", String.valueOf(rpcPorts.get(self)), "--permissioning", "open"));
            args.addAll(spec.nodeArguments());
            arguments.put(self, args);
            List<String> jvm = new ArrayList<>(List.of("-Djdk.net.hosts.file=" + hosts));
            if (spec.raftDiagnostics()) {
                jvm.add("-Djava.util.logging.config.file=" + raftDiagnosticsLogging(init));
            }
            jvm.addAll(spec.jvmOptions().getOrDefault(self, List.of()));
            jvmOptions.put(self, jvm);
        }
    }

    /** A java.util.logging configuration with Ratis' server and log appender at INFO (the node sets Ratis to WARNING). */
    private static Path raftDiagnosticsLogging(Path init) {
        Path file = init.resolve("raft-diagnostics-logging.properties");
        try {
            Files.writeString(file, """
                    handlers=java.util.logging.ConsoleHandler
                    java.util.logging.ConsoleHandler.level=ALL
                    java.util.logging.SimpleFormatter.format=%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n
                    .level=INFO
                    org.apache.ratis.server.level=INFO
                    org.apache.ratis.grpc.server.GrpcLogAppender.level=INFO
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The name member {@code id} is known by: its own process resolves it to itself, every other to its front. */
    private static String hostOf(String id) {
        return id.toLowerCase(java.util.Locale.ROOT) + ".park.test";
    }

    private void startAll() {
        List<CompletableFuture<MemberProcess>> starting = new ArrayList<>();
        for (String id : arguments.keySet()) {
            if (!spec.jvmOptions().keySet().stream().allMatch(arguments::containsKey)) {
                throw new IllegalArgumentException("JVM options for unknown members: " + spec.jvmOptions().keySet()
                        + " (members: " + arguments.keySet() + ")");
            }
            starting.add(CompletableFuture.supplyAsync(() -> MemberProcess.start(id, jvmOptions.get(id),
                    arguments.get(id), logOf(id))));
        }
        RuntimeException failure = null;
        for (CompletableFuture<MemberProcess> f : starting) {
            try {
                MemberProcess m = f.join();
                members.put(m.id(), m);
                pids.put(m.id(), m.pid());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Path logOf(String id) {
        return dir.resolve("logs").resolve(id + ".log");
    }

    /** Where the cluster's files, data and member logs are. */
    Path directory() {
        return dir;
    }

    Path genesis() {
        return genesis;
    }

    Set<String> ids() {
        return members.keySet();
    }

    Set<String> voters() {
        return roles.entrySet().stream().filter(e -> !e.getValue().equals("listener")).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    MemberProcess member(String id) {
        return members.get(id);
    }

    MemberRpc rpc(String id) {
        return new MemberRpc(rpcUrls.get(id));
    }

    /** JSON-RPC to every member, whether it is up or not (what a client configured with all of them holds). */
    Map<String, MemberRpc> rpcs() {
        Map<String, MemberRpc> all = new LinkedHashMap<>();
        rpcUrls.keySet().forEach(id -> all.put(id, rpc(id)));
        return all;
    }

    List<MemberRpc> entryPoints() {
        return List.copyOf(rpcs().values());
    }

    /** {@code parkchain_clusterStatus} of one member. */
    JsonNode status(String id) {
        return new MemberRpc(rpcUrls.get(id), Duration.ofSeconds(2)).call("parkchain_clusterStatus");
    }

    /**
     * Waits until one of {@code among} says it is the leader and every other reachable member of {@code among}
     * names it as leader; returns its id.
     */
    String awaitLeader(Duration timeout, Set<String> among) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> seen = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (String id : among) {
                try {
                    JsonNode s = status(id);
                    seen.put(id, s.path("role").asText() + "/" + s.path("leader").asText());
                } catch (MemberRpc.Unreachable | MemberRpc.Refused e) {
                    seen.put(id, "unreachable");
                }
            }
            List<String> leaders = seen.entrySet().stream().filter(e -> e.getValue().toUpperCase().startsWith("LEADER/"))
                    .map(Map.Entry::getKey).toList();
            if (leaders.size() == 1) {
                String leader = leaders.getFirst();
                boolean agreed = seen.entrySet().stream().allMatch(e -> e.getKey().equals(leader)
                        || e.getValue().equals("unreachable") || e.getValue().endsWith("/" + leader));
                if (agreed) {
                    return leader;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no agreed leader among " + among + " within " + timeout + ": " + seen);
    }

    String awaitLeader(Duration timeout) {
        return awaitLeader(timeout, voters());
    }

    long head(String id) {
        return Long.decode(rpc(id).call("eth_blockNumber").textValue());
    }

    void kill(String id) {
        members.get(id).kill();
    }

    void pause(String id) {
        members.get(id).pause();
    }

    void resume(String id) {
        members.get(id).resume();
    }

    /** Starts a stopped or killed member again with its arguments. */
    void restart(String id, String... extraJvmOptions) {
        MemberProcess m = members.get(id);
        m.startAgain(List.of(extraJvmOptions));
        pids.put(id, m.pid());
    }

    /** The Raft address member {@code id} is known by (what {@code cluster add --raft} takes). */
    String raftAddress(String id) {
        return hostOf(id) + ":" + raftPorts.get(id);
    }

    /** Member {@code id}'s cluster file. */
    Path clusterFile(String id) {
        return genesis.getParent().resolve(id + ".json");
    }

    /** Member {@code id}'s data directory. */
    Path dataDirectory(String id) {
        return dir.resolve("data-" + id);
    }

    /**
     * {@code parkchain ARGS…} as an operator on this machine would run it (a {@code cluster add|remove}), resolving
     * the members' names to their fronts; its output, or a failure with it unless it exits 0.
     */
    String operator(String... args) {
        return Cli.run(List.of("-Djdk.net.hosts.file=" + genesis.getParent().resolve("operator.hosts")), List.of(args));
    }

    /**
     * Writes a new key and certificate for member {@code id}, valid for {@code validity} from now (negative: expired
     * already), issued by the park CA, or by {@code issuer} when given, whose certificate then becomes the CA that
     * member trusts. The member reads them when it (re)starts.
     */
    void issueCertificate(String id, Duration validity, DevCertificateAuthority issuer) {
        DevCertificateAuthority by = issuer == null ? ca : issuer;
        Path init = genesis.getParent();
        DevCertificateAuthority.Issued issued = by.issue(id, hostOf(id), validity);
        DevCertificateAuthority.writeCertificate(issued.certificate(), init.resolve(id + ".pem"));
        DevCertificateAuthority.writePrivateKey(issued.keys(), init.resolve(id + ".key"));
        String trusted = issuer == null ? "ca.pem" : id + "-issuer-ca.pem";
        if (issuer != null) {
            DevCertificateAuthority.writeCertificate(issuer.certificate(), init.resolve(trusted));
        }
        ObjectNode root = (ObjectNode) readJson(clusterFile(id));
        ((ObjectNode) root.path("tls")).put("ca", trusted);
        try {
            Files.writeString(clusterFile(id), MemberRpc.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts {@code side} off from every other member (both directions). */
    void partition(Set<String> side) {
        links.partition(side, members.keySet());
    }

    void heal() {
        links.heal();
    }

    /**
     * Connections that go around the proxy: a member connected straight to another member's real Raft port (it
     * learnt that address from a peer rather than from its own cluster file). A partition cannot cut those, so the
     * partition test requires there are none.
     */
    List<String> connectionsAroundTheProxy() {
        List<String> found = new ArrayList<>();
        Map<String, Long> now = Map.copyOf(pids);
        raftPorts.forEach((id, port) -> {
            for (long pid : SocketOwners.clientsOf(port, new ArrayList<>(now.values()))) {
                String from = now.entrySet().stream().filter(e -> e.getValue() == pid).map(Map.Entry::getKey)
                        .findFirst().orElse("?");
                if (!from.equals(id)) {
                    found.add(from + " -> " + id + " (port " + port + ")");
                }
            }
        });
        return found;
    }

    RaftLinks links() {
        return links;
    }

    /**
     * Every running member prints all its threads' stacks into its log (SIGQUIT); returns once they had time to. A
     * failed fault test calls this before the members are stopped, so the logs show where a member was stuck.
     */
    void dumpThreads() {
        members.values().forEach(MemberProcess::dumpThreads);
        sleep(2_000);
    }

    /** The tail of every member's log, for a failure message. */
    String logs(int lines) {
        return members.values().stream().map(m -> "---- " + m.id() + " (" + m.log() + ")\n" + m.logTail(lines))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        members.values().forEach(MemberProcess::close);
        links.close();
    }

    private static List<Path> clusterFiles(Path init) {
        try (Stream<Path> files = Files.walk(init)) {
            return files.filter(p -> p.toString().endsWith(".json")).filter(p -> readJson(p).has("self")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path genesisFile(Path init) {
        try (Stream<Path> files = Files.walk(init)) {
            return files.filter(p -> p.getFileName().toString().startsWith("genesis") && p.toString().endsWith(".json"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("cluster init wrote no genesis in " + init));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return MemberRpc.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A fresh folder under {@code target/cluster-runs/} for one cluster: its data and every member's log stay after
     * the test (a failed fault test is read from the logs); {@code mvn clean} removes them.
     */
    static Path runDirectory(String name) {
        try {
            return Files.createDirectories(Path.of("target", "cluster-runs",
                    name + "-" + java.time.LocalDateTime.now().toString().replace(':', '-'))).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address every proxy front listens on: another loopback address, same port as the member behind it. */
    private static final InetAddress FRONTS = loopback2();

    private static InetAddress loopback2() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port free on 127.0.0.1 (the member) and on 127.0.0.2 (its front). */
    private static int freePortOnBoth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket s = new ServerSocket(port, 1, FRONTS)) {
                return port;
            } catch (IOException e) {
                // taken on the front address: try another
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code parkchain ARGS…} as a child process; fails with its output unless it exits 0. */
    static final class Cli {
        private Cli() {}

        static String run(List<String> args) {
            return run(List.of(), args);
        }

        static String run(List<String> jvmOptions, List<String> args) {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.parkchain.node.cli.Main"));
            command.addAll(args);
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("parkchain " + String.join(" ", args) + " failed:\n" + out);
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
