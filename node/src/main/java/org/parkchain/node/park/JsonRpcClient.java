package org.parkchain.node.park;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Ethereum JSON-RPC client over HTTP, for the demo (which talks to its node the way any wallet does) and
 * for the {@code park} read views (which fetch {@code /api/park/...} from a running node). Failures are
 * {@link JsonRpcException}s carrying the node's error code, message and revert data, or an unreachable node.
 */
public final class JsonRpcClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcClient(URI url) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the RPC URL must start with http:// or https://, got " + url);
        }
        this.url = url;
    }

    public URI url() {
        return url;
    }

    /** An error answer of the node: {@code code}, {@code message} and, for a revert, the revert data. */
    public static final class JsonRpcException extends RuntimeException {
        private final int code;
        private final Optional<String> data;

        public JsonRpcException(int code, String message, Optional<String> data) {
            super(message);
            this.code = code;
            this.data = data;
        }

        public int code() {
            return code;
        }

        /** The {@code data} member (hex revert data for an execution revert), if the node sent one. */
        public Optional<String> data() {
            return data;
        }
    }

    /**
     * Calls {@code method} with positional {@code params} (Strings, numbers, booleans, Jackson nodes) and returns
     * the result.
     *
     * @throws JsonRpcException when the node answers with an error
     * @throws IllegalStateException when the node cannot be reached or answers something that is not JSON-RPC
     */
    public JsonNode call(String method, Object... params) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        ArrayNode array = request.putArray("params");
        for (Object p : params) {
            array.add(MAPPER.valueToTree(p));
        }
        JsonNode reply = post(request.toString());
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.get("data");
            throw new JsonRpcException(error.path("code").asInt(), error.path("message").asText(),
                    data == null || data.isNull() ? Optional.empty() : Optional.of(data.asText()));
        }
        if (!reply.has("result")) {
            throw new IllegalStateException(method + ": the node's answer has neither result nor error: " + reply);
        }
        return reply.get("result");
    }

    /** GETs {@code path} (e.g. {@code /api/park/residents}) from the node and parses the JSON answer. */
    public JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url.resolve(path) + " answered " + response.statusCode() + ": "
                    + response.body().strip());
        }
        return parse(response.body());
    }

    private JsonNode post(String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the node at " + url + " answered HTTP " + response.statusCode() + ": "
                    + response.body().strip());
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("no Parkchain node answers at " + url + " (is it running?)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot talk to the node at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to " + url, e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the node at " + url + " answered something that is not JSON", e);
        }
    }
}
