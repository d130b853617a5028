package org.parkchain.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.parkchain.primitives.Hash;

/** A plain JSON-RPC client over HTTP for tests: what any tool sends, with no client library in between. */
final class NodeRpc {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON-RPC error reply. */
    static final class Failure extends RuntimeException {
        final int code;
        final JsonNode data;

        Failure(int code, String message, JsonNode data) {
            super(code + ": " + message);
            this.code = code;
            this.data = data;
        }

        String rpcMessage() {
            return getMessage().substring(getMessage().indexOf(": ") + 2);
        }
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final AtomicLong ids = new AtomicLong();

    NodeRpc(URI url) {
        this.url = url;
    }

    /** Calls {@code method}; each param is a JSON value or a Java value Jackson can write. */
    JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        JsonNode reply = post(request.toString()).json();
        if (reply.has("error")) {
            JsonNode e = reply.get("error");
            throw new Failure(e.get("code").intValue(), e.get("message").textValue(), e.get("data"));
        }
        return reply.get("result");
    }

    Reply post(String body) {
        return post(body, "application/json");
    }

    Reply post(String body, String contentType) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Reply get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls eth_getTransactionReceipt until the transaction is mined (10 s at most). */
    JsonNode awaitReceipt(Hash txHash) {
        return awaitReceipt(txHash.toHex());
    }

    JsonNode awaitReceipt(String txHash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = call("eth_getTransactionReceipt", txHash);
            if (r != null && !r.isNull()) {
                return r;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no receipt for " + txHash + " within 10 s");
    }
}
