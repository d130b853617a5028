package org.parkchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.parkchain.chain.Genesis;
import org.parkchain.consensus.raft.ClusterMember;
import org.parkchain.consensus.raft.DevClusterFiles;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkStory;
import org.parkchain.node.park.RpcWallet;

/**
 * {@code parkchain demo --nodes N}: a development cluster of N member processes on this machine (each its own JVM,
 * chain database and Raft log, mutual TLS with a throwaway CA), the park's story told through one follower, the
 * leader SIGKILLed in the middle of it, a new leader taking over, the story finishing, the killed member restarted
 * and catching up, and every member's head shown equal at the end.
 */
final class ClusterDemo implements AutoCloseable {
    /** The leader is killed once the chain has this many blocks: a few acts into the story. */
    private static final long KILL_AT_BLOCK = 6;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final PrintWriter out;
    private final Path dir;
    private final List<ClusterMember> members;
    private final List<Process> processes = new ArrayList<>();

    private ClusterDemo(PrintWriter out, Path dir, List<ClusterMember> members) {
        this.out = out;
        this.dir = dir;
        this.members = members;
    }

    /** Writes the cluster's files in a fresh temporary folder and starts every member. */
    static ClusterDemo start(PrintWriter out, int nodes, int rpcBasePort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parkchain-demo-cluster");
        int raftBase = freeRange(nodes);
        int rpcBase = rpcBasePort == 0 ? freeRange(nodes) : rpcBasePort;
        DevClusterFiles.Written written = DevClusterFiles.write(dir, nodes, 0, "127.0.0.1", raftBase, rpcBase);
        Files.writeString(dir.resolve("genesis.json"), DevGenesisFile.json());
        ClusterDemo demo = new ClusterDemo(out, dir, written.members());
        out.println("Parkchain demo: a park network of " + nodes + " members, each its own process with its own chain"
                + " database and Raft log, Raft traffic over mutual TLS (a throwaway CA); files and logs in " + dir);
        out.flush();
        for (int i = 0; i < nodes; i++) {
            demo.processes.add(null);
            demo.launch(i);
        }
        for (ClusterMember m : demo.members) {
            demo.awaitServing(m);
        }
        return demo;
    }

