package org.parkchain.node.park;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The park views' JSON (as {@code /api/park/...} serves it) printed as tables for people. */
public final class ParkTables {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String NATIVE = "0x0000000000000000000000000000000000000000";

    private ParkTables() {}

    /** Prints {@code view} (one of {@link ParkViews#NAMES}) read as {@code json}. */
    public static void print(String view, JsonNode json, PrintWriter out) {
        switch (view) {
            case "residents" -> table(out, json.path("residents"),
                    col("address", n -> n.path("address").asText()),
                    col("name", n -> n.path("name").asText()),
                    col("status", n -> n.path("status").asText()),
                    col("roles", n -> join(n.path("roles"))),
                    col("applied", n -> time(n.path("appliedAt").asLong())),
                    col("admitted", n -> time(n.path("admittedAt").asLong())));
            case "clients" -> {
                table(out, json.path("clients"),
                        col("account", n -> n.path("account").asText()),
                        col("category", n -> n.path("category").asText()),
                        col("kind", n -> n.path("legalEntity").asBoolean() ? "company" : "individual"),
                        col("country", n -> n.path("country").asText()),
                        col("verified by", n -> nameOr(n.path("verifiedByName").asText(), n.path("verifiedBy").asText())),
                        col("expires", n -> n.path("expiresAt").asLong() == 0 ? "never" : time(n.path("expiresAt").asLong())),
                        col("verified", n -> n.path("verified").asBoolean() ? "yes" : "no"),
                        col("blocked", n -> n.path("blocked").asBoolean() ? "BLOCKED" : ""));
                out.println();
                out.println("Register of blocked addresses:");
                if (json.path("blocked").isEmpty()) {
                    out.println("  (none)");
                }
                json.path("blocked").forEach(a -> out.println("  " + a.asText()));
            }
            case "tokens" -> table(out, json.path("tokens"),
                    col("address", n -> n.path("address").asText()),
                    col("symbol", n -> n.path("symbol").asText()),
                    col("name", n -> n.path("name").asText()),
                    col("kind", n -> n.path("kind").asText()),
                    col("supply", n -> amount(n.path("totalSupply"), n.path("decimals").asInt())),
                    col("cap", n -> amount(n.path("cap"), n.path("decimals").asInt())),
                    col("issuer", n -> nameOr(n.path("issuerName").asText(), n.path("issuer").asText())));
            case "offerings" -> table(out, json.path("offerings"),
                    col("id", n -> n.path("id").asText()),
                    col("token", n -> n.path("tokenSymbol").asText()),
                    col("issuer", n -> nameOr(n.path("issuerName").asText(), n.path("issuer").asText())),
                    col("organiser", n -> nameOr(n.path("organiserName").asText(), n.path("organiser").asText())),
                    col("state", n -> n.path("state").asText()),
                    col("sold / hard cap", n -> amount(n.path("sold"), n.path("tokenDecimals").asInt()) + " / "
                            + amount(n.path("hardCap"), n.path("tokenDecimals").asInt())),
                    col("raised", n -> amount(n.path("raised"), 18) + (NATIVE.equalsIgnoreCase(n.path("paymentAsset").asText())
                            ? " coins" : " of " + n.path("paymentAsset").asText())),
                    col("runs (UTC)", n -> time(n.path("start").asLong()) + " .. " + time(n.path("end").asLong())));
            case "levy" -> {
                out.println("Treasury " + json.path("treasury").asText() + ", levy rate "
                        + BigDecimal.valueOf(json.path("levyRateBps").asLong(), 2).stripTrailingZeros().toPlainString() + "%");
                out.println();
                out.println("Totals by resident:");
                table(out, json.path("totals"),
                        col("resident", n -> nameOr(n.path("residentName").asText(), n.path("resident").asText())),
                        col("asset", n -> asset(n.path("asset").asText())),
                        col("levy paid", n -> amount(n.path("levy"), 18)));
                out.println();
                out.println("Payments:");
                table(out, json.path("payments"),
                        col("block", n -> n.path("blockNumber").asText()),
                        col("resident", n -> nameOr(n.path("residentName").asText(), n.path("resident").asText())),
                        col("asset", n -> asset(n.path("asset").asText())),
                        col("revenue", n -> amount(n.path("revenue"), 18)),
                        col("levy", n -> amount(n.path("levy"), 18)),
                        col("transaction", n -> n.path("transactionHash").asText()));
            }
            case "markets" -> table(out, json.path("markets"),
                    col("id", n -> n.path("id").asText()),
                    col("pair", n -> n.path("baseSymbol").asText() + "/" + n.path("quoteSymbol").asText()),
                    col("operator", n -> nameOr(n.path("operatorName").asText(), n.path("operator").asText())),
                    col("kind", n -> n.path("counterparty").asBoolean() ? "office (counterparty)"
                            : n.path("ownClientsOnly").asBoolean() ? "platform (own clients)" : "platform"),
                    col("fees maker/taker", n -> bps(n.path("makerFeeBps").asLong()) + " / " + bps(n.path("takerFeeBps").asLong())),
                    col("best bid", n -> price(n, "bestBid")),
                    col("best ask", n -> price(n, "bestAsk")),
                    col("last", n -> price(n, "lastPrice")),
                    col("trades", n -> n.path("trades").asText()),
                    col("state", n -> n.path("halted").asBoolean() ? "HALTED" : "open"));
            default -> throw new IllegalArgumentException("unknown park view '" + view + "'; expected one of "
                    + String.join(", ", ParkViews.NAMES));
        }
        out.println();
        out.println("(as of block #" + json.path("blockNumber").asText() + ")");
        out.flush();
    }

    private record Column(String title, Function<JsonNode, String> cell) {}

    private static Column col(String title, Function<JsonNode, String> cell) {
        return new Column(title, cell);
    }

    private static void table(PrintWriter out, JsonNode rows, Column... columns) {
        if (rows.isEmpty()) {
            out.println("  (none)");
            return;
        }
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            widths[c] = columns[c].title().length();
        }
        for (JsonNode row : rows) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                line[c] = columns[c].cell().apply(row);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        String[] titles = new String[columns.length];
        String[] rules = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            titles[c] = columns[c].title();
            rules[c] = "-".repeat(widths[c]);
        }
        line(out, titles, widths);
        line(out, rules, widths);
        cells.forEach(l -> line(out, l, widths));
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            b.append(c == 0 ? "  " : "  ").append(c == cells.length - 1 ? cells[c] : pad(cells[c], widths[c]));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /** A smallest-unit decimal string as whole units with the token's decimals: "1,500,000", "0.5". */
    static String amount(JsonNode units, int decimals) {
        BigDecimal v = new BigDecimal(new BigInteger(units.asText("0")), decimals).stripTrailingZeros();
        return v.scale() <= 0 ? String.format("%,d", v.toBigIntegerExact()) : v.toPlainString();
    }

    /** A market's price field in whole quote units a whole base token, "-" when there is none. */
    private static String price(JsonNode market, String field) {
        String value = market.path(field).asText("");
        return value.isEmpty() ? "-" : amount(market.path(field), market.path("quoteDecimals").asInt());
    }

    private static String bps(long bps) {
        return BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String time(long unixSeconds) {
        return unixSeconds == 0 ? "-" : TIME.format(Instant.ofEpochSecond(unixSeconds));
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return parts.isEmpty() ? "-" : String.join(" + ", parts);
    }

    private static String nameOr(String name, String address) {
        return name.isEmpty() ? address : name;
    }

    private static String asset(String address) {
        return NATIVE.equalsIgnoreCase(address) ? "native coin" : address;
    }
}
