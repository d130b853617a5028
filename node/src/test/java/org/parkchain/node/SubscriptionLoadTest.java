package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;

/**
 * The report's load: many log subscriptions and a transaction with thousands of logs. Before, the producer did the
 * subscription work itself — with 256 subscriptions a 10,000-log transaction took 8.2 s to get its receipt, with
 * 1,280 RPC stopped answering. Now its receipt, and the next block's, come as fast as without subscribers; clients
 * that cannot keep up are disconnected with a reason. {@code ./mvnw verify} runs a small version; {@code -Pheavy}
 * runs the report's 256 subscriptions and 10,000 logs.
 */
class SubscriptionLoadTest {
    private static final int SUBSCRIPTIONS = Integer.getInteger("parkchain.load.subscriptions", 32);
    private static final int LOGS = Integer.getInteger("parkchain.load.logs", 2_000);
    private static final int CONNECTIONS = 4;
    /** Generous: what is pinned is that the producer does not do the subscribers' work, not a speed. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    /** A WebSocket client that reads and counts everything, as an ordinary dApp would. */
    private static final class Counting implements WebSocket.Listener {
        final AtomicLong messages = new AtomicLong();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) {
                messages.incrementAndGet();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete("error " + error);
        }
    }

    /** Runtime code: emits {@code LOGS} LOG1s with topic 0x77, then stops. */
    private static byte[] loggerInitCode() {
        byte[] runtime = Assembler.assemble("PUSH2 " + LOGS + " @loop DUP1 ISZERO :end JUMPI PUSH 0x77 PUSH0 PUSH0 "
                + "LOG1 PUSH 1 SWAP1 SUB :loop JUMP @end STOP");
        byte[] prefix = Assembler.assemble("PUSH2 " + runtime.length + " DUP1 PUSH2 11 PUSH0 CODECOPY PUSH0 RETURN");
        byte[] out = new byte[prefix.length + runtime.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(runtime, 0, out, prefix.length, runtime.length);
        return out;
    }

    @Test
    void manyLogSubscriptionsDoNotSlowBlockProduction() throws Exception {
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            PrivateKey key = DevChain.KEYS.get(3);
            Transaction deploy = DevChain.eip1559(0).gasLimit(500_000).data(loggerInitCode()).sign(key);
            JsonNode deployed = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(deploy)).textValue());
            Address logger = Address.fromHex(deployed.get("contractAddress").textValue());

            HttpClient http = HttpClient.newHttpClient();
            List<WebSocket> sockets = new ArrayList<>();
            List<Counting> clients = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Counting client = new Counting();
                WebSocket ws = http.newWebSocketBuilder().buildAsync(node.webSocketUrl(), client).join();
                for (int s = 0; s < SUBSCRIPTIONS / CONNECTIONS; s++) {
                    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + s + ",\"method\":\"eth_subscribe\",\"params\":[\"logs\",{}]}",
                            true).join();
                }
                sockets.add(ws);
                clients.add(client);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (clients.stream().mapToLong(c -> c.messages.get()).sum() < SUBSCRIPTIONS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(clients.stream().mapToLong(c -> c.messages.get()).sum()).isEqualTo(SUBSCRIPTIONS);

            long start = System.nanoTime();
            Transaction many = DevChain.eip1559(1).to(logger).gasLimit(LOGS * 1_000L + 100_000).sign(key);
            JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(many)).textValue());
            Duration manyLogs = Duration.ofNanos(System.nanoTime() - start);
            assertThat(receipt.get("logs")).hasSize(LOGS);

            start = System.nanoTime();
            rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(
                    DevChain.transfer(key, 2, Address.fromLong(0xbeef), UInt256.ONE))).textValue());
            Duration next = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("SubscriptionLoadTest: %d subscriptions, %d logs: receipt in %d ms, next block's in %d ms%n",
                    SUBSCRIPTIONS, LOGS, manyLogs.toMillis(), next.toMillis());
            assertThat(manyLogs).isLessThan(BOUND);
            assertThat(next).isLessThan(BOUND);
            assertThat(rpc.get("/health").status()).isEqualTo(200);

            // Every client either received every notification or was told why it was dropped.
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (Counting client : clients) {
                long expected = (long) (SUBSCRIPTIONS / CONNECTIONS) * (1 + LOGS);
                while (client.messages.get() < expected && !client.closed.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (client.closed.isDone()) {
                    assertThat(client.closed.get()).startsWith("1008").contains("too slow");
                } else {
                    assertThat(client.messages.get()).isEqualTo(expected);
                }
            }
            sockets.forEach(WebSocket::abort);
            http.close();
        }
    }
}
