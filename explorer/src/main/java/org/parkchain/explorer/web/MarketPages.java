package org.parkchain.explorer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import org.parkchain.explorer.api.Json;
import org.parkchain.explorer.api.ParkApi;

/**
 * The exchange's pages: the markets, and a market with its depth and candles (charts), its order book's levels and
 * its trades. Everything is the node's market views ({@code /api/park/markets…}) as the data API serves them; prices
 * are in quote units per whole base token, amounts in the base token's smallest unit.
 */
final class MarketPages {
    /** The order book levels shown (and charted) per side. */
    static final int LEVELS = 20;

    private final ParkApi api;

    MarketPages(ParkApi api) {
        this.api = api;
    }

    Html markets() {
        Html h = new Html().heading("Markets");
        h.tableStart("markets", "Market", "Pair", "Operator", "Kind", "Best bid", "Best ask", "Last price", "Volume",
                "Trades");
        for (JsonNode m : api.view("markets").path("markets")) {
            String id = m.path("id").asText();
            int q = m.path("quoteDecimals").asInt();
            h.raw("<tr>").cellLink("/park/market/" + id, "#" + id).cellLink("/park/market/" + id, pair(m))
                    .cellLink("/address/" + m.path("operator").asText(), operator(m)).cell(kind(m))
                    .cell(Html.amount(m.path("bestBid").asText(), q)).cell(Html.amount(m.path("bestAsk").asText(), q))
                    .cell(Html.amount(m.path("lastPrice").asText(), q))
                    .cell(Html.amount(volume(id), m.path("baseDecimals").asInt()) + " " + m.path("baseSymbol").asText())
                    .cell(m.path("trades").asText()).raw("</tr>");
        }
        return h.tableEnd();
    }

    /**
     * A market, or empty when there is none with this id.
     *
     * @param interval the candles' interval, {@code 1m}, {@code 1h} or {@code 1d} (the view refuses any other)
     */
    Optional<Html> market(long id, String interval) {
        // Checked here, not only by the view: the interval becomes part of the view's path and query.
        if (!java.util.Set.of("1m", "1h", "1d").contains(interval)) {
            throw new IllegalArgumentException("interval must be 1m, 1h or 1d, got '" + interval + "'");
        }
        return api.find("markets/" + id).map(m -> {
            int b = m.path("baseDecimals").asInt();
            int q = m.path("quoteDecimals").asInt();
            JsonNode depth = api.view("markets/" + id + "/depth?levels=" + LEVELS);
            JsonNode candles = api.view("markets/" + id + "/candles?interval=" + interval);
            JsonNode trades = api.view("markets/" + id + "/trades");
            Html h = new Html().heading("Market #" + id + ": " + pair(m));
            h.raw("<table class=\"detail\" id=\"market\">")
                    .rowLink("Operator", "/address/" + m.path("operator").asText(), operator(m)).row("Kind", kind(m))
                    .rowLink("Base token", "/token/" + m.path("base").asText(), m.path("baseSymbol").asText())
                    .row("Quote", m.path("quoteSymbol").asText())
                    .row("Fees", "maker " + bps(m.path("makerFeeBps").asLong()) + ", taker "
                            + bps(m.path("takerFeeBps").asLong()))
                    .row("Tick size", Html.amount(m.path("tickSize").asText(), q) + " " + m.path("quoteSymbol").asText())
                    .row("Lot size", Html.amount(m.path("lotSize").asText(), b) + " " + m.path("baseSymbol").asText())
                    .row("Best bid / ask", orNone(Html.amount(m.path("bestBid").asText(), q)) + " / "
                            + orNone(Html.amount(m.path("bestAsk").asText(), q)))
                    .raw("<tr><th>Last price</th><td id=\"market-last\">").text(Html.amount(m.path("lastPrice").asText(), q))
                    .raw("</td></tr>").row("Trading", m.path("halted").asBoolean() ? "halted" : "open")
                    .raw("</table>");

            h.section("Depth");
            ObjectNode depthSeries = series(m);
            depthSeries.set("bids", depth.path("bids"));
            depthSeries.set("asks", depth.path("asks"));
            h.raw("<div id=\"depth-chart\" class=\"chart\"").attr("data-series", depthSeries.toString()).raw("></div>");
            h.tableStart("market-depth", "Side", "Price", "Open amount");
            levels(h, depth.path("asks"), "ask", b, q);
            levels(h, depth.path("bids"), "bid", b, q);
            h.tableEnd();

            h.section("Candles (" + interval + ")");
            h.raw("<p>").link("/park/market/" + id + "?interval=1m", "1 minute").text(" · ")
                    .link("/park/market/" + id + "?interval=1h", "1 hour").text(" · ")
                    .link("/park/market/" + id + "?interval=1d", "1 day").raw("</p>");
            ObjectNode candleSeries = series(m);
            candleSeries.put("interval", interval);
            candleSeries.set("candles", candles.path("candles"));
            h.raw("<div id=\"candles-chart\" class=\"chart\"").attr("data-series", candleSeries.toString()).raw("></div>");

            h.section("Recent trades");
            h.tableStart("market-trades", "Time", "Price", "Amount", "Buyer", "Seller", "Transaction");
            for (JsonNode t : trades.path("trades")) {
                h.raw("<tr>").cell(Html.time(t.path("timestamp").asLong())).cell(Html.amount(t.path("price").asText(), q))
                        .cell(Html.amount(t.path("amount").asText(), b))
                        .cellLink("/address/" + t.path("buyer").asText(), Html.shortHex(t.path("buyer").asText()))
                        .cellLink("/address/" + t.path("seller").asText(), Html.shortHex(t.path("seller").asText()))
                        .cellLink("/tx/" + t.path("transactionHash").asText(), Html.shortHex(t.path("transactionHash").asText()))
                        .raw("</tr>");
            }
            return h.tableEnd();
        });
    }

