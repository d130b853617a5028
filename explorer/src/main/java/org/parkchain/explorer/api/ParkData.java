package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.explorer.index.IndexReader;
import org.parkchain.explorer.index.LevyMonth;
import org.parkchain.explorer.index.ParkEvent;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.SystemAddresses;

/**
 * What the explorer adds to the park's views ({@code /api/park/residents|clients|tokens|offerings|levy}, served by the
 * node): a resident's detail and history, the board and its proposals, client counts, the blocked register with the
 * decisions, an offering's subscribers and outcome, the levy per month or quarter, and the park's events by kind —
 * all from the index and view calls on the head.
 */
public final class ParkData {
    private static final String OFFERING = "((address,address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32,uint8,uint256,uint256))";
    private static final String PROPOSAL = "(address,address,bytes,uint256,bool)";
    private static final List<String> OFFERING_STATE = List.of("Draft", "Approved", "Succeeded", "Failed", "Cancelled");
    /** Reading a whole listing for a register page: the park's registers are small, but not unbounded. */
    private static final int REGISTER_LIMIT = 1000;

    private final ChainData chain;
    private final IndexReader reader;

    public ParkData(ChainData chain) {
        this.chain = chain;
        this.reader = chain.reader();
    }

    /** The park's events of {@code kind}, newest first. */
    public ObjectNode events(String kind, Optional<String> cursor, int limit) {
        if (!kind.matches("[A-Za-z]{1,40}") || ParkAbiCatalog.eventKinds().stream().noneMatch(kind::equals)) {
            throw new IllegalArgumentException("kind: not an event of the park's contracts: '" + Params.shorten(kind)
                    + "' (one of " + String.join(", ", ParkAbiCatalog.eventKinds()) + ")");
        }
        return Json.page(reader.events(kind, cursor, limit), Json::event);
    }

    /** A resident (by its primary account): its registry entry, bound accounts, and history newest first. */
    public Optional<ObjectNode> resident(Address a) {
        HeadState head = chain.head();
        Optional<Tuple> r = head.call(SystemAddresses.REGISTRY, ChainData.RESIDENT, "getResident(address)", a)
                .map(t -> t.tuple(0)).filter(t -> t.uint64(0) != 0);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Tuple t = r.get();
        ObjectNode o = Json.object();
        o.put("address", a.toChecksumHex());
        o.put("name", t.string(2));
        o.put("status", ChainData.name(List.of("None", "Applicant", "Resident", "Suspended", "Revoked"), t.uint64(0)));
        o.set("roles", Json.strings(ChainData.roles(t.uint256(1))));
        o.put("registrationNo", t.bytes32(3).toHex());
        o.put("businessProjectHash", t.bytes32(4).toHex());
        o.put("appliedAt", t.uint64(5));
        o.put("admittedAt", t.uint64(6));
        List<ParkEvent> history = reader.eventsOf(a, Optional.empty(), REGISTER_LIMIT).items();
        // Bound accounts: AccountBound events of this resident, latest word per account, confirmed by residentOf.
        ArrayNode accounts = o.putArray("boundAccounts");
        java.util.Set<Address> seen = new java.util.LinkedHashSet<>();
        for (ParkEvent e : history) {
            if (e.kind().equals("AccountBound") && Address.fromWord(e.topics().get(1).toArray()).equals(a)) {
                Address account = Address.fromWord(e.topics().get(2).toArray());
                if (seen.add(account) && head.call(SystemAddresses.REGISTRY, "(address)", "residentOf(address)", account)
                        .map(x -> x.address(0)).orElse(Address.ZERO).equals(a)) {
                    accounts.add(account.toChecksumHex());
                }
            }
        }
        ArrayNode events = o.putArray("history");
        history.forEach(e -> events.add(Json.event(e)));
        return Optional.of(o);
    }

