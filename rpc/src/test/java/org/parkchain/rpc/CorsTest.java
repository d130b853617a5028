package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"}";

    @Test
    void configuredOriginsGetCorsHeadersAndPreflightAnswers() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig()
                .withCorsAllowedOrigins(List.of("https://explorer.park.example")))) {
            HttpResponse<String> allowed = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                    .header("Content-Type", "application/json").header("Origin", "https://explorer.park.example")
                    .POST(HttpRequest.BodyPublishers.ofString(CALL)).build());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("https://explorer.park.example");
            HttpResponse<String> preflight = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                    .header("Origin", "https://explorer.park.example")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type");
            HttpResponse<String> other = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                    .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString(CALL)).build());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void webSocketsFromForeignBrowserOriginsAreRefused() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig())) {
            URI uri = URI.create("ws://127.0.0.1:" + rpc.server.port() + "/");
            assertThatThrownBy(() -> rpc.http.newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(uri, new WebSocket.Listener() {}).join())
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertThatThrownBy(() -> rpc.http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + rpc.server.port() + "/other"), new WebSocket.Listener() {})
                    .join())
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
        }
    }
}
