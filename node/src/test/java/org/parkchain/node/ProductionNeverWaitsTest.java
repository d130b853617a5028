package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.LogFilter;
import org.parkchain.rpc.SubscriptionKind;
import org.parkchain.rpc.SubscriptionRequest;

/**
 * Block production must never wait for clients, and must never die quietly: a subscriber that takes for ever does
 * not hold up the next block, and an error on the producer's thread makes {@code /health} fail and the node refuse
 * transactions it would never mine.
 */
class ProductionNeverWaitsTest {
    private static final Address SOMEONE = Address.fromLong(0xbeef);

    @Test
    void blocksKeepComingWhileASubscriberIsStuck() throws Exception {
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch stuck = new CountDownLatch(1);
            // Stands for any work a subscription costs (10,000 logs for 1,280 subscribers took 16.7 s): here, for ever.
            node.subscriptions().open(new SubscriptionRequest(SubscriptionKind.NEW_HEADS, LogFilter.ANY, false), head -> {
                stuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                for (long nonce = 0; nonce < 3; nonce++) {
                    String hash = rpc.call("eth_sendRawTransaction", DevChain.raw(
                            DevChain.transfer(DevChain.KEYS.get(1), nonce, SOMEONE, UInt256.ONE))).textValue();
                    JsonNode receipt = rpc.awaitReceipt(hash);
                    assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
                }
                assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(rpc.get("/health").status()).isEqualTo(200);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void anErrorOnTheProducerThreadFailsHealthAndStopsAdmission() {
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThat(rpc.get("/health").status()).isEqualTo(200);
            // The 10,000 filters of the report ran the producer out of memory; the effect is an Error on its thread.
            node.chain().addListener(block -> {
                throw new OutOfMemoryError("Java heap space (simulated)");
            });
            rpc.call("eth_sendRawTransaction", DevChain.raw(
                    DevChain.transfer(DevChain.KEYS.get(2), 0, SOMEONE, UInt256.ONE)));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (node.fatalError().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            NodeRpc.Reply health = rpc.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"production\"").contains("block production stopped")
                    .contains("OutOfMemoryError");
            assertThatThrownBy(() -> rpc.call("eth_sendRawTransaction", DevChain.raw(
                    DevChain.transfer(DevChain.KEYS.get(2), 1, SOMEONE, UInt256.ONE))))
                    .hasMessageContaining("block production has stopped");
        }
    }
}
