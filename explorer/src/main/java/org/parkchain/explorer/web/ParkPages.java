package org.parkchain.explorer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.parkchain.explorer.api.Json;
import org.parkchain.explorer.api.ParkApi;
import org.parkchain.explorer.api.ParkData;
import org.parkchain.primitives.Address;

/** The park's pages: residents, a resident, the board, clients, the blocked register, offerings, an offering, levy. */
final class ParkPages {
    private final ParkData park;
    private final ParkApi api;

    ParkPages(ParkData park, ParkApi api) {
        this.park = park;
        this.api = api;
    }

    Html residents() {
        JsonNode view = api.view("residents");
        Html h = new Html().heading("Residents");
        h.tableStart("residents", "Name", "Status", "Roles", "Admitted", "Account");
        for (JsonNode r : view.path("residents")) {
            h.raw("<tr>").cellLink("/park/resident/" + r.path("address").asText(), r.path("name").asText())
                    .cell(r.path("status").asText()).cell(String.join(", ", ChainPages.strings(r.path("roles"))))
                    .cell(r.path("admittedAt").asLong() == 0 ? "" : Html.time(r.path("admittedAt").asLong()))
                    .cell(r.path("address").asText()).raw("</tr>");
        }
        return h.tableEnd();
    }

    Optional<Html> resident(Address a) {
        return park.resident(a).map(r -> {
            Html h = new Html().heading(r.path("name").asText());
            h.raw("<table class=\"detail\" id=\"resident\">").row("Status", r.path("status").asText())
                    .raw("<tr><th>Roles</th><td id=\"resident-roles\">")
                    .text(String.join(", ", ChainPages.strings(r.path("roles")))).raw("</td></tr>")
                    .rowLink("Primary account", "/address/" + r.path("address").asText(), r.path("address").asText())
                    .row("Bound accounts", String.join(", ", ChainPages.strings(r.path("boundAccounts"))))
                    .row("Registration number (hash)", r.path("registrationNo").asText())
                    .row("Business project (hash)", r.path("businessProjectHash").asText())
                    .row("Applied", Html.time(r.path("appliedAt").asLong()))
                    .row("Admitted", r.path("admittedAt").asLong() == 0 ? "" : Html.time(r.path("admittedAt").asLong()))
                    .raw("</table>");
            h.section("History");
            ChainPages.events(h, r.path("history"), "resident-history");
            return h;
        });
    }

    Html board() {
        ObjectNode b = park.board();
        Html h = new Html().heading("Supervisory board");
        h.raw("<table class=\"detail\">").row("Threshold", b.path("threshold").asText() + " approvals")
                .row("Members", String.join(", ", ChainPages.strings(b.path("members")))).raw("</table>");
        h.section("Open proposals");
        proposals(h, b.path("open"), "open-proposals");
        h.section("Executed proposals");
        proposals(h, b.path("executed"), "executed-proposals");
        return h;
    }

    private static void proposals(Html h, JsonNode list, String id) {
        h.tableStart(id, "Id", "Proposed", "Call", "Approvals", "Approved by");
        for (JsonNode p : list) {
            h.raw("<tr>").cellLink("/tx/" + p.path("transactionHash").asText(), p.path("id").asText())
                    .cell(Html.time(p.path("createdAt").asLong())).cell(p.path("call").asText())
                    .cell(p.path("approvals").asText()).cell(String.join(", ", ChainPages.strings(p.path("approvedBy"))))
                    .raw("</tr>");
        }
        h.tableEnd();
    }

    Html clients() {
        ObjectNode c = park.clientCounts(api.view("clients"));
        Html h = new Html().heading("Clients");
        h.raw("<p>").text(c.path("total").asText() + " identified clients, " + c.path("companies").asText()
                + " of them companies. Counts only: the ledger holds no personal data.").raw("</p>");
        h.section("By category").tableStart("clients-by-category", "Category", "Clients");
        c.path("byCategory").fields().forEachRemaining(f -> h.raw("<tr>").cell(f.getKey()).cell(f.getValue().asText()).raw("</tr>"));
        h.tableEnd().section("By country").tableStart("clients-by-country", "Country", "Clients");
        c.path("byCountry").fields().forEachRemaining(f -> h.raw("<tr>").cell(f.getKey()).cell(f.getValue().asText()).raw("</tr>"));
        return h.tableEnd();
    }

    Html blocked() {
        Html h = new Html().heading("Register of blocked addresses");
        h.tableStart("blocked", "Address", "Blocked", "Reason (hash)", "Decision", "Still blocked");
        for (JsonNode b : park.blocked().path("items")) {
            h.raw("<tr>").cellLink("/address/" + b.path("account").asText(), b.path("account").asText())
                    .cell(Html.time(b.path("blockedAt").asLong())).cell(b.path("reasonHash").asText())
                    .cellLink("/tx/" + b.path("transactionHash").asText(), b.path("proposalId").isNull()
                            ? "transaction" : "board proposal " + b.path("proposalId").asText())
                    .cell(b.path("stillBlocked").asBoolean() ? "yes" : "no").raw("</tr>");
        }
        return h.tableEnd();
    }

