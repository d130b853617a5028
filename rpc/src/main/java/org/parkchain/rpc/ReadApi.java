package org.parkchain.rpc;

import java.util.Optional;

/**
 * Read-only JSON resources served with GET on the JSON-RPC port beside {@code /}, {@code /health} and
 * {@code /metrics} — the park's {@code /api/park/...} for people and the explorer. The server owns the transport
 * (CORS, status codes, running the read off the event loop); an implementation only maps a path to a JSON body.
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

    /** The path prefix this API answers under, starting and ending with "/", e.g. {@code /api/park/}. */
    String prefix();

    /**
     * The JSON body for GET {@code path} (which starts with {@link #prefix()} and keeps the request's query string,
     * e.g. {@code ?interval=1h}), or empty when there is no such
     * resource (404). May block: the server calls it on a worker thread.
     *
     * @throws IllegalArgumentException for a malformed request (400, with the message as the body)
     */
    Optional<String> get(String path);
}
