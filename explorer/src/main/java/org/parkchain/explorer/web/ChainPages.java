package org.parkchain.explorer.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.parkchain.explorer.api.ChainData;
import org.parkchain.primitives.Address;

/** The chain's pages: home, block, transaction, address, token and the token list. Each renders the data API's JSON. */
final class ChainPages {
    private static final int NATIVE_DECIMALS = 18;

    private final ChainData data;

    ChainPages(ChainData data) {
        this.data = data;
    }

    Html home() {
        Html h = new Html().heading("Parkchain");
        JsonNode status = data.status();
        h.raw("<div class=\"cards\"><div class=\"card\"><span>Head block</span><strong id=\"head-number\">")
                .text(status.path("head").asText()).raw("</strong></div><div class=\"card\"><span>Chain id</span><strong>")
                .text(status.path("chainId").asText()).raw("</strong></div><div class=\"card\" id=\"health\">")
                .raw("<span>Health</span><strong id=\"health-status\">…</strong><ul id=\"health-checks\"></ul></div>")
                // Filled by the script from parkchain_clusterStatus on a cluster member; stays hidden on a lone node.
                .raw("<div class=\"card\" id=\"cluster\" hidden><span>Cluster</span><strong id=\"cluster-summary\">")
                .raw("</strong><ul id=\"cluster-members\"></ul></div></div>");
        h.section("Transactions per minute (last hour)");
        h.raw("<div id=\"throughput\" class=\"chart\"").attr("data-series", data.throughput(60).toString()).raw("></div>");
        h.raw("<div class=\"columns\"><div>").section("Latest blocks");
        h.tableStart("latest-blocks", "Block", "Age", "Transactions", "Gas used");
        for (JsonNode b : data.blocks(Optional.empty(), 10).path("items")) {
            blockRow(h, b);
        }
        h.tableEnd().raw("</div><div>").section("Latest transactions");
        h.tableStart("latest-txs", "Hash", "Method", "From", "To", "Status");
        for (JsonNode t : data.transactions(Optional.empty(), 10).path("items")) {
            txRow(h, t);
        }
        return h.tableEnd().raw("</div></div>");
    }

    static void blockRow(Html h, JsonNode b) {
        h.raw("<tr>").cellLink("/block/" + b.path("number").asText(), b.path("number").asText())
                .cell(Html.time(b.path("timestamp").asLong())).cell(b.path("transactions").asText())
                .cell(String.format("%,d", b.path("gasUsed").asLong())).raw("</tr>");
    }

    static void txRow(Html h, JsonNode t) {
        String to = t.path("to").isNull() ? t.path("contractAddress").asText("") : t.path("to").asText();
        h.raw("<tr>").cellLink("/tx/" + t.path("hash").asText(), Html.shortHex(t.path("hash").asText()))
                .cell(t.path("method").asText().isEmpty() ? "transfer of coin" : t.path("method").asText())
                .cellLink("/address/" + t.path("from").asText(), Html.shortHex(t.path("from").asText()))
                .cellLink("/address/" + to, Html.shortHex(to))
                .cell(t.path("success").asBoolean() ? "success" : "failed").raw("</tr>");
    }

    Optional<Html> block(String id) {
        return data.block(id, Optional.empty(), 100).map(b -> {
            Html h = new Html().heading("Block " + b.path("number").asText());
            h.raw("<table class=\"detail\">").row("Hash", b.path("hash").asText())
                    .rowLink("Parent", "/block/" + b.path("parentHash").asText(), b.path("parentHash").asText())
                    .row("Time", Html.time(b.path("timestamp").asLong()))
                    .row("Gas used", String.format("%,d of %,d", b.path("gasUsed").asLong(), b.path("gasLimit").asLong()))
                    .row("Base fee per gas", b.path("baseFeePerGas").asText() + " wei")
                    .row("State root", b.path("stateRoot").asText()).raw("</table>");
            h.section("Transactions (" + b.path("transactionCount").asText("?") + ", last first)");
            listing(h, "/api/blocks/" + b.path("number").asText() + "/txs", "block-txs", b.path("transactions"));
            return h;
        });
    }

