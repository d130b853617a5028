package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ReadApi at "/" (the explorer's pages) beside JSON-RPC: GET / is its, POST / stays JSON-RPC. */
class PageResourcesTest {
    /** Answers with the query it saw, as HTML, or 400 for ?bad. */
    private static final ReadApi PAGES = new ReadApi() {
        @Override
        public String prefix() {
            return "/";
        }

        @Override
        public Optional<String> get(String path) {
            return Optional.empty();
        }

        @Override
        public Response serve(Request request) {
            if (request.param("bad").isPresent()) {
                throw new IllegalArgumentException("bad: not understood");
            }
            String body = "<p>" + request.path() + " " + request.query() + "</p>";
            return new Response(request.path().equals("/missing") ? 404 : 200, "text/html; charset=utf-8",
                    body.getBytes(StandardCharsets.UTF_8), Map.of("X-Page", "yes"));
        }
    };

    @Test
    void getOfTheRootIsThePageWhileJsonRpcKeepsPost() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig(), List.of(PAGES), List.of())) {
            HttpResponse<String> home = rpc.send(HttpRequest.newBuilder(rpc.uri("/?q=a&q=b")).GET().build());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(home.headers().firstValue("X-Page")).hasValue("yes");
            assertThat(home.body()).isEqualTo("<p>/ {q=[a, b]}</p>");
            assertThat(rpc.call("test_add", "[\"0x1\",\"0x2\"]").path("result").asText()).isEqualTo("0x3");
            HttpResponse<String> missing = rpc.send(HttpRequest.newBuilder(rpc.uri("/missing")).GET().build());
            assertThat(missing.statusCode()).isEqualTo(404);
            HttpResponse<String> bad = rpc.send(HttpRequest.newBuilder(rpc.uri("/x?bad=1")).GET().build());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("bad: not understood\n");
            // /health keeps its own handler.
            assertThat(rpc.send(HttpRequest.newBuilder(rpc.uri("/health")).GET().build()).body()).contains("\"status\"");
        }
    }

    @Test
    void withoutARootApiGetOfTheRootIsStill405() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig())) {
            assertThat(rpc.send(HttpRequest.newBuilder(rpc.uri("/")).GET().build()).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aPageServedByTheNodeMayOpenAWebSocketBackToItButNoOtherOriginMay() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig(), List.of(PAGES), List.of())) {
            String host = "127.0.0.1:" + rpc.server.port();
            URI uri = URI.create("ws://" + host + "/");
            WebSocket same = rpc.http.newWebSocketBuilder().header("Origin", "http://" + host)
                    .buildAsync(uri, new WebSocket.Listener() {}).join();
            same.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
            assertThatThrownBy(() -> rpc.http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:1")
                    .buildAsync(uri, new WebSocket.Listener() {}).join())
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
        }
    }
}
