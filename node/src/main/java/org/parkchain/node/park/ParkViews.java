package org.parkchain.node.park;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.explorer.index.IndexReader;
import org.parkchain.explorer.index.ParkEvent;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.regime.SystemContracts;
import org.parkchain.state.WorldState;

/**
 * The park as people look at it — residents, identified clients and blocked addresses, tokens, offerings, the levy —
 * read from the head block. Everything comes through the interfaces' own view functions, run as static calls of the
 * system contracts on the head state, so these views show exactly what {@code eth_call} would. What the interfaces
 * cannot enumerate (clients, blocked addresses, individual levy payments) is found in the registry's events, read
 * from the explorer's index of park events by kind (kept with every block; no request scans the chain).
 *
 * <p>Amounts are decimal strings in the smallest unit (JSON numbers cannot hold them exactly); addresses are
 * checksummed hex; times are unix seconds.
 */
public final class ParkViews {
    private static final AbiEvent CLIENT_REGISTERED = ParkAbi.event("ClientRegistered(address indexed,address indexed,uint8,bytes2)");
    private static final AbiEvent ADDRESS_BLOCKED = ParkAbi.event("AddressBlocked(address indexed,bytes32)");
    private static final AbiEvent LEVY_PAID = ParkStory.LEVY_PAID;
    private static final String RESIDENT = "((uint8,uint256,string,bytes32,bytes32,uint64,uint64))";
    private static final String CLIENT = "(uint8,bool,bytes2,bytes32,address,uint64,uint64)";
    private static final String OFFERING = "(address,address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32,uint8,uint256,uint256)";
    private static final List<String> STATUS = List.of("None", "Applicant", "Resident", "Suspended", "Revoked");
    private static final List<String> CATEGORY = List.of("None", "NonQualified", "Qualified");
    private static final List<String> KIND = List.of("Cryptocurrency", "Utility", "Asset");
    private static final List<String> OFFERING_STATE = List.of("Draft", "Approved", "Succeeded", "Failed", "Cancelled");
    private static final List<String> ROLES = List.of("TOKEN_ISSUER", "ICO_ORGANISER", "PLATFORM_OPERATOR", "EXCHANGE_OFFICE");
    public static final List<String> NAMES = List.of("residents", "clients", "tokens", "offerings", "levy", "markets");

    private final Blockchain chain;
    private final IndexReader events;
    private final SystemContracts contracts = new SystemContracts();

    private final MarketViews markets;

    /** @param events the explorer's index, where the registry's events are found by kind */
    public ParkViews(Blockchain chain, IndexReader events) {
        this.chain = chain;
        this.events = events;
        this.markets = new MarketViews(chain, events);
    }

    public record Resident(String address, String name, String status, List<String> roles, String registrationNo,
                           String businessProjectHash, long appliedAt, long admittedAt) {}

    public record Residents(long blockNumber, List<Resident> residents) {}

    public record Client(String account, String category, boolean legalEntity, String country, String kycHash,
                         String verifiedBy, String verifiedByName, long verifiedAt, long expiresAt, boolean verified,
                         boolean blocked) {}

    public record Clients(long blockNumber, List<Client> clients, List<String> blocked) {}

    public record Token(String address, String name, String symbol, int decimals, String cap, String totalSupply,
                        String kind, String issuer, String issuerName, String whitePaperHash) {}

    public record Tokens(long blockNumber, List<Token> tokens) {}

    public record Offering(long id, String token, String tokenSymbol, int tokenDecimals, String issuer,
                           String issuerName, String organiser, String organiserName, String paymentAsset,
                           String price, String softCap, String hardCap, long start, long end,
                           String nonQualifiedLimit, String whitePaperHash, String state, String sold, String raised) {}

    public record Offerings(long blockNumber, List<Offering> offerings) {}

    public record LevyPayment(String resident, String residentName, String asset, String revenue, String levy,
                              String source, long blockNumber, String transactionHash) {}

    public record LevyTotal(String resident, String residentName, String asset, String levy) {}

    public record Levy(long blockNumber, String treasury, long levyRateBps, List<LevyTotal> totals,
                       List<LevyPayment> payments) {}