    Optional<Html> transaction(String hash) {
        return data.transaction(org.parkchain.primitives.Hash.fromHex(hash)).map(t -> {
            Html h = new Html().heading("Transaction");
            boolean ok = t.path("status").asText().equals("success");
            h.raw("<table class=\"detail\">").row("Hash", t.path("hash").asText())
                    .raw("<tr><th>Status</th><td><span id=\"tx-status\" class=\"" + (ok ? "ok" : "bad") + "\">")
                    .text(t.path("status").asText()).raw("</span></td></tr>");
            if (!t.path("revertReason").isNull()) {
                h.raw("<tr><th>Revert reason</th><td id=\"revert-reason\">").text(t.path("revertReason").asText())
                        .raw("</td></tr>");
            }
            h.rowLink("Block", "/block/" + t.path("blockNumber").asText(), t.path("blockNumber").asText())
                    .row("Time", Html.time(t.path("timestamp").asLong()))
                    .rowLink("From", "/address/" + t.path("from").asText(), t.path("from").asText());
            if (!t.path("to").isNull()) {
                h.rowLink("To", "/address/" + t.path("to").asText(), t.path("to").asText());
            }
            if (!t.path("contractAddress").isNull()) {
                h.rowLink("Contract created", "/address/" + t.path("contractAddress").asText(),
                        t.path("contractAddress").asText());
            }
            h.row("Value", Html.amount(t.path("value").asText(), NATIVE_DECIMALS) + " coin")
                    .row("Gas used", String.format("%,d of %,d", t.path("gasUsed").asLong(), t.path("gasLimit").asLong()))
                    .row("Nonce", t.path("nonce").asText()).row("Type", t.path("type").asText()).raw("</table>");
            h.section("Input");
            if (!t.path("decodedInput").isNull()) {
                decoded(h, t.path("decodedInput"), "decoded-input");
            }
            h.raw("<pre class=\"hex\">").text(t.path("input").asText()).raw("</pre>");
            internalCalls(h, t.path("internalCalls"));
            h.section("Events (" + t.path("logs").size() + ")");
            h.raw("<div id=\"tx-events\">");
            for (JsonNode l : t.path("logs")) {
                h.raw("<div class=\"event\"><p>").text("#" + l.path("logIndex").asText() + " from ")
                        .link("/address/" + l.path("address").asText(), l.path("address").asText()).raw("</p>");
                if (!l.path("decoded").isNull()) {
                    decoded(h, l.path("decoded"), "");
                } else {
                    h.raw("<pre class=\"hex\">");
                    l.path("topics").forEach(x -> h.text(x.asText() + "\n"));
                    h.text(l.path("data").asText()).raw("</pre>");
                }
                h.raw("</div>");
            }
            return h.raw("</div>");
        });
    }

    /** The deepest call shown indented further (CSS classes d1 … d8); deeper ones keep its indentation. */
    private static final int DEEPEST_INDENT = 8;

    /**
     * The calls the transaction made from contract to contract, depth first, each indented by its depth: type, from,
     * to, value, gas used, input (decoded for the park's contracts and ERC-20) and how it ended.
     */
    private static void internalCalls(Html h, JsonNode ic) {
        JsonNode calls = ic.path("calls");
        h.section("Internal calls (" + (calls.size() + ic.path("omitted").asInt()) + ")");
        if (!ic.path("unavailable").isNull()) {
            h.raw("<p class=\"notice\" id=\"internal-calls\">").text("Internal calls not shown: "
                    + ic.path("unavailable").asText()).raw("</p>");
            return;
        }
        if (calls.isEmpty()) {
            h.raw("<p id=\"internal-calls\">").text("This transaction made no internal calls.").raw("</p>");
            return;
        }
        h.tableStart("internal-calls", "Call", "From", "To", "Value", "Gas used", "Input", "Result");
        for (JsonNode c : calls) {
            int depth = c.path("depth").asInt();
            String to = c.path("to").asText();
            String toLabel = c.path("toName").isNull() ? Html.shortHex(to) : c.path("toName").asText();
            boolean failed = !c.path("error").isNull();
            h.raw("<tr").attr("data-depth", Integer.toString(depth)).raw(">")
                    .raw("<td class=\"call d" + Math.min(depth, DEEPEST_INDENT) + "\">")
                    .text((depth > 1 ? "\u21b3 " : "") + c.path("type").asText()).raw("</td>")
                    .cellLink("/address/" + c.path("from").asText(), Html.shortHex(c.path("from").asText()))
                    .cellLink("/address/" + to, toLabel)
                    .cell(c.path("value").isNull() ? "" : Html.amount(c.path("value").asText(), NATIVE_DECIMALS))
                    .cell(String.format("%,d", c.path("gasUsed").asLong()))
                    .raw("<td class=\"wrap\">").text(callInput(c)).raw("</td>")
                    .raw("<td class=\"wrap\"><span class=\"" + (failed ? "bad" : "ok") + "\">")
                    .text(failed ? c.path("error").asText() : "ok").raw("</span>");
            if (!c.path("revertReason").isNull()) {
                h.raw("<br><span class=\"revert\">").text(c.path("revertReason").asText()).raw("</span>");
            }
            h.raw("</td></tr>");
        }
        h.tableEnd();
        if (ic.path("omitted").asInt() > 0) {
            h.raw("<p class=\"notice\">").text(ic.path("omitted").asText() + " more calls not shown.").raw("</p>");
        }
    }