    /** The board: members, threshold, and every proposal with its approvals so far, open ones first. */
    public ObjectNode board() {
        HeadState head = chain.head();
        ObjectNode o = Json.object();
        o.put("blockNumber", head.number());
        ArrayNode members = o.putArray("members");
        head.call(SystemAddresses.REGISTRY, "(address[])", "boardMembers()").map(t -> t.list(0)).orElse(List.of())
                .forEach(m -> members.add(((Address) m).toChecksumHex()));
        o.put("threshold", head.call(SystemAddresses.REGISTRY, "(uint256)", "threshold()").map(t -> t.uint64(0)).orElse(0L));
        List<ObjectNode> open = new ArrayList<>();
        List<ObjectNode> executed = new ArrayList<>();
        for (ParkEvent created : reader.events("ProposalCreated", Optional.empty(), REGISTER_LIMIT).items()) {
            Hash id = created.topics().get(1);
            Optional<Tuple> p = head.call(SystemAddresses.REGISTRY, PROPOSAL, "proposal(uint256)", UInt256.fromBytes(id.toArray()));
            ObjectNode n = Json.object();
            n.put("id", UInt256.fromBytes(id.toArray()).toString());
            n.put("proposer", Address.fromWord(created.topics().get(2).toArray()).toChecksumHex());
            n.put("target", Address.fromWord(created.topics().get(3).toArray()).toChecksumHex());
            n.put("createdAt", created.timestamp());
            n.put("transactionHash", created.transactionHash().toHex());
            byte[] call = p.map(t -> t.bytes(2)).orElse(new byte[0]);
            n.put("call", ParkAbiCatalog.decodeCall(call).map(ParkData::describe).orElse(org.parkchain.primitives.Hex.encode(call)));
            n.put("approvals", p.map(t -> t.uint64(3)).orElse(0L));
            boolean done = p.map(t -> t.bool(4)).orElse(false);
            n.put("executed", done);
            ArrayNode approvers = n.putArray("approvedBy");
            reader.events("ProposalApproved", id, Optional.empty(), 100).items()
                    .forEach(e -> approvers.add(Address.fromWord(e.topics().get(2).toArray()).toChecksumHex()));
            (done ? executed : open).add(n);
        }
        o.putArray("open").addAll(open);
        o.putArray("executed").addAll(executed);
        return o;
    }

    /** "admitResident(applicant=0x…, roles=TOKEN_ISSUER)". */
    static String describe(ParkAbiCatalog.Decoded d) {
        List<String> args = new ArrayList<>();
        d.values().forEach(v -> args.add(v.name() + "=" + v.text()));
        return d.name() + "(" + String.join(", ", args) + ")";
    }

    /** Clients counted by category and by country, from the node's clients view: counts only, no personal data. */
    public ObjectNode clientCounts(com.fasterxml.jackson.databind.JsonNode clientsView) {
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byCountry = new TreeMap<>();
        int companies = 0;
        for (var c : clientsView.path("clients")) {
            byCategory.merge(c.path("category").asText(), 1, Integer::sum);
            byCountry.merge(c.path("country").asText(), 1, Integer::sum);
            companies += c.path("legalEntity").asBoolean() ? 1 : 0;
        }
        ObjectNode o = Json.object();
        o.put("blockNumber", clientsView.path("blockNumber").asLong());
        o.put("total", clientsView.path("clients").size());
        o.put("companies", companies);
        ObjectNode cat = o.putObject("byCategory");
        byCategory.forEach(cat::put);
        ObjectNode country = o.putObject("byCountry");
        byCountry.forEach(country::put);
        return o;
    }

    /** The blocked register: each AddressBlocked with its date, reason hash and the decision, and whether it still holds. */
    public ObjectNode blocked() {
        HeadState head = chain.head();
        ObjectNode o = Json.object();
        o.put("blockNumber", head.number());
        ArrayNode items = o.putArray("items");
        for (ParkEvent e : reader.events("AddressBlocked", Optional.empty(), REGISTER_LIMIT).items()) {
            Address account = Address.fromWord(e.topics().get(1).toArray());
            ObjectNode n = items.addObject();
            n.put("account", account.toChecksumHex());
            n.put("blockedAt", e.timestamp());
            n.put("reasonHash", Hash.of(java.util.Arrays.copyOf(e.data(), 32)).toHex());
            n.put("transactionHash", e.transactionHash().toHex());
            n.put("blockNumber", e.blockNumber());
            // The decision: the board proposal executed in the same transaction, if any.
            Optional<ChainData.Decision> decision = chain.decision(e.transactionHash());
            Json.putOptional(n, "proposalId", decision.map(ChainData.Decision::proposalId));
            n.put("stillBlocked", head.call(SystemAddresses.REGISTRY, "(bool)", "isBlocked(address)", account)
                    .map(t -> t.bool(0)).orElse(false));
        }
        return o;
    }

