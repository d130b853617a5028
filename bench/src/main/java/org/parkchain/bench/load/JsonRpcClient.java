package org.parkchain.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC 2.0 client over HTTP/1.1 for the load generator: single calls and batches. Each thread that calls
 * it uses its own pooled connection, so N submitting threads keep N connections busy. Public for the other
 * benchmarks that talk to a node over JSON-RPC (the eth_call comparison in {@code org.parkchain.bench.evm}).
 */
public final class JsonRpcClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final HttpClient http;
    private final Duration timeout;

    public JsonRpcClient(URI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
        // HTTP/1.1 without an h2c upgrade offer (Hardhat's server never answers one); virtual threads for the
        // client's own work so many connections cost no platform threads.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** One request of a batch. */
    public record Call(String method, List<?> params) {
        public static Call of(String method, Object... params) {
            return new Call(method, List.of(params));
        }
    }

    /** The answer to one call: a result, or the node's error. */
    public record Outcome(JsonNode result, RpcError error) {
        public boolean ok() {
            return error == null;
        }

        public JsonNode resultOrThrow(String what) {
            if (error != null) {
                throw new RpcFailure(what + ": " + error);
            }
            return result;
        }
    }

    public record RpcError(int code, String message) {
        @Override
        public String toString() {
            return code + " " + message;
        }
    }

    /** The node refused a call, or answered something that is not JSON-RPC. */
    public static final class RpcFailure extends RuntimeException {
        RpcFailure(String message) {
            super(message);
        }
    }

    public JsonNode call(String method, Object... params) {
        return batch(List.of(Call.of(method, params))).getFirst().resultOrThrow(method);
    }

    /** Sends the calls as one JSON-RPC batch; the outcomes come back in the calls' order. */
    List<Outcome> batch(List<Call> calls) {
        return send(encode(calls), calls);
    }

    /** The body of a JSON-RPC batch of {@code calls}, ids 0, 1, 2… in order (for {@link #send}). */
    public static byte[] encode(List<Call> calls) {
        ArrayNode body = JSON.createArrayNode();
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode request = body.addObject();
            request.put("jsonrpc", "2.0").put("id", i).put("method", calls.get(i).method());
            request.set("params", JSON.valueToTree(calls.get(i).params()));
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a batch encoded in advance by {@link #encode}; the outcomes come back in the calls' order. The load
     * generator encodes its submissions before the clock starts, as it signs them, so that the timed phase spends
     * the machine's CPU on the node rather than on building JSON.
     */
    public List<Outcome> send(byte[] body, List<Call> calls) {
        JsonNode reply = post(body);
        if (!reply.isArray()) {
            // A node answers a batch it refuses as a whole (too large, malformed) with one error object.
            throw new RpcFailure("batch of " + calls.size() + " refused: " + reply);
        }
        Outcome[] outcomes = new Outcome[calls.size()];
        for (JsonNode response : reply) {
            JsonNode id = response.get("id");
            if (id == null || !id.canConvertToInt() || id.asInt() < 0 || id.asInt() >= calls.size() || outcomes[id.asInt()] != null) {
                throw new RpcFailure("batch reply with a bad or repeated id: " + response);
            }
            JsonNode error = response.get("error");
            outcomes[id.asInt()] = error != null && !error.isNull()
                    ? new Outcome(null, new RpcError(error.path("code").asInt(), error.path("message").asText()))
                    : new Outcome(response.get("result"), null);
        }
        List<Outcome> ordered = new ArrayList<>(calls.size());
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                throw new RpcFailure("batch reply lacks the answer to call " + i + " (" + calls.get(i).method() + ")");
            }
            ordered.add(outcomes[i]);
        }
        return ordered;
    }

    private JsonNode post(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RpcFailure("HTTP " + response.statusCode() + " from " + uri + ": "
                        + new String(response.body(), 0, Math.min(response.body().length, 300)));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("JSON-RPC request to " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcFailure("interrupted while waiting for " + uri);
        }
    }
}
