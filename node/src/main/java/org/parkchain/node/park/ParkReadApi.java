package org.parkchain.node.park;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.parkchain.rpc.ReadApi;

/**
 * {@code GET /api/park/residents|clients|tokens|offerings|levy|markets} on the node's RPC port: {@link ParkViews} as
 * JSON, for the explorer and for {@code ./parkchain park}; a market's {@code markets/{id}/depth?levels=N},
 * {@code /trades} and {@code /candles?interval=1m|1h|1d}. {@code GET /api/park/} lists the views.
 */
public final class ParkReadApi implements ReadApi {
    public static final String PREFIX = "/api/park/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ParkViews views;

    public ParkReadApi(ParkViews views) {
        this.views = views;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** The server hands over the query decoded; the views take one value per parameter. */
    @Override
    public Response serve(Request request) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        request.query().forEach((key, values) -> {
            if (values.size() > 1) {
                throw new IllegalArgumentException("query parameter '" + key + "' is given twice");
            }
            query.put(key, values.isEmpty() ? "" : values.get(0));
        });
        return answer(request.path().substring(PREFIX.length()), query).map(Response::json)
                .orElseGet(() -> Response.text(404, "not found: " + request.path()));
    }

    /** {@code path} may carry its query string ({@code ?interval=1h}), as in-process callers give it. */
    @Override
    public Optional<String> get(String path) {
        String name = path.substring(PREFIX.length());
        Map<String, String> query = Map.of();
        int question = name.indexOf('?');
        if (question >= 0) {
            query = query(name.substring(question + 1));
            name = name.substring(0, question);
        }
        return answer(name, query);
    }

    private Optional<String> answer(String name, Map<String, String> query) {
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return Optional.of(write(Map.of("views", ParkViews.NAMES)));
        }
        return views.view(name, query).map(ParkReadApi::write);
    }

    /** {@code a=1&b=2} as a map; a parameter given twice is a malformed request. */
    static Map<String, String> query(String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("query parameter '" + key + "' is given twice");
            }
        }
        return out;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a park view as JSON", e);
        }
    }
}
