package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;

/** eth_subscribe over a real WebSocket: newHeads, logs with a filter, newPendingTransactions, eth_unsubscribe. */
class SubscriptionsTest {
    private static ParkchainNode node;
    private static NodeRpc rpc;
    private static Address contract;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        rpc = new NodeRpc(node.rpcUrl());
        contract = DevChain.deploy(rpc, DevChain.KEYS.get(1));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** A WebSocket client that queues every message. */
    static final class Ws implements AutoCloseable {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private int ids;

        Ws(ParkchainNode node) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(node.webSocketUrl(), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                try {
                                    received.add(NodeRpc.JSON.readTree(partial.toString()));
                                } catch (IOException e) {
                                    throw new AssertionError(e);
                                }
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).join();
        }

        /** Sends a call and returns its reply, keeping notifications that arrive first in the queue. */
        JsonNode call(String method, String paramsJson) {
            int id = ++ids;
            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":"
                    + paramsJson + "}", true).join();
            java.util.List<JsonNode> notifications = new java.util.ArrayList<>();
            while (true) {
                JsonNode m = next();
                if (m.has("id") && m.get("id").asInt() == id) {
                    received.addAll(notifications);
                    return m;
                }
                notifications.add(m);
            }
        }

        JsonNode next() {
            try {
                JsonNode m = received.poll(10, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError("no WebSocket message within 10 s");
                }
                return m;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next notification of subscription {@code id}. */
        JsonNode notification(String id) {
            while (true) {
                JsonNode m = next();
                if ("eth_subscription".equals(m.path("method").asText())
                        && id.equals(m.path("params").path("subscription").asText())) {
                    return m.get("params").get("result");
                }
            }
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    void newHeadsLogsAndPendingTransactionsArriveAsTheChainMoves() {
        try (Ws ws = new Ws(node)) {
            String heads = ws.call("eth_subscribe", "[\"newHeads\"]").get("result").textValue();
            String logs = ws.call("eth_subscribe", "[\"logs\",{\"address\":\"" + contract.toHex() + "\",\"topics\":[\""
                    + DevChain.TOPIC.toHex() + "\"]}]").get("result").textValue();
            String pending = ws.call("eth_subscribe", "[\"newPendingTransactions\"]").get("result").textValue();
            assertThat(ws.call("eth_chainId", "[]").get("result").textValue()).isEqualTo("0x7a69");

            PrivateKey key = DevChain.KEYS.get(2);
            Transaction tx = DevChain.eip1559(DevChain.nonce(rpc, key.address())).to(contract).gasLimit(100_000).sign(key);
            JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue());

            assertThat(ws.notification(pending).textValue()).isEqualTo(tx.hash().toHex());
            JsonNode head = ws.notification(heads);
            while (!head.get("number").textValue().equals(receipt.get("blockNumber").textValue())) {
                head = ws.notification(heads);
            }
            assertThat(head.get("hash").textValue()).isEqualTo(receipt.get("blockHash").textValue());
            assertThat(head.has("transactions")).isFalse();
            assertThat(head.fieldNames()).toIterable().contains("parentHash", "stateRoot", "baseFeePerGas", "logsBloom");
            JsonNode log = ws.notification(logs);
            assertThat(log.get("transactionHash").textValue()).isEqualTo(tx.hash().toHex());
            assertThat(log.get("address").textValue()).isEqualTo(contract.toHex());
            assertThat(log.get("logIndex").textValue()).isEqualTo("0x0");

            assertThat(ws.call("eth_unsubscribe", "[\"" + heads + "\"]").get("result").booleanValue()).isTrue();
            assertThat(ws.call("eth_unsubscribe", "[\"" + heads + "\"]").get("result").booleanValue()).isFalse();
        }
    }
}
