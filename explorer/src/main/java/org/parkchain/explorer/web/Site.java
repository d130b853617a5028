package org.parkchain.explorer.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.parkchain.explorer.api.ChainData;
import org.parkchain.explorer.api.ParkApi;
import org.parkchain.explorer.api.ParkData;
import org.parkchain.explorer.index.ChainIndex;
import org.parkchain.primitives.Address;
import org.parkchain.rpc.ReadApi;

/**
 * The explorer's pages, served at {@code /} on the node's RPC port (JSON-RPC keeps POST {@code /}): server-rendered
 * HTML, with {@code /assets/} (our script and style, and uPlot from its WebJar) all from the jar. Unknown pages, and
 * things not on the chain, get a friendly not-found page.
 */
public final class Site implements ReadApi {
    private static final String ASSETS = "/assets/";

    private final ChainIndex index;
    private final ChainData chain;
    private final ChainPages chainPages;
    private final ParkPages parkPages;
    private final MarketPages marketPages;
    private final Map<String, Asset> assets;

    private record Asset(String resource, String contentType) {}

    public Site(ChainIndex index, ChainData chain, ParkData park, ParkApi parkApi) {
        this.index = index;
        this.chain = chain;
        this.chainPages = new ChainPages(chain);
        this.parkPages = new ParkPages(park, parkApi);
        this.marketPages = new MarketPages(parkApi);
        String uplot = "/META-INF/resources/webjars/uplot/" + webJarVersion("org.webjars.npm", "uplot") + "/dist/";
        this.assets = Map.of(
                "explorer.js", new Asset("/org/parkchain/explorer/assets/explorer.js", "text/javascript; charset=utf-8"),
                "explorer.css", new Asset("/org/parkchain/explorer/assets/explorer.css", "text/css; charset=utf-8"),
                "uPlot.iife.min.js", new Asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "uPlot.min.css", new Asset(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    @Override
    public String prefix() {
        return "/";
    }

    @Override
    public Optional<String> get(String path) {
        return Optional.empty(); // pages are HTML: see serve
    }

    @Override
    public Response serve(Request r) {
        String path = r.path();
        if (path.startsWith(ASSETS)) {
            return asset(path.substring(ASSETS.length()));
        }
        String[] p = path.substring(1).split("/", -1);
        try {
            Optional<Page> page = route(p, r);
            return page.map(x -> Layout.page(x.status(), x.title(), index.progress(), x.body()))
                    .orElseGet(() -> notFound("There is no such page: " + path));
        } catch (IllegalArgumentException bad) {
            return Layout.page(400, "Not understood", index.progress(), new Html().heading("That was not understood")
                    .raw("<p id=\"bad-request\">").text(bad.getMessage()).raw("</p>"));
        }
    }

    private record Page(String title, Html body, int status) {
        Page(String title, Html body) {
            this(title, body, 200);
        }
    }

    private Optional<Page> route(String[] p, Request r) {
        String first = p[0];
        return switch (first) {
            case "" -> p.length == 1 ? Optional.of(new Page("Home", chainPages.home())) : Optional.empty();
            case "block" -> p.length == 2 ? chainPages.block(p[1]).map(b -> new Page("Block " + p[1], b)) : Optional.empty();
            case "tx" -> p.length == 2 && p[1].matches("0x[0-9a-fA-F]{64}")
                    ? chainPages.transaction(p[1]).map(b -> new Page("Transaction", b)) : Optional.empty();
            case "address" -> p.length == 2 && p[1].matches("0x[0-9a-fA-F]{40}")
                    ? Optional.of(new Page("Address " + p[1], chainPages.address(Address.fromHex(p[1])))) : Optional.empty();
            case "token" -> p.length == 2 && p[1].matches("0x[0-9a-fA-F]{40}")
                    ? chainPages.token(Address.fromHex(p[1])).map(b -> new Page("Token", b)) : Optional.empty();
            case "tokens" -> p.length == 1 ? Optional.of(new Page("Tokens", chainPages.tokens())) : Optional.empty();
            case "search" -> p.length == 1 ? Optional.of(search(r)) : Optional.empty();
            case "park" -> p.length >= 2 ? park(p, r) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private Optional<Page> park(String[] p, Request r) {
        boolean list = p.length == 2;
        return switch (p[1]) {
            case "residents" -> list ? Optional.of(new Page("Residents", parkPages.residents())) : Optional.empty();
            case "resident" -> p.length == 3 && p[2].matches("0x[0-9a-fA-F]{40}")
                    ? parkPages.resident(Address.fromHex(p[2])).map(b -> new Page("Resident", b)) : Optional.empty();
            case "board" -> list ? Optional.of(new Page("Board", parkPages.board())) : Optional.empty();
            case "clients" -> list ? Optional.of(new Page("Clients", parkPages.clients())) : Optional.empty();
            case "blocked" -> list ? Optional.of(new Page("Blocked addresses", parkPages.blocked())) : Optional.empty();
            case "offerings" -> list ? Optional.of(new Page("Offerings", parkPages.offerings())) : Optional.empty();
            case "offering" -> p.length == 3 && p[2].matches("[0-9]{1,9}")
                    ? parkPages.offering(Long.parseLong(p[2])).map(b -> new Page("Offering", b)) : Optional.empty();
            case "markets" -> list ? Optional.of(new Page("Markets", marketPages.markets())) : Optional.empty();
            case "market" -> p.length == 3 && p[2].matches("[1-9][0-9]{0,8}")
                    ? marketPages.market(Long.parseLong(p[2]), r.param("interval").orElse("1m"))
                            .map(b -> new Page("Market", b)) : Optional.empty();
            case "levy" -> !list ? Optional.empty() : Optional.of(new Page("Levy", parkPages.levy(ParkData.Period.parse(r.param("period")))));
            default -> Optional.empty();
        };
    }

    /** One match opens it; several are listed; none is the friendly not-found page (404). */
    private Page search(Request r) {
        String q = r.param("q").orElse("");
        JsonNode results = chain.search(q).path("results");
        Html h = new Html().heading("Search");
        if (results.size() == 1) {
            // Rendered in place rather than redirected, so the address bar keeps the query and the page is one request.
            String path = results.get(0).path("path").asText();
            Optional<Page> page = route(path.substring(1).split("/", -1), Request.of(path));
            if (page.isPresent()) {
                return page.get();
            }
        }
        if (results.isEmpty()) {
            return new Page("Not found", notFoundBody("Nothing on this chain matches “" + q + "”."), 404);
        }
        h.raw("<ul id=\"search-results\">");
        results.forEach(x -> h.raw("<li>").text(x.path("kind").asText() + ": ").link(x.path("path").asText(),
                x.path("label").asText()).raw("</li>"));
        return new Page("Search", h.raw("</ul>"));
    }

    private Response notFound(String message) {
        return Layout.page(404, "Not found", index.progress(), notFoundBody(message));
    }

    private static Html notFoundBody(String message) {
        return new Html().raw("<div id=\"not-found\">").heading("Not found").raw("<p>").text(message)
                .raw("</p><p>Check the address or hash, or search again above. New transactions appear here as soon "
                        + "as their block is sealed.</p><p><a href=\"/\">Back to the latest blocks</a></p></div>");
    }

    private Response asset(String name) {
        Asset a = assets.get(name);
        if (a == null) {
            return Response.text(404, "no such asset: " + name);
        }
        try (InputStream in = Site.class.getResourceAsStream(a.resource())) {
            if (in == null) {
                throw new IllegalStateException("asset " + a.resource() + " is missing from the jar");
            }
            return new Response(200, a.contentType(), in.readAllBytes(),
                    Map.of("Cache-Control", "public, max-age=3600", "X-Content-Type-Options", "nosniff"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a WebJar on the class path, from its Maven metadata (so no version is written twice). */
    static String webJarVersion(String group, String artifact) {
        String props = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Site.class.getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException(props + " is missing: the " + artifact + " WebJar is not on the class path");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
