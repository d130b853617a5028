package org.parkchain.node.park;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.parkchain.rpc.ReadApi;

/**
 * {@code GET /api/park/residents|clients|tokens|offerings|levy} on the node's RPC port: {@link ParkViews} as JSON,
 * for the explorer and for {@code ./parkchain park}. {@code GET /api/park/} lists the views.
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

    @Override
    public Optional<String> get(String path) {
        String name = path.substring(PREFIX.length());
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
            return Optional.of(write(Map.of("views", ParkViews.NAMES)));
        }
        return views.view(name).map(ParkReadApi::write);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a park view as JSON", e);
        }
    }
}