    /** The view named {@code name} (one of {@link #NAMES}), or empty for an unknown name. */
    public Optional<Object> view(String name) {
        return view(name, Map.of());
    }

    /**
     * The view at {@code path}: one of {@link #NAMES}, or a market's {@code markets/{id}[/depth|/trades|/candles]}
     * (see {@link MarketViews}) with the request's {@code query} parameters; empty for an unknown path.
     */
    public Optional<Object> view(String path, Map<String, String> query) {
        if (path.equals("markets") || path.startsWith("markets/")) {
            return markets.view(path, query);
        }
        return switch (path) {
            case "residents" -> Optional.of(residents());
            case "clients" -> Optional.of(clients());
            case "tokens" -> Optional.of(tokens());
            case "offerings" -> Optional.of(offerings());
            case "levy" -> Optional.of(levy());
            default -> Optional.empty();
        };
    }

    public Residents residents() {
        Head head = head();
        List<Resident> out = new ArrayList<>();
        for (Address a : ParkAbi.addresses(head.call(SystemAddresses.REGISTRY, "(address[])", "residents()"), 0)) {
            Tuple r = head.call(SystemAddresses.REGISTRY, RESIDENT, "getResident(address)", a).tuple(0);
            out.add(new Resident(a.toChecksumHex(), r.string(2), name(STATUS, r.uint64(0)), roles(r.uint256(1)),
                    r.bytes32(3).toHex(), r.bytes32(4).toHex(), r.uint64(5), r.uint64(6)));
        }
        return new Residents(head.number(), out);
    }

    public Clients clients() {
        Head head = head();
        List<Client> out = new ArrayList<>();
        Set<Address> accounts = new LinkedHashSet<>();
        for (ParkEvent e : oldestFirst(CLIENT_REGISTERED)) {
            accounts.add(ParkAbi.decode(CLIENT_REGISTERED, e.topics(), e.data()).address(0));
        }
        Set<Address> blocked = new LinkedHashSet<>();
        for (ParkEvent e : oldestFirst(ADDRESS_BLOCKED)) {
            blocked.add(ParkAbi.decode(ADDRESS_BLOCKED, e.topics(), e.data()).address(0));
        }
        for (Address a : accounts) {
            Tuple c = head.call(SystemAddresses.REGISTRY, CLIENT, "getClient(address)", a);
            if (c.uint64(0) == 0) {
                continue; // removed since it was registered
            }
            Address by = c.address(4);
            out.add(new Client(a.toChecksumHex(), name(CATEGORY, c.uint64(0)), c.bool(1), ParkAbi.country(c, 2),
                    c.bytes32(3).toHex(), by.toChecksumHex(), head.residentName(by), c.uint64(5), c.uint64(6),
                    head.call(SystemAddresses.REGISTRY, "(bool)", "isVerified(address)", a).bool(0),
                    head.isBlocked(a)));
        }
        List<String> stillBlocked = blocked.stream().filter(head::isBlocked).map(Address::toChecksumHex).toList();
        return new Clients(head.number(), out, stillBlocked);
    }

    public Tokens tokens() {
        Head head = head();
        List<Token> out = new ArrayList<>();
        for (Address t : ParkAbi.addresses(head.call(SystemAddresses.TOKEN_FACTORY, "(address[])", "tokens()"), 0)) {
            Address issuer = head.call(t, "(address)", "issuer()").address(0);
            out.add(new Token(t.toChecksumHex(), head.call(t, "(string)", "name()").string(0),
                    head.call(t, "(string)", "symbol()").string(0), (int) head.call(t, "(uint8)", "decimals()").uint64(0),
                    head.call(t, "(uint256)", "cap()").uint256(0).toString(),
                    head.call(t, "(uint256)", "totalSupply()").uint256(0).toString(),
                    name(KIND, head.call(t, "(uint8)", "kind()").uint64(0)), issuer.toChecksumHex(),
                    head.residentName(issuer), head.call(t, "(bytes32)", "whitePaperHash()").bytes32(0).toHex()));
        }
        return new Tokens(head.number(), out);
    }