    /** {@code transfer(to=0x…, amount=5)} for a decoded input, else its selector, else nothing. */
    private static String callInput(JsonNode c) {
        JsonNode d = c.path("decodedInput");
        if (!d.isNull()) {
            StringBuilder b = new StringBuilder(d.path("name").asText()).append('(');
            for (JsonNode a : d.path("args")) {
                if (b.charAt(b.length() - 1) != '(') {
                    b.append(", ");
                }
                b.append(a.path("name").asText()).append('=').append(a.path("value").asText());
            }
            return b.append(')').toString();
        }
        String input = c.path("input").asText();
        if (c.path("type").asText().startsWith("CREATE")) {
            return "init code, " + c.path("inputBytes").asText() + " bytes";
        }
        return input.length() > 10 ? input.substring(0, 10) + "… (" + c.path("inputBytes").asText() + " bytes)" : input;
    }

    /** A decoded call or event: its name and a table of its arguments, addresses linked. */
    static void decoded(Html h, JsonNode d, String id) {
        h.raw("<div class=\"decoded\"");
        if (!id.isEmpty()) {
            h.attr("id", id);
        }
        h.raw(">").el("strong", "event-name", d.path("name").asText()).raw("<table class=\"detail\">");
        for (JsonNode a : d.path("args")) {
            String v = a.path("value").asText();
            if (a.path("kind").asText().equals("address")) {
                h.rowLink(a.path("name").asText() + " (" + a.path("type").asText() + ")", "/address/" + v, v);
            } else {
                h.row(a.path("name").asText() + " (" + a.path("type").asText() + ")", v);
            }
        }
        h.raw("</table></div>");
    }

    Html address(Address a) {
        JsonNode o = data.address(a);
        Html h = new Html().heading(o.path("token").asBoolean() ? "Token contract" : o.path("contract").asBoolean()
                ? "Contract" : "Address");
        h.raw("<p class=\"mono\">").text(o.path("address").asText()).raw("</p>");
        if (o.path("token").asBoolean()) {
            h.raw("<p>").link("/token/" + o.path("address").asText(), "Token page").raw("</p>");
        }
        JsonNode park = o.path("park");
        h.raw("<table class=\"detail\">").row("Balance", Html.amount(o.path("balance").asText(), NATIVE_DECIMALS) + " coin")
                .row("Transactions sent", o.path("nonce").asText());
        h.raw("<tr><th>Park status</th><td id=\"park-status\">");
        if (park.path("blocked").asBoolean()) {
            h.el("span", "bad", "Blocked").raw(" ");
        }
        if (!park.path("resident").isNull()) {
            h.text(park.path("boundAccount").asBoolean() ? "Bound account of " : "Resident ")
                    .link("/park/resident/" + park.path("resident").asText(), park.path("residentName").asText())
                    .text(" (" + park.path("residentStatus").asText() + "; roles: "
                            + String.join(", ", strings(park.path("roles"))) + ") ");
        }
        if (!park.path("client").isNull()) {
            JsonNode c = park.path("client");
            h.text("Client: " + c.path("category").asText() + ", " + (c.path("legalEntity").asBoolean() ? "company"
                    : "individual") + ", " + c.path("country").asText() + ", expires "
                    + Html.time(c.path("expiresAt").asLong()) + " ");
        }
        if (park.path("boardMember").asBoolean()) {
            h.text("Board member ");
        }
        h.text(park.path("verified").asBoolean() ? "(verified)" : "(not verified)").raw("</td></tr></table>");
        h.section("Token holdings");
        h.tableStart("holdings", "Token", "Balance");
        for (JsonNode b : data.holdings(a, Optional.empty(), 100).path("items")) {
            h.raw("<tr>").cellLink("/token/" + b.path("token").asText(), b.path("symbol").asText())
                    .cell(Html.amount(b.path("balance").asText(), b.path("decimals").asInt())).raw("</tr>");
        }
        h.tableEnd().section("Transactions");
        listing(h, "/api/addresses/" + a.toChecksumHex() + "/txs", "address-txs",
                data.transactionsOf(a, Optional.empty(), 25));
        h.section("Token transfers");
        transfers(h, "address-transfers", data.transfersOf(a, Optional.empty(), 25).path("items"), -1);
        h.section("Park history");
        events(h, data.eventsOf(a, Optional.empty(), 25).path("items"), "address-events");
        return h;
    }

    /** A listing of transactions with a link to the next page of the data API when there is one. */
    static void listing(Html h, String api, String id, JsonNode page) {
        h.tableStart(id, "Hash", "Method", "From", "To", "Status");
        page.path("items").forEach(t -> txRow(h, t));
        h.tableEnd();
        if (!page.path("next").isNull()) {
            h.raw("<p>").link(api + "?cursor=" + page.path("next").asText(), "More (JSON)").raw("</p>");
        }
    }

