package org.parkchain.rpc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only resources served with GET on the JSON-RPC port beside {@code /}, {@code /health} and {@code /metrics}
 * — the park's {@code /api/park/...}, the explorer's pages and data API. The server owns the transport (CORS,
 * running the read off the event loop); an implementation maps a request to a body.
 *
 * <p>The simple form maps a path to a JSON body ({@link #get}); an API that needs the query string, other content
 * types or status codes overrides {@link #serve} instead.
 */
public interface ReadApi {
    /** Serves nothing. */
    ReadApi NONE = new ReadApi() {
        @Override
        public String prefix() {
            return "/api/none/";
        }

        @Override
        public Optional<String> get(String path) {
            return Optional.empty();
        }
    };

    /**
     * The path prefix this API answers under, starting and ending with "/", e.g. {@code /api/park/}; the one with the
     * longest matching prefix answers. The prefix {@code /} also receives GET {@code /} (JSON-RPC keeps POST).
     */
    String prefix();

    /**
     * The JSON body for GET {@code path} (which starts with {@link #prefix()}; the server passes the path without its
     * query string — an API with query parameters overrides {@link #serve}), or empty when there is no such resource
     * (404). May block: the server calls it on a worker thread.
     *
     * @throws IllegalArgumentException for a malformed request (400, with the message as the body)
     */
    Optional<String> get(String path);

    /**
     * The answer to GET {@code request}; by default {@link #get} of its path as JSON, or 404. May block: the server
     * calls it on a worker thread.
     *
     * @throws IllegalArgumentException for a malformed request (400, with the message as the body)
     */
    default Response serve(Request request) {
        return get(request.path()).map(Response::json)
                .orElseGet(() -> Response.text(404, "not found: " + request.path()));
    }

    /** A GET request: its decoded path and query parameters (each name with its values in order). */
    record Request(String path, Map<String, List<String>> query) {
        public Request {
            query = Map.copyOf(query);
        }

        public static Request of(String path) {
            return new Request(path, Map.of());
        }

        /** The parameter's single value; empty when absent; 400 when given more than once. */
        public Optional<String> param(String name) {
            List<String> values = query.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw new IllegalArgumentException("parameter '" + name + "' given " + values.size() + " times");
            }
            return values.stream().findFirst();
        }
    }

    /** An answer: status, media type, body and extra headers (a download's Content-Disposition, say). */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public Response {
            headers = Map.copyOf(headers);
        }

        public static Response json(String body) {
            return new Response(200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response text(int status, String message) {
            return new Response(status, "text/plain; charset=utf-8",
                    (message + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }
}