    /** Offering {@code id}: the node's offering view, with its subscribers, outcome and levy, and the time left. */
    public Optional<ObjectNode> offering(long id, com.fasterxml.jackson.databind.JsonNode offeringsView) {
        com.fasterxml.jackson.databind.JsonNode view = null;
        for (var o : offeringsView.path("offerings")) {
            if (o.path("id").asLong() == id) {
                view = o;
            }
        }
        if (view == null) {
            return Optional.empty();
        }
        ObjectNode o = ((ObjectNode) view).deepCopy();
        Hash idTopic = Hash.of(UInt256.of(id).toBytes32());
        long now = chain.head().header.timestamp();
        o.put("secondsLeft", Math.max(0, view.path("end").asLong() - now));
        ArrayNode subscribers = o.putArray("subscriptions");
        for (ParkEvent e : reader.events("Subscribed", idTopic, Optional.empty(), REGISTER_LIMIT).items()) {
            subscribers.add(Json.event(e));
        }
        ArrayNode outcome = o.putArray("finalized");
        reader.events("OfferingFinalized", idTopic, Optional.empty(), 10).items().forEach(e -> outcome.add(Json.event(e)));
        ArrayNode claims = o.putArray("claims");
        reader.events("Claimed", idTopic, Optional.empty(), REGISTER_LIMIT).items().forEach(e -> claims.add(Json.event(e)));
        return Optional.of(o);
    }

    /** Period of a levy summary. */
    public enum Period {
        MONTH, QUARTER;

        public static Period parse(Optional<String> text) {
            return switch (text.orElse("month")) {
                case "month" -> MONTH;
                case "quarter" -> QUARTER;
                default -> throw new IllegalArgumentException("period: 'month' or 'quarter', got '"
                        + Params.shorten(text.get()) + "'");
            };
        }
    }

    /** One row of the levy summary. */
    public record LevyRow(String period, Address resident, String residentName, Address asset, UInt256 revenue,
                          UInt256 levy, long payments) {}

    /** The levy each resident paid per asset and period, in period then resident order. */
    public List<LevyRow> levyRows(Period period) {
        HeadState head = chain.head();
        Map<String, LevyRow> rows = new TreeMap<>();
        Map<Address, String> names = new java.util.HashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            IndexReader.Page<LevyMonth> page = reader.levyMonths(cursor, 100);
            for (LevyMonth m : page.items()) {
                String p = period == Period.MONTH ? m.yearMonth() : m.quarter();
                String name = names.computeIfAbsent(m.resident(), r -> ChainData.parkStatus(head, r)
                        .path("residentName").asText(""));
                rows.merge(p + m.resident() + m.asset(), new LevyRow(p, m.resident(), name, m.asset(), m.revenue(),
                        m.levy(), m.payments()), (a, b) -> new LevyRow(a.period(), a.resident(), a.residentName(),
                        a.asset(), a.revenue().add(b.revenue()), a.levy().add(b.levy()), a.payments() + b.payments()));
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return List.copyOf(rows.values());
    }

    public ObjectNode levy(Period period) {
        ObjectNode o = Json.object();
        o.put("period", period.name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode rows = o.putArray("rows");
        for (LevyRow r : levyRows(period)) {
            rows.addObject().put("period", r.period()).put("resident", r.resident().toChecksumHex())
                    .put("residentName", r.residentName()).put("asset", r.asset().toChecksumHex())
                    .put("revenue", r.revenue().toString()).put("levy", r.levy().toString()).put("payments", r.payments());
        }
        return o;
    }

    /** The levy summary as CSV (RFC 4180), one row per period, resident and asset. */
    public String levyCsv(Period period) {
        StringBuilder out = new StringBuilder("period,resident,resident_name,asset,revenue,levy,payments\r\n");
        for (LevyRow r : levyRows(period)) {
            out.append(csv(r.period())).append(',').append(r.resident().toChecksumHex()).append(',')
                    .append(csv(r.residentName())).append(',').append(r.asset().toChecksumHex()).append(',')
                    .append(r.revenue()).append(',').append(r.levy()).append(',').append(r.payments()).append("\r\n");
        }
        return out.toString();
    }

    /** A CSV field: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String csv(String field) {
        String f = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }
}