    private static void levels(Html h, JsonNode levels, String side, int baseDecimals, int quoteDecimals) {
        for (JsonNode l : levels) {
            h.raw("<tr>").cell(side).cell(Html.amount(l.path("price").asText(), quoteDecimals))
                    .cell(Html.amount(l.path("amount").asText(), baseDecimals)).raw("</tr>");
        }
    }

    /** What the charts need to show amounts in whole units. */
    private static ObjectNode series(JsonNode market) {
        return Json.MAPPER.createObjectNode().put("baseDecimals", market.path("baseDecimals").asInt())
                .put("quoteDecimals", market.path("quoteDecimals").asInt());
    }

    /** The base volume traded on the market since it opened: the sum of its daily candles. */
    private String volume(String id) {
        BigInteger total = BigInteger.ZERO;
        for (JsonNode c : api.view("markets/" + id + "/candles?interval=1d").path("candles")) {
            total = total.add(new BigInteger(c.path("volume").asText("0")));
        }
        return total.toString();
    }

    /** An empty side of the book. */
    private static String orNone(String price) {
        return price.isEmpty() ? "none" : price;
    }

    private static String pair(JsonNode m) {
        return m.path("baseSymbol").asText() + "/" + m.path("quoteSymbol").asText();
    }

    private static String operator(JsonNode m) {
        String name = m.path("operatorName").asText();
        return name.isEmpty() ? m.path("operator").asText() : name;
    }

    /** An exchange office trades against its own quotes; a platform's order book matches its clients' orders. */
    private static String kind(JsonNode m) {
        if (m.path("counterparty").asBoolean()) {
            return "exchange office (counterparty)";
        }
        return m.path("ownClientsOnly").asBoolean() ? "order book (operator's clients only)" : "order book";
    }

    private static String bps(long bps) {
        return new java.math.BigDecimal(bps).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }
}
