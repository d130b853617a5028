package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket that queues every whole text message it receives. */
final class WsClient implements AutoCloseable {
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    /** The reason of the server's close frame, when it sent one. */
    final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;

    /** With {@code reading} false the client takes one message and then stops reading, like a stuck consumer. */
    WsClient(HttpClient http, int port, boolean reading) {
        this.reading = reading;
        this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(RunningRpc.parse(partial.toString()));
                            partial.setLength(0);
                        }
                        if (WsClient.this.reading) {
                            webSocket.request(1);
                        }
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeReason.complete(reason);
                        closedWith.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closedWith.complete(-1);
                    }
                }).join();
    }

    WsClient(HttpClient http, int port) {
        this(http, port, true);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    JsonNode next() {
        try {
            JsonNode message = received.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no WebSocket message within 10 s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode call(String method, String paramsJson, int id) {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return next();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
