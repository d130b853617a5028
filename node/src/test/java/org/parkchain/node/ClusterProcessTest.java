package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.node.cli.Main;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import picocli.CommandLine;

/**
 * Three {@code parkchain node --cluster} processes from {@code parkchain cluster init}'s files: a transaction sent to a
 * follower is mined and its receipt is on every member, {@code /health} and {@code parkchain_clusterStatus} tell the
 * roles, and after the leader is SIGKILLed a new leader takes over and production goes on.
 */
class ClusterProcessTest {
    private static final Address SINK = Address.fromHex("0x0000000000000000000000000000000000005555");

    @Test
    void threeMemberProcessesReplicateAndSurviveTheLeadersDeath(@TempDir Path dir) throws Exception {
        int raftBase = freeRange(3);
        int rpcBase = freeRange(3);
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("cluster", "init", "--dir", dir.toString(), "--members", "3", "--base-port",
                Integer.toString(raftBase), "--rpc-base-port", Integer.toString(rpcBase))).isZero();
        Map<String, NodeProcess> nodes = new LinkedHashMap<>();
        try {
            for (String id : List.of("n1", "n2", "n3")) {
                // On the cluster file's rpc port, so that 'cluster status' finds every member where the file says.
                nodes.put(id, NodeProcess.startServing("--data-dir", dir.resolve("data/" + id).toString(), "--genesis",
                        dir.resolve("genesis.json").toString(), "--cluster", dir.resolve(id + ".json").toString(),
                        "--permissioning", "open"));
            }
            String leader = awaitLeader(nodes);
            String follower = nodes.keySet().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
            NodeRpc followerRpc = new NodeRpc(nodes.get(follower).url);
            String hash = followerRpc.call("eth_sendRawTransaction",
                    DevChain.raw(DevChain.transfer(DevChain.KEYS.get(4), 0, SINK, UInt256.of(5)))).textValue();
            for (NodeProcess n : nodes.values()) {
                JsonNode receipt = new NodeRpc(n.url).awaitReceipt(hash);
                assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
            }
            JsonNode status = followerRpc.call("parkchain_clusterStatus");
            assertThat(status.get("role").textValue()).isEqualTo("FOLLOWER");
            assertThat(status.get("leader").textValue()).isEqualTo(leader);
            assertThat(status.get("members")).hasSize(3);
            assertThat(status.get("diverged").isNull()).isTrue();
            NodeRpc.Reply health = followerRpc.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"cluster\"");
            assertThat(followerRpc.get("/metrics").body()).contains("parkchain_cluster_term", "parkchain_cluster_applied_index");
            StringWriter statusOut = new StringWriter();
            CommandLine statusCl = Main.commandLine();
            statusCl.setOut(new PrintWriter(statusOut, true));
            assertThat(statusCl.execute("cluster", "status", "--rpc", nodes.get(follower).url.toString())).isZero();
            assertThat(statusOut.toString()).contains("leader " + leader, "n1", "n2", "n3", "LEADER", "FOLLOWER")
                    .doesNotContain("unreachable", "DIVERGED");

            nodes.get(leader).kill();
            Map<String, NodeProcess> survivors = new LinkedHashMap<>(nodes);
            survivors.remove(leader);
            long killed = System.nanoTime();
            String next = awaitLeader(survivors);
            long failoverMs = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            assertThat(next).isNotEqualTo(leader);
            String other = survivors.keySet().stream().filter(id -> !id.equals(next)).findFirst().orElseThrow();
            String after = new NodeRpc(survivors.get(other).url).call("eth_sendRawTransaction",
                    DevChain.raw(DevChain.transfer(DevChain.KEYS.get(4), 1, SINK, UInt256.of(6)))).textValue();
            List<String> heads = new ArrayList<>();
            for (NodeProcess n : survivors.values()) {
                NodeRpc rpc = new NodeRpc(n.url);
                rpc.awaitReceipt(after);
                heads.add(rpc.call("eth_getBlockByNumber", rpc.call("eth_getTransactionReceipt", after).get("blockNumber").textValue(),
                        false).get("hash").textValue());
            }
            assertThat(heads).containsOnly(heads.get(0));
            System.out.println("cluster process test: leader " + leader + " SIGKILLed, " + next + " led after " + failoverMs + " ms");
        } finally {
            for (NodeProcess n : nodes.values()) {
                n.close();
            }
        }
    }

    private static String awaitLeader(Map<String, NodeProcess> nodes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<String, NodeProcess> e : nodes.entrySet()) {
                Optional<String> role = role(e.getValue());
                if (role.filter("LEADER"::equals).isPresent()) {
                    return e.getKey();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no leader within 60 s");
    }

    private static Optional<String> role(NodeProcess n) {
        try {
            return Optional.of(new NodeRpc(n.url).call("parkchain_clusterStatus").get("role").textValue());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first of {@code count} consecutive free ports. */
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
