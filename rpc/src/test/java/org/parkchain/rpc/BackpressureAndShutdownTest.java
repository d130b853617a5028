package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.rpc.WebSocketTransportTest.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackpressureAndShutdownTest {

    @Test
    void aClientThatStopsReadingIsDisconnectedAndLosesItsSubscriptions() {
        RpcConfig config = RunningRpc.testConfig().withMaxRequestBytes(16 * 1024)
                .withMaxOutgoingBytesPerConnection(256 * 1024);
        try (RunningRpc rpc = new RunningRpc(config);
                WsClient stuck = new WsClient(rpc.http, rpc.server.port(), false)) {
            stuck.call("eth_subscribe", "[\"newHeads\"]", 1);
            assertThat(rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS)).isEqualTo(1);
            ObjectNode head = JsonNodeFactory.instance.objectNode().put("extraData", "0x" + "ab".repeat(8 * 1024));
            // Far more than socket buffers hold: 4,000 heads of 16 KiB each.
            for (int i = 0; i < 4000 && rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) > 0; i++) {
                rpc.hub.publishNewHead(head);
            }
            eventually("the stuck client is dropped", () -> rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS) == 0);
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x1\"]").path("result").asText()).isEqualTo("0x2");
            try (WsClient healthy = new WsClient(rpc.http, rpc.server.port())) {
                assertThat(healthy.call("test_map", "[]", 2).path("result").path("answer").asInt()).isEqualTo(42);
            }
        }
    }

    @Test
    void anOversizedWebSocketMessageClosesThatConnectionOnly() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig().withMaxRequestBytes(16 * 1024));
                WsClient ws = new WsClient(rpc.http, rpc.server.port())) {
            ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "a".repeat(40_000) + "\"]}");
            assertThat(ws.closedWith.orTimeout(10, TimeUnit.SECONDS).join()).isNotEqualTo(1000);
            try (WsClient other = new WsClient(rpc.http, rpc.server.port())) {
                assertThat(other.call("test_map", "[]", 2).path("id").asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void aFullWorkQueueAnswersBusyInsteadOfQueueingWithoutBound() {
        RpcConfig config = RunningRpc.testConfig().withWorkerThreads(1).withMaxQueuedCalls(1);
        try (RunningRpc rpc = new RunningRpc(config)) {
            String wait = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"test_wait\",\"params\":[\"0x1f4\"]}";
            String batch = "[" + wait.formatted(1) + "," + wait.formatted(2) + "," + wait.formatted(3) + ","
                    + wait.formatted(4) + "]";
            JsonNode replies = rpc.call(batch);
            // One worker and one queue slot hold at most two calls; which two depends on thread timing.
            assertThat(replies).hasSize(4);
            long busy = 0;
            long waited = 0;
            for (JsonNode reply : replies) {
                if (reply.path("result").asText().equals("waited")) {
                    waited++;
                } else {
                    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32005);
                    assertThat(reply.path("error").path("message").asText()).startsWith("server busy");
                    busy++;
                }
            }
            assertThat(busy).isGreaterThanOrEqualTo(2);
            assertThat(waited).isGreaterThanOrEqualTo(1);
            assertThat(rpc.call("test_map", "[]").path("result").path("answer").asInt()).isEqualTo(42);
        }
    }

    @Test
    void startingOnATakenPortFailsWithAClearMessage() {
        try (RunningRpc first = new RunningRpc(RunningRpc.testConfig())) {
            RpcConfig same = RunningRpc.testConfig().withPort(first.server.port());
            assertThatThrownBy(() -> new RunningRpc(same))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot listen for JSON-RPC on 127.0.0.1:" + first.server.port());
        }
    }

    @Test
    void closeLetsRunningCallsFinishThenStopsServing() throws Exception {
        RunningRpc rpc = new RunningRpc(RunningRpc.testConfig());
        WsClient ws = new WsClient(rpc.http, rpc.server.port());
        ws.call("eth_subscribe", "[\"newHeads\"]", 1);
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_wait\",\"params\":[\"0x2bc\"]}");
        CompletableFuture<HttpResponse<String>> running = rpc.http.sendAsync(HttpRequest.newBuilder(rpc.uri("/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_wait\",\"params\":[\"0x2bc\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        eventually("the calls are running", () -> rpc.server.inFlightRequests() == 2);
        int port = rpc.server.port();
        rpc.server.close();

        JsonNode reply = RunningRpc.parse(running.get(10, TimeUnit.SECONDS).body());
        assertThat(reply.path("result").asText()).isEqualTo("waited");
        JsonNode wsReply = ws.next();
        assertThat(wsReply.path("id").asInt()).isEqualTo(2);
        assertThat(wsReply.path("result").asText()).isEqualTo("waited");
        assertThat(ws.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(rpc.hub.subscriberCount(SubscriptionKind.NEW_HEADS)).isZero();
        CompletableFuture<HttpResponse<String>> after = rpc.http.sendAsync(
                HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ConnectException.class);
        ws.close();
        rpc.close();
    }
}