    Html offerings() {
        Html h = new Html().heading("Token offerings");
        h.tableStart("offerings", "Offering", "Token", "Issuer", "State", "Sold", "Hard cap");
        for (JsonNode o : api.view("offerings").path("offerings")) {
            int d = o.path("tokenDecimals").asInt();
            h.raw("<tr>").cellLink("/park/offering/" + o.path("id").asText(), "#" + o.path("id").asText())
                    .cellLink("/token/" + o.path("token").asText(), o.path("tokenSymbol").asText())
                    .cell(o.path("issuerName").asText()).cell(o.path("state").asText())
                    .cell(Html.amount(o.path("sold").asText(), d)).cell(Html.amount(o.path("hardCap").asText(), d))
                    .raw("</tr>");
        }
        return h.tableEnd();
    }

    Optional<Html> offering(long id) {
        return park.offering(id, api.view("offerings")).map(o -> {
            int d = o.path("tokenDecimals").asInt();
            Html h = new Html().heading("Offering #" + id + " of " + o.path("tokenSymbol").asText());
            h.raw("<table class=\"detail\" id=\"offering\">").raw("<tr><th>Outcome</th><td id=\"offering-state\">")
                    .text(o.path("state").asText()).raw("</td></tr>")
                    .rowLink("Token", "/token/" + o.path("token").asText(), o.path("tokenSymbol").asText())
                    .row("Issuer", o.path("issuerName").asText()).row("Organiser", o.path("organiserName").asText())
                    .row("Sold", Html.amount(o.path("sold").asText(), d) + " of hard cap "
                            + Html.amount(o.path("hardCap").asText(), d) + " (soft cap "
                            + Html.amount(o.path("softCap").asText(), d) + ")")
                    .row("Raised", Html.amount(o.path("raised").asText(), 18))
                    .row("Window", Html.time(o.path("start").asLong()) + " to " + Html.time(o.path("end").asLong()))
                    .row("Time left", o.path("secondsLeft").asLong() == 0 ? "closed"
                            : o.path("secondsLeft").asLong() + " s");
            for (JsonNode f : o.path("finalized")) {
                h.raw("<tr><th>Levy</th><td id=\"offering-levy\">")
                        .text(Html.amount(f.path("args").path("levy").asText("0"), 18) + " coin to the treasury (1%)")
                        .raw("</td></tr>");
            }
            h.raw("</table><p>Progress to hard cap: <progress max=\"1000\"")
                    .attr("value", Long.toString(ChainPages.permille(o.path("sold").asText("0"), o.path("hardCap").asText("1"))))
                    .raw("></progress></p>");
            h.section("Subscriptions").tableStart("subscriptions", "Time", "Investor", "Tokens", "Paid");
            for (JsonNode s : o.path("subscriptions")) {
                h.raw("<tr>").cell(Html.time(s.path("timestamp").asLong()))
                        .cellLink("/address/" + s.path("args").path("investor").asText(), s.path("args").path("investor").asText())
                        .cell(Html.amount(s.path("args").path("tokenAmount").asText("0"), d))
                        .cell(Html.amount(s.path("args").path("paid").asText("0"), 18)).raw("</tr>");
            }
            return h.tableEnd();
        });
    }

    Html levy(ParkData.Period period) {
        JsonNode view = api.view("levy");
        ObjectNode summary = park.levy(period);
        Html h = new Html().heading("Levy");
        h.raw("<table class=\"detail\">").rowLink("Treasury", "/address/" + view.path("treasury").asText(),
                view.path("treasury").asText()).row("Rate", (view.path("levyRateBps").asLong() / 100.0) + "% of revenue")
                .raw("</table>");
        h.raw("<p>").link("/park/levy?period=month", "By month").text(" · ").link("/park/levy?period=quarter", "By quarter")
                .text(" · ").raw("<a id=\"levy-csv\" download").attr("href", "/api/park/levy.csv?period="
                        + summary.path("period").asText()).raw(">Download CSV</a></p>");
        ArrayNode chart = Json.MAPPER.createArrayNode();
        summary.path("rows").forEach(r -> chart.addObject().put("period", r.path("period").asText())
                .put("levy", r.path("levy").asText()));
        h.raw("<div id=\"levy-chart\" class=\"chart\"").attr("data-series", chart.toString()).raw("></div>");
        h.tableStart("levy", "Period", "Resident", "Asset", "Revenue", "Levy", "Payments");
        for (JsonNode r : summary.path("rows")) {
            h.raw("<tr>").cell(r.path("period").asText())
                    .cellLink("/park/resident/" + r.path("resident").asText(), r.path("residentName").asText())
                    .cell(r.path("asset").asText().equals(Address.ZERO.toChecksumHex()) ? "coin" : r.path("asset").asText())
                    .cell(Html.amount(r.path("revenue").asText(), 18)).cell(Html.amount(r.path("levy").asText(), 18))
                    .cell(r.path("payments").asText()).raw("</tr>");
        }
        return h.tableEnd();
    }
}
