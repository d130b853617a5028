package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ExecutedBlock;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.regime.SystemContracts;

/**
 * DESIGN.md's crash-safety promise, tested the hard way: a node with a data directory under continuous load is
 * killed with SIGKILL at random moments and restarted. Afterwards every transaction that had been answered with a
 * receipt is still there with the same receipt, the head's state root equals what a fresh replay of the stored
 * chain computes, and the node accepts new transactions. The number of kills is {@code parkchain.crash.kills}
 * (3 in the ordinary build, 20 with {@code -Pcrash}).
 */
class CrashSafetyTest {
    private static final int SENDERS = 4;
    private static final int BATCH = 16;

    @Test
    void receiptsAndStateSurviveRepeatedSigkill(@TempDir Path dir) throws Exception {
        int kills = Integer.getInteger("parkchain.crash.kills", 3);
        Random random = new Random(Long.getLong("parkchain.crash.seed", System.nanoTime()));
        Map<String, JsonNode> answered = new ConcurrentHashMap<>();
        for (int round = 0; round < kills; round++) {
            try (NodeProcess node = NodeProcess.start("--dev", "--data-dir", dir.toString())) {
                AtomicBoolean stop = new AtomicBoolean();
                Thread load = new Thread(() -> drive(new NodeRpc(node.url), answered, stop), "load");
                load.start();
                // Kill while the load is flowing: once this round's first receipts arrive, at a random moment.
                int before = answered.size();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (answered.size() == before && System.nanoTime() < deadline && load.isAlive()) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(1500));
                node.kill();
                stop.set(true);
                load.join(30_000);
            }
        }
        assertThat(answered).as("receipts answered before the kills").isNotEmpty();

        try (NodeProcess node = NodeProcess.start("--dev", "--data-dir", dir.toString())) {
            NodeRpc rpc = new NodeRpc(node.url);
            for (Map.Entry<String, JsonNode> e : answered.entrySet()) {
                assertThat(rpc.call("eth_getTransactionReceipt", e.getKey())).as("receipt of " + e.getKey())
                        .isEqualTo(e.getValue());
            }
            PrivateKey key = DevChain.KEYS.get(SENDERS + 1);
            JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(key,
                    DevChain.nonce(rpc, key.address()), key.address(), UInt256.ONE))).textValue());
            assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
            node.terminate();
        }
        long head = assertHeadEqualsFreshReplay(dir);
        System.out.println("crash safety: " + kills + " SIGKILLs, " + answered.size()
                + " receipts intact, head #" + head + " equals a fresh replay");
    }

    /** Sends batches of transfers and collects the receipts it is given, until the node dies or {@code stop}. */
    private static void drive(NodeRpc rpc, Map<String, JsonNode> answered, AtomicBoolean stop) {
        try {
            long[] nonces = new long[SENDERS];
            for (int s = 0; s < SENDERS; s++) {
                nonces[s] = DevChain.nonce(rpc, DevChain.KEYS.get(s + 1).address());
            }
            List<String> outstanding = new ArrayList<>();
            Address sink = Address.fromHex("0x000000000000000000000000000000000000c0de");
            while (!stop.get()) {
                ArrayNode batch = NodeRpc.JSON.createArrayNode();
                for (int i = 0; i < BATCH; i++) {
                    int s = i % SENDERS;
                    String raw = DevChain.raw(DevChain.transfer(DevChain.KEYS.get(s + 1), nonces[s]++, sink, UInt256.ONE));
                    batch.add(request(batch.size(), "eth_sendRawTransaction", raw));
                }
                for (JsonNode reply : rpc.post(batch.toString()).json()) {
                    if (reply.has("result")) {
                        outstanding.add(reply.get("result").textValue());
                    }
                }
                ArrayNode polls = NodeRpc.JSON.createArrayNode();
                for (String hash : outstanding) {
                    polls.add(request(polls.size(), "eth_getTransactionReceipt", hash));
                }
                if (polls.isEmpty()) {
                    continue;
                }
                JsonNode replies = rpc.post(polls.toString()).json();
                List<String> still = new ArrayList<>();
                for (JsonNode reply : replies) {
                    String hash = outstanding.get(reply.get("id").intValue());
                    JsonNode r = reply.get("result");
                    if (r != null && !r.isNull()) {
                        answered.put(hash, r);
                    } else {
                        still.add(hash);
                    }
                }
                outstanding = still;
            }
        } catch (AssertionError | RuntimeException e) {
            // The node was killed under us: that is the point.
        }
    }

    private static ObjectNode request(int id, String method, String param) {
        ObjectNode o = NodeRpc.JSON.createObjectNode();
        o.put("jsonrpc", "2.0").put("id", id).put("method", method).putArray("params").add(param);
        return o;
    }

    /** Re-executes every stored block on a fresh chain; replay checks each block's roots, the head's must match. */
    private static long assertHeadEqualsFreshReplay(Path dir) {
        try (Blockchain stored = Blockchain.open(RocksDbChainStore.open(dir.resolve(ParkchainNode.CHAIN_DIR)), ParkGenesis.dev());
             Blockchain fresh = Blockchain.open(new InMemoryChainStore(), ParkGenesis.dev())) {
            assertThat(stored.head().number()).isPositive();
            BlockExecutor executor = new BlockExecutor(fresh.chainId(), fresh.forks(), new SystemContracts(),
                    new ParkAdmission(new PermissionPolicy(PermissionPolicy.Mode.OPEN)));
            for (long n = 1; n <= stored.head().number(); n++) {
                Block block = stored.block(n).orElseThrow();
                ExecutedBlock replayed = executor.replay(fresh.head(), fresh.nodes(), fresh.blockHashes(), block);
                fresh.append(replayed);
            }
            assertThat(fresh.head().stateRoot()).isEqualTo(stored.head().stateRoot());
            assertThat(fresh.head().hash()).isEqualTo(stored.head().hash());
            return stored.head().number();
        }
    }
}
