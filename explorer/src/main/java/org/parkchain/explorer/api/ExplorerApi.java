package org.parkchain.explorer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.rpc.ReadApi;

/**
 * {@code GET /api/...}: the explorer's data API, the same data its pages show (docs/explorer.md lists every
 * resource with an example). Listings take {@code limit} (1–100, default 25) and {@code cursor} (the previous page's
 * {@code next}); every parameter is checked and a bad one answered 400 with what is wrong.
 */
public final class ExplorerApi implements ReadApi {
    public static final String PREFIX = "/api/";

    private final ChainData chain;

    public ExplorerApi(ChainData chain) {
        this.chain = chain;
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

    @Override
    public Response serve(Request request) {
        String[] parts = request.path().substring(PREFIX.length()).split("/", -1);
        Optional<JsonNode> body = route(parts, request);
        return body.map(ExplorerApi::json).orElseGet(() -> Response.text(404, "not found: " + request.path()));
    }

    private Optional<JsonNode> route(String[] p, Request r) {
        String first = p[0];
        return switch (first) {
            case "status" -> only(p, 1, () -> chain.status());
            case "blocks" -> p.length == 1 ? Optional.of(chain.blocks(Params.cursor(r), Params.limit(r)))
                    : p.length == 2 ? chain.block(p[1], Params.cursor(r), Params.limit(r)).map(JsonNode.class::cast)
                    : p.length == 3 && p[2].equals("txs")
                    ? chain.block(p[1], Params.cursor(r), Params.limit(r)).map(b -> b.path("transactions"))
                    : Optional.empty();
            case "txs" -> p.length == 1 ? Optional.of(chain.transactions(Params.cursor(r), Params.limit(r)))
                    : p.length == 2 ? chain.transaction(Params.hash(p[1])).map(JsonNode.class::cast) : Optional.empty();
            case "addresses" -> address(p, r);
            case "tokens" -> token(p, r);
            case "throughput" -> only(p, 1, () -> chain.throughput((int) r.param("minutes")
                    .map(m -> Params.number("minutes", m, 1, 1440)).orElse(60L).longValue()));
            case "search" -> only(p, 1, () -> chain.search(r.param("q")
                    .orElseThrow(() -> new IllegalArgumentException("q: missing (what to search for)"))));
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> address(String[] p, Request r) {
        if (p.length < 2 || p.length > 3) {
            return Optional.empty();
        }
        Address a = Params.address(p[1]);
        if (p.length == 2) {
            return Optional.of(chain.address(a));
        }
        return switch (p[2]) {
            case "txs" -> Optional.of(chain.transactionsOf(a, Params.cursor(r), Params.limit(r)));
            case "transfers" -> Optional.of(chain.transfersOf(a, Params.cursor(r), Params.limit(r)));
            case "tokens" -> Optional.of(chain.holdings(a, Params.cursor(r), Params.limit(r)));
            case "events" -> Optional.of(chain.eventsOf(a, Params.cursor(r), Params.limit(r)));
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> token(String[] p, Request r) {
        if (p.length == 1) {
            return Optional.of(chain.tokens(Params.cursor(r), Params.limit(r)));
        }
        if (p.length > 3) {
            return Optional.empty();
        }
        Address t = Params.address(p[1]);
        if (p.length == 2) {
            return chain.token(t).map(JsonNode.class::cast);
        }
        return switch (p[2]) {
            case "holders" -> Optional.of(chain.holders(t, Params.cursor(r), Params.limit(r)));
            case "transfers" -> Optional.of(chain.transfersOfToken(t, Params.cursor(r), Params.limit(r)));
            default -> Optional.empty();
        };
    }

    private static Optional<JsonNode> only(String[] p, int length, java.util.function.Supplier<JsonNode> body) {
        return p.length == length ? Optional.of(body.get()) : Optional.empty();
    }

    static Response json(JsonNode body) {
        try {
            return new Response(200, "application/json", Json.MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
