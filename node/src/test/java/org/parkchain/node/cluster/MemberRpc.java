package org.parkchain.node.cluster;

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

/**
 * JSON-RPC to one member, as a client outside the cluster sees it. Faults are the point of these tests, so the
 * two ways a call can fail are kept apart: {@link Unreachable} (the member is dead, stopped or slow — try another
 * one) and {@link Refused} (the member answered with a JSON-RPC error).
 */
final class MemberRpc {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** No answer: connection refused, reset, or no reply within the call's timeout. */
    static final class Unreachable extends RuntimeException {
        Unreachable(URI url, Throwable cause) {
            super(url + " did not answer: " + cause, cause);
        }
    }

    /** A JSON-RPC error reply. */
    static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(code + ": " + message);
            this.code = code;
        }
    }

    private final URI url;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    MemberRpc(URI url) {
        this(url, Duration.ofSeconds(5));
    }

    MemberRpc(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    URI url() {
        return url;
    }

    JsonNode call(String method, Object... params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(JSON.valueToTree(p));
        }
        JsonNode reply = post(request.toString());
        if (reply.has("error")) {
            JsonNode e = reply.get("error");
            throw new Refused(e.path("code").intValue(), e.path("message").asText());
        }
        return reply.get("result");
    }

    /** One batch of calls of {@code method}, one per parameter list; the results in the same order. */
    java.util.List<JsonNode> batch(String method, java.util.List<java.util.List<Object>> paramsPerCall) {
        ArrayNode requests = JSON.createArrayNode();
        for (int i = 0; i < paramsPerCall.size(); i++) {
            ObjectNode request = requests.addObject();
            request.put("jsonrpc", "2.0").put("id", i).put("method", method);
            ArrayNode array = request.putArray("params");
            paramsPerCall.get(i).forEach(p -> array.add(JSON.valueToTree(p)));
        }
        JsonNode replies = post(requests.toString());
        JsonNode[] results = new JsonNode[paramsPerCall.size()];
        for (JsonNode reply : replies) {
            if (reply.has("error")) {
                JsonNode e = reply.get("error");
                throw new Refused(e.path("code").intValue(), e.path("message").asText());
            }
            results[reply.get("id").intValue()] = reply.get("result");
        }
        return java.util.Arrays.asList(results);
    }

    /** GET {@code path}: the status code and body (for {@code /health}). */
    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(url, e);
        }
    }

    private JsonNode post(String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new Unreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(url, e);
        }
    }
}