    public Offerings offerings() {
        Head head = head();
        long count = head.call(SystemAddresses.OFFERINGS, "(uint256)", "offeringCount()").uint64(0);
        List<Offering> out = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            Tuple o = head.call(SystemAddresses.OFFERINGS, OFFERING, "getOffering(uint256)", id);
            Address token = o.address(0);
            Address issuer = o.address(1);
            Address organiser = o.address(2);
            out.add(new Offering(id, token.toChecksumHex(), head.call(token, "(string)", "symbol()").string(0),
                    (int) head.call(token, "(uint8)", "decimals()").uint64(0), issuer.toChecksumHex(),
                    head.residentName(issuer), organiser.toChecksumHex(), head.residentName(organiser),
                    o.address(3).toChecksumHex(), o.uint256(4).toString(), o.uint256(5).toString(),
                    o.uint256(6).toString(), o.uint64(7), o.uint64(8), o.uint256(9).toString(), o.bytes32(10).toHex(),
                    name(OFFERING_STATE, o.uint64(11)), o.uint256(12).toString(), o.uint256(13).toString()));
        }
        return new Offerings(head.number(), out);
    }

    public Levy levy() {
        Head head = head();
        List<LevyPayment> payments = new ArrayList<>();
        for (ParkEvent e : oldestFirst(LEVY_PAID)) {
            Tuple paid = ParkAbi.decode(LEVY_PAID, e.topics(), e.data());
            Address resident = paid.address(0);
            payments.add(new LevyPayment(resident.toChecksumHex(), head.residentName(resident),
                    paid.address(1).toChecksumHex(), paid.uint256(2).toString(), paid.uint256(3).toString(),
                    paid.bytes32(4).toHex(), e.blockNumber(), e.transactionHash().toHex()));
        }
        // One total per resident and asset that ever paid, as the registry keeps it.
        Map<String, LevyTotal> totals = new LinkedHashMap<>();
        for (LevyPayment p : payments) {
            totals.computeIfAbsent(p.resident() + p.asset(), k -> {
                Address resident = Address.fromHex(p.resident());
                Address asset = Address.fromHex(p.asset());
                UInt256 total = head.call(SystemAddresses.REGISTRY, "(uint256)", "levyPaid(address,address)", resident,
                        asset).uint256(0);
                return new LevyTotal(p.resident(), p.residentName(), p.asset(), total.toString());
            });
        }
        return new Levy(head.number(),
                head.call(SystemAddresses.REGISTRY, "(address)", "treasury()").address(0).toChecksumHex(),
                head.call(SystemAddresses.REGISTRY, "(uint256)", "levyRateBps()").uint64(0),
                List.copyOf(totals.values()), payments);
    }

    // ---- the head, its state and view calls ----

    /** The head block and a state of it private to one request (a WorldState serves one reader). */
    private Head head() {
        BlockHeader header = chain.head();
        return new Head(header, chain.state(header));
    }

    private final class Head extends ParkHead {
        Head(BlockHeader header, WorldState state) {
            super(contracts, header, state);
        }

        boolean isBlocked(Address a) {
            return call(SystemAddresses.REGISTRY, "(bool)", "isBlocked(address)", a).bool(0);
        }

    }

    /** The registry's events of {@code event}'s kind, as they happened (the index lists them newest first). */
    private List<ParkEvent> oldestFirst(AbiEvent event) {
        String kind = event.signature().substring(0, event.signature().indexOf('('));
        List<ParkEvent> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            IndexReader.Page<ParkEvent> page = events.events(kind, cursor, 1000);
            page.items().stream().filter(e -> e.contract().equals(SystemAddresses.REGISTRY)).forEach(out::add);
            cursor = page.next();
        } while (cursor.isPresent());
        java.util.Collections.reverse(out);
        return out;
    }

    private static String name(List<String> names, long ordinal) {
        return ordinal >= 0 && ordinal < names.size() ? names.get((int) ordinal) : "unknown(" + ordinal + ")";
    }

    private static List<String> roles(UInt256 bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ROLES.size(); i++) {
            if (bits.testBit(i)) {
                out.add(ROLES.get(i));
            }
        }
        return out;
    }
}
