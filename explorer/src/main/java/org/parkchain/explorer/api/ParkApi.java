package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.parkchain.rpc.ReadApi;

/**
 * {@code GET /api/park/...}: the node's park views ({@code residents}, {@code clients}, {@code tokens},
 * {@code offerings}, {@code levy}: answered by {@code views}, unchanged) and what the explorer adds beside them:
 * {@code residents/{address}}, {@code board}, {@code clients/counts}, {@code blocked}, {@code offerings/{id}},
 * {@code levy/summary?period=month|quarter}, {@code levy.csv?period=…} and {@code events?kind=…}.
 */
public final class ParkApi implements ReadApi {
    public static final String PREFIX = "/api/park/";

    private final ParkData park;
    private final ReadApi views;

    public ParkApi(ParkData park, ReadApi views) {
        this.park = park;
        this.views = views;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Optional<String> get(String path) {
        Response r = serve(Request.of(path));
        return r.status() == 200 ? Optional.of(new String(r.body(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** One of the node's views as JSON ("residents", "offerings"…). */
    public JsonNode view(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("no park view " + name));
    }

    /**
     * One of the node's views that may be missing, such as a market ({@code markets/1}) or its data with a query
     * ({@code markets/1/candles?interval=1h}): empty when the node has no such resource.
     */
    public Optional<JsonNode> find(String path) {
        return views.get(PREFIX + path).map(body -> {
            try {
                return Json.MAPPER.readTree(body);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("park view " + path + " is not JSON", e);
            }
        });
    }

    @Override
    public Response serve(Request r) {
        String[] p = r.path().substring(PREFIX.length()).split("/", -1);
        if (p.length == 1 && p[0].equals("levy.csv")) {
            ParkData.Period period = ParkData.Period.parse(r.param("period"));
            String file = "park-levy-by-" + period.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
            return new Response(200, "text/csv; charset=utf-8", park.levyCsv(period).getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""));
        }
        Optional<? extends JsonNode> body = switch (p[0]) {
            case "residents" -> p.length == 2 && !p[1].isEmpty() ? park.resident(Params.address(p[1])) : null;
            case "board" -> p.length == 1 ? Optional.of(park.board()) : Optional.empty();
            case "clients" -> p.length == 2 && p[1].equals("counts")
                    ? Optional.of(park.clientCounts(view("clients"))) : null;
            case "blocked" -> p.length == 1 ? Optional.of(park.blocked()) : Optional.empty();
            case "offerings" -> p.length == 2 && !p[1].isEmpty()
                    ? park.offering(Params.number("offering", p[1], 1, Long.MAX_VALUE / 2), view("offerings")) : null;
            case "levy" -> p.length == 2 && p[1].equals("summary")
                    ? Optional.of(park.levy(ParkData.Period.parse(r.param("period")))) : null;
            case "levy.csv" -> p.length == 1 ? Optional.<JsonNode>empty() : Optional.empty();
            case "events" -> p.length == 1 ? Optional.of(park.events(r.param("kind").orElseThrow(
                    () -> new IllegalArgumentException("kind: missing (an event name such as LevyPaid)")),
                    Params.cursor(r), Params.limit(r))) : Optional.empty();
            default -> null;
        };
        if (body == null) {
            return views.serve(r); // the node's own views, exactly as they were
        }
        return body.<Response>map(ExplorerApi::json).orElseGet(() -> Response.text(404, "not found: " + r.path()));
    }
}