    private void launch(int i) throws IOException {
        ClusterMember m = members.get(i);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.parkchain.node.cli.Main", "node", "--data-dir", dir.resolve("data").resolve(m.id()).toString(),
                "--genesis", dir.resolve("genesis.json").toString(), "--cluster", dir.resolve(m.id() + ".json").toString(),
                "--permissioning", "open");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(m.id() + ".log").toFile())).start();
        processes.set(i, p);
        out.println("  started " + m.id() + " (pid " + p.pid() + "): Raft " + m.raft() + ", JSON-RPC " + m.rpc());
        out.flush();
    }

    private void awaitServing(ClusterMember m) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(m).isPresent()) {
                return;
            }
            Process p = processes.get(members.indexOf(m));
            if (!p.isAlive()) {
                throw new IllegalStateException(m.id() + " exited with status " + p.exitValue() + "; see "
                        + dir.resolve(m.id() + ".log"));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(m.id() + " did not serve within " + START_TIMEOUT.toSeconds() + " s; see "
                + dir.resolve(m.id() + ".log"));
    }

    private static Optional<JsonNode> status(ClusterMember m) {
        try {
            return Optional.of(new JsonRpcClient(URI.create(m.rpc() + "/")).call("parkchain_clusterStatus"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The member that leads, among those still running, once one does. */
    private ClusterMember awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < members.size(); i++) {
                if (processes.get(i).isAlive()) {
                    Optional<JsonNode> s = status(members.get(i));
                    if (s.isPresent() && "LEADER".equals(s.get().path("role").asText())) {
                        return members.get(i);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no leader within " + timeout.toSeconds() + " s");
    }

    /** Tells the story through a follower, kills the leader during it, and shows the heads equal at the end. */
    ParkStory.Outcome play() throws Exception {
        ClusterMember leader = awaitLeader(Duration.ofSeconds(60));
        long term = status(leader).map(s -> s.path("term").asLong()).orElse(0L);
        ClusterMember teller = members.stream().filter(m -> !m.equals(leader)).findFirst().orElseThrow();
        out.println("Leader: " + leader.id() + " (term " + term + "); it seals the blocks. The story's transactions go to "
                + teller.id() + ", a follower, which forwards them to the leader.");
        out.println();
        out.flush();
        JsonRpcClient tellerRpc = new JsonRpcClient(URI.create(teller.rpc() + "/"));
        AtomicReference<Throwable> killerFailure = new AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                killLeaderMidStory(tellerRpc);
            } catch (Throwable t) {
                killerFailure.set(t);
            }
        }, "demo-leader-killer");
        killer.setDaemon(true);
        killer.start();
        ParkStory.Outcome outcome = new ParkStory(new RpcWallet(tellerRpc), ParkStory.Cast.of(Genesis.devKeys()), out).play();
        killer.join(Duration.ofSeconds(60).toMillis());
        if (killerFailure.get() != null) {
            throw new IllegalStateException("the failover did not go as shown: " + killerFailure.get().getMessage(), killerFailure.get());
        }
        restartKilledAndCompareHeads();
        return outcome;
    }

    private void killLeaderMidStory(JsonRpcClient teller) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (blockNumber(teller) < KILL_AT_BLOCK) {
            if (System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(20);
        }
        ClusterMember leader = awaitLeader(Duration.ofSeconds(30));
        int i = members.indexOf(leader);
        long at = blockNumber(teller);
        processes.get(i).destroyForcibly();
        processes.get(i).waitFor();
        long killed = System.nanoTime();
        out.println();
        out.println(">>> block #" + at + ": the leader " + leader.id() + " is killed (SIGKILL), mid-story <<<");
        out.flush();
        ClusterMember next = awaitLeader(Duration.ofSeconds(30));
        long ms = Duration.ofNanos(System.nanoTime() - killed).toMillis();
        long term = status(next).map(s -> s.path("term").asLong()).orElse(0L);
        out.println(">>> " + next.id() + " is the new leader after " + ms + " ms (term " + term + "); the story goes on <<<");
        out.println();
        out.flush();
    }

    private static long blockNumber(JsonRpcClient rpc) {
        try {
            return Long.decode(rpc.call("eth_blockNumber").asText());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void restartKilledAndCompareHeads() throws Exception {
        for (int i = 0; i < members.size(); i++) {
            if (!processes.get(i).isAlive()) {
                out.println();
                out.println("Restarting " + members.get(i).id() + ": it catches up from the others' log.");
                out.flush();
                launch(i);
                awaitServing(members.get(i));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<JsonNode> heads = heads();
        while (!allEqual(heads) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            heads = heads();
        }
        out.println();
        out.println("Every member's head (each re-executed every block and checked its state root):");
        boolean equal = true;
        for (int i = 0; i < members.size(); i++) {
            JsonNode h = heads.get(i);
            String role = status(members.get(i)).map(s -> s.path("role").asText()).orElse("?");
            out.printf("  %-3s %-9s #%s  hash %s  state root %s%n", members.get(i).id(), role,
                    h == null ? "?" : h.path("number").asText(), h == null ? "?" : h.path("hash").asText(),
                    h == null ? "?" : h.path("stateRoot").asText());
            equal &= h != null && h.equals(heads.get(0));
        }
        out.println(equal ? "All " + members.size() + " heads are equal." : "The heads differ!");
        out.flush();
        if (!equal) {
            throw new IllegalStateException("the members' heads differ at the end of the story");
        }
    }

    private List<JsonNode> heads() {
        List<JsonNode> heads = new ArrayList<>();
        for (ClusterMember m : members) {
            heads.add(status(m).map(s -> s.path("head")).orElse(null));
        }
        return heads;
    }

    private static boolean allEqual(List<JsonNode> heads) {
        return heads.stream().allMatch(h -> h != null && h.equals(heads.get(0)));
    }

    /** The URL the story was told through, for "look around". */
    List<ClusterMember> members() {
        return members;
    }

    Path dir() {
        return dir;
    }

    /** Stops every member (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        for (Process p : processes) {
            if (p != null && p.isAlive()) {
                p.destroy();
            }
        }
        for (Process p : processes) {
            try {
                if (p != null && !p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static int freeRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base + count > 65535) {
                continue;
            }
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket s = new ServerSocket(p)) {
                    s.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no range of " + count + " free ports");
    }
}
