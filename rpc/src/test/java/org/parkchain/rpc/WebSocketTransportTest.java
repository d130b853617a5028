package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

class WebSocketTransportTest {
    private static RunningRpc rpc;

    @BeforeAll
    static void start() {
        rpc = new RunningRpc(RunningRpc.testConfig().withMaxSubscriptionsPerConnection(3));
    }

    @AfterAll
    static void stop() {
        rpc.close();
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static ObjectNode head(long number) {
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        head.put("number", RpcEncoding.quantity(number));
        return head;
    }

    @Test
    void answersCallsAndBatchesOverWebSocket() {
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            JsonNode reply = ws.call("test_add", "[\"0x2\",\"0x3\"]", 5);
            assertThat(reply.path("id").asInt()).isEqualTo(5);
            assertThat(reply.path("result").asText()).isEqualTo("0x5");
            ws.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope_x\"}]");
            JsonNode batch = ws.next();
            assertThat(batch).hasSize(2);
            assertThat(batch.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
            ws.send("{not json");
            assertThat(ws.next().path("error").path("code").asInt()).isEqualTo(-32700);
        }
    }

    @Test
    void subscribeReceivesNotificationsUntilUnsubscribed() {
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            String id = ws.call("eth_subscribe", "[\"newHeads\"]", 1).path("result").asText();
            assertThat(id).matches("0x[0-9a-f]{32}");

            rpc.hub.publishNewHead(head(1));
            JsonNode notification = ws.next();
            assertThat(notification.path("method").asText()).isEqualTo("eth_subscription");
            assertThat(notification.has("id")).isFalse();
            assertThat(notification.path("params").path("subscription").asText()).isEqualTo(id);
            assertThat(notification.path("params").path("result").path("number").asText()).isEqualTo("0x1");

            assertThat(ws.call("eth_unsubscribe", "[\"" + id + "\"]", 2).path("result").asBoolean()).isTrue();
            assertThat(ws.call("eth_unsubscribe", "[\"" + id + "\"]", 3).path("result").asBoolean()).isFalse();
            rpc.hub.publishNewHead(head(2));
            // The head was queued before this call was sent, so it would have arrived first.
            assertThat(ws.call("test_map", "[]", 4).path("id").asInt()).isEqualTo(4);
        }
    }

    @Test
    void logSubscriptionsGetOnlyMatchingLogs() {
        Address token = Address.fromLong(0x1001);
        Hash transfer = Hash.fromHex("0x" + "dd".repeat(32));
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            String id = ws.call("eth_subscribe", "[\"logs\", {\"address\": \"" + token.toHex() + "\", \"topics\": [\""
                    + transfer.toHex() + "\"]}]", 1).path("result").asText();
            ObjectNode other = JsonNodeFactory.instance.objectNode().put("logIndex", "0x0");
            ObjectNode wanted = JsonNodeFactory.instance.objectNode().put("logIndex", "0x1");
            rpc.hub.publishLog(Address.ZERO, List.of(transfer), other);
            rpc.hub.publishLog(token, List.of(Hash.ZERO), other);
            rpc.hub.publishLog(token, List.of(transfer, Hash.ZERO), wanted);
            JsonNode notification = ws.next();
            assertThat(notification.path("params").path("subscription").asText()).isEqualTo(id);
            assertThat(notification.path("params").path("result").path("logIndex").asText()).isEqualTo("0x1");
        }
    }

    @Test
    void pendingTransactionSubscriptionsGetHashes() {
        Hash tx = Hash.fromHex("0x" + "ab".repeat(32));
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            ws.call("eth_subscribe", "[\"newPendingTransactions\"]", 1);
            rpc.hub.publishPendingTransaction(tx, () -> {
                throw new AssertionError("nobody asked for full transactions");
            });
            assertThat(ws.next().path("params").path("result").asText()).isEqualTo(tx.toHex());
        }
    }

    @Test
    void badSubscriptionRequestsAreInvalidParams() {
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            JsonNode unknown = ws.call("eth_subscribe", "[\"newBlocks\"]", 1);
            assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(unknown.path("error").path("message").asText()).startsWith("no \"newBlocks\" subscription");
            JsonNode badFilter = ws.call("eth_subscribe", "[\"logs\", {\"address\": \"0x12\"}]", 2);
            assertThat(badFilter.path("error").path("message").asText())
                    .isEqualTo("invalid argument 1: address: an address is 20 bytes (40 hex digits), got 1 bytes");
        }
    }

    @Test
    void aConnectionMayHoldOnlySoManySubscriptions() {
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(ws.call("eth_subscribe", "[\"newHeads\"]", i).has("result")).isTrue();
            }
            JsonNode refused = ws.call("eth_subscribe", "[\"newHeads\"]", 9);
            assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32005);
            assertThat(refused.path("error").path("message").asText()).contains("at most 3");
        }
    }

    @Test
    void closingTheConnectionEndsItsSubscriptions() {
        eventually("no leftover subscriptions", () -> rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) == 0);
        WsClient ws = new WsClient(rpc.http, rpc.server.port());
        ws.call("eth_subscribe", "[\"newHeads\"]", 1);
        ws.call("eth_subscribe", "[\"newHeads\"]", 2);
        assertThat(rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS)).isEqualTo(2);
        // Connections of earlier tests may still be closing on the server side.
        eventually("gauge shows this connection", () -> metric("rpc_websocket_connections").equals("1.0"));
        ws.close();
        eventually("subscriptions ended", () -> rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) == 0);
        eventually("gauge back to 0", () -> metric("rpc_websocket_connections").equals("0.0"));
    }

    @Test
    void aNotificationNeverOvertakesTheSubscriptionId() {
        try (WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            Thread publisher = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000 && !Thread.currentThread().isInterrupted(); i++) {
                    rpc.hub.publishNewHead(head(i));
                }
            });
            JsonNode first = ws.call("eth_subscribe", "[\"newHeads\"]", 1);
            assertThat(first.path("id").asInt()).isEqualTo(1);
            publisher.interrupt();
        }
    }

    private static String metric(String name) {
        String text = rpc.send(HttpRequest.newBuilder(rpc.uri("/metrics")).GET().build()).body();
        return text.lines().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElse("absent");
    }
}