    static void events(Html h, JsonNode events, String id) {
        h.tableStart(id, "Time", "Event", "Details", "Transaction");
        for (JsonNode e : events) {
            StringBuilder details = new StringBuilder();
            e.path("args").fields().forEachRemaining(f -> details.append(f.getKey()).append('=')
                    .append(f.getValue().asText()).append("  "));
            h.raw("<tr>").cell(Html.time(e.path("timestamp").asLong())).cell(e.path("kind").asText())
                    .el("td", "wrap", details.toString().trim())
                    .cellLink("/tx/" + e.path("transactionHash").asText(), Html.shortHex(e.path("transactionHash").asText()))
                    .raw("</tr>");
        }
        h.tableEnd();
    }

    Optional<Html> token(Address a) {
        return data.token(a).map(t -> {
            int decimals = t.path("decimals").asInt();
            Html h = new Html().heading(t.path("name").asText() + " (" + t.path("symbol").asText() + ")");
            h.raw("<table class=\"detail\" id=\"token-detail\">").row("Name", t.path("name").asText())
                    .row("Symbol", t.path("symbol").asText())
                    .rowLink("Contract", "/address/" + t.path("address").asText(), t.path("address").asText())
                    .row("Decimals", t.path("decimals").asText())
                    .row("Total supply", Html.amount(t.path("totalSupply").asText(), decimals));
            if (t.path("parkToken").asBoolean()) {
                h.row("Cap", Html.amount(t.path("cap").asText(), decimals)).row("Kind", t.path("kind").asText())
                        .rowLink("Issuer", "/address/" + t.path("issuer").asText(), t.path("issuerName").asText())
                        .row("White paper hash", t.path("whitePaperHash").asText())
                        .row("Frozen accounts", String.join(", ", strings(t.path("frozen"))));
            }
            h.row("Holders", t.path("holders").asText()).raw("</table>");
            if (t.path("parkToken").asBoolean() && !t.path("cap").asText().isEmpty()) {
                h.raw("<p>Supply against cap: <progress max=\"1000\"").attr("value", Long.toString(permille(
                        t.path("totalSupply").asText(), t.path("cap").asText()))).raw("></progress></p>");
            }
            h.section("Holders").tableStart("holders", "Holder", "Balance");
            for (JsonNode b : data.holders(a, Optional.empty(), 100).path("items")) {
                h.raw("<tr>").cellLink("/address/" + b.path("holder").asText(), b.path("holder").asText())
                        .cell(Html.amount(b.path("balance").asText(), decimals)).raw("</tr>");
            }
            h.tableEnd().section("Transfers");
            transfers(h, "transfers", data.transfersOfToken(a, Optional.empty(), 25).path("items"), decimals);
            return h;
        });
    }

    /** Token transfers; {@code decimals} < 0: each row's own token symbol and decimals (an address's mixed tokens). */
    private static void transfers(Html h, String id, JsonNode items, int decimals) {
        h.tableStart(id, "Time", "Token", "From", "To", "Amount", "Transaction");
        for (JsonNode x : items) {
            h.raw("<tr>").cell(Html.time(x.path("timestamp").asLong()))
                    .cellLink("/token/" + x.path("token").asText(), x.path("symbol").asText(Html.shortHex(x.path("token").asText())))
                    .cellLink("/address/" + x.path("from").asText(), Html.shortHex(x.path("from").asText()))
                    .cellLink("/address/" + x.path("to").asText(), Html.shortHex(x.path("to").asText()))
                    .cell(Html.amount(x.path("value").asText(), decimals < 0 ? x.path("decimals").asInt() : decimals))
                    .cellLink("/tx/" + x.path("transactionHash").asText(), Html.shortHex(x.path("transactionHash").asText()))
                    .raw("</tr>");
        }
        h.tableEnd();
    }

    Html tokens() {
        Html h = new Html().heading("Tokens");
        h.tableStart("tokens", "Symbol", "Name", "Total supply", "Holders", "Contract");
        for (JsonNode t : data.tokens(Optional.empty(), 100).path("items")) {
            h.raw("<tr>").cellLink("/token/" + t.path("address").asText(), t.path("symbol").asText())
                    .cell(t.path("name").asText()).cell(Html.amount(t.path("totalSupply").asText(), t.path("decimals").asInt()))
                    .cell(t.path("holders").asText()).cell(t.path("address").asText()).raw("</tr>");
        }
        return h.tableEnd();
    }

    static java.util.List<String> strings(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    static long permille(String part, String whole) {
        java.math.BigInteger w = new java.math.BigInteger(whole);
        return w.signum() == 0 ? 0 : new java.math.BigInteger(part).multiply(java.math.BigInteger.valueOf(1000))
                .divide(w).min(java.math.BigInteger.valueOf(1000)).longValue();
    }
}
