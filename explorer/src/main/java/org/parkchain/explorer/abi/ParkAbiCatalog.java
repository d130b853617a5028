package org.parkchain.explorer.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.abi.Tuple;

/**
 * The functions and events the explorer can decode: the park's system contracts and tokens (their published
 * interfaces, with parameter names) and ERC-20. Decoding is by selector and topic, so any contract speaking
 * these interfaces — any ERC-20 — is shown decoded; anything else is shown raw.
 *
 * <p>Enums of the interfaces ({@code Status}, {@code Category}, {@code Kind}, {@code State}, {@code Side},
 * {@code TimeInForce}) are {@code uint8} on the wire and shown by member name; {@code roles} bitmasks by role names.
 */
public final class ParkAbiCatalog {
    private static final Map<String, List<String>> ENUMS = Map.of(
            "Status", List.of("None", "Applicant", "Resident", "Suspended", "Revoked"),
            "Category", List.of("None", "NonQualified", "Qualified"),
            "Kind", List.of("Cryptocurrency", "Utility", "Asset"),
            "State", List.of("Draft", "Approved", "Succeeded", "Failed", "Cancelled"),
            "Side", List.of("Buy", "Sell"),
            "TimeInForce", List.of("GoodTillCancel", "ImmediateOrCancel", "FillOrKill", "PostOnly"));
    public static final List<String> ROLES = List.of("TOKEN_ISSUER", "ICO_ORGANISER", "PLATFORM_OPERATOR",
            "EXCHANGE_OFFICE");

    private static final List<String> FUNCTIONS = List.of(
            // IParkRegistry
            "propose(address target, bytes call)", "approve(uint256 proposalId)",
            "addBoardMember(address member)", "removeBoardMember(address member)", "setThreshold(uint256 newThreshold)",
            "applyForResidency(string name, bytes32 registrationNo, bytes32 businessProjectHash)",
            "admitResident(address applicant, uint256 roles)", "setRoles(address resident, uint256 roles)",
            "suspendResident(address resident, bytes32 reasonHash)", "reinstateResident(address resident)",
            "revokeResident(address resident, bytes32 reasonHash)", "addAccount(address account)",
            "removeAccount(address account)",
            "registerClient(address account, Category category, bool legalEntity, bytes2 country, bytes32 kycHash, uint64 expiresAt)",
            "removeClient(address account)", "blockAddress(address account, bytes32 reasonHash)",
            "unblockAddress(address account)", "setLevyRateBps(uint256 bps)", "setTreasury(address account)",
            // ITokenFactory
            "createToken(string name, string symbol, uint8 decimals, uint256 cap, Kind kind, bytes32 whitePaperHash)",
            // IOfferings
            "createOffering(address token, address organiser, address paymentAsset, uint256 price, uint256 softCap, uint256 hardCap, uint64 start, uint64 end, uint256 nonQualifiedLimit, bytes32 whitePaperHash)",
            "approveOffering(uint256 offeringId)", "cancelOffering(uint256 offeringId)",
            "subscribe(uint256 offeringId, uint256 tokenAmount)", "finalize(uint256 offeringId)",
            "claim(uint256 offeringId)",
            // IExchange
            "createMarket(address base, address quote, uint256 tickSize, uint256 lotSize, uint256 makerFeeBps, uint256 takerFeeBps, bool counterparty, bool ownClientsOnly)",
            "setFees(uint256 marketId, uint256 makerFeeBps, uint256 takerFeeBps)",
            "setHalted(uint256 marketId, bool halted)",
            "placeOrder(uint256 marketId, Side side, uint256 price, uint256 amount, TimeInForce tif)",
            "cancelOrder(uint256 orderId)",
            // ERC-20 and IParkToken
            "transfer(address to, uint256 amount)", "approve(address spender, uint256 amount)",
            "transferFrom(address from, address to, uint256 amount)", "mint(address to, uint256 amount)",
            "burn(uint256 amount)", "setFrozen(address account, bool frozen)",
            "forcedTransfer(address from, address to, uint256 amount)",
            // Views: a contract calling the park's contracts reads them too (they show among its internal calls).
            "boardMembers()", "threshold()", "proposal(uint256 proposalId)", "residentOf(address account)",
            "getResident(address resident)", "residents()", "hasRole(address account, uint256 role)",
            "getClient(address account)", "isVerified(address account)", "isBlocked(address account)", "treasury()",
            "levyRateBps()", "levyPaid(address resident, address asset)", "tokens()", "issuerOf(address token)",
            "offeringCount()", "getOffering(uint256 offeringId)",
            "subscriptionOf(uint256 offeringId, address investor)", "marketCount()", "getMarket(uint256 marketId)",
            "getOrder(uint256 orderId)", "openOrders(uint256 marketId, address trader)",
            "depth(uint256 marketId, Side side, uint256 levels)",
            "name()", "symbol()", "decimals()", "totalSupply()", "balanceOf(address account)",
            "allowance(address owner, address spender)", "issuer()", "cap()", "kind()", "whitePaperHash()",
            "isFrozen(address account)");

    private static final List<String> EVENTS = List.of(
            "ProposalCreated(uint256 indexed proposalId, address indexed proposer, address indexed target, bytes call)",
            "ProposalApproved(uint256 indexed proposalId, address indexed member)",
            "ProposalExecuted(uint256 indexed proposalId)",
            "BoardChanged(address indexed member, bool added)", "ThresholdChanged(uint256 threshold)",
            "ResidencyApplied(address indexed applicant, string name, bytes32 registrationNo)",
            "ResidentStatusChanged(address indexed resident, Status status, bytes32 reasonHash)",
            "RolesChanged(address indexed resident, uint256 roles)",
            "AccountBound(address indexed resident, address indexed account, bool bound)",
            "ClientRegistered(address indexed account, address indexed verifiedBy, Category category, bytes2 country)",
            "ClientRemoved(address indexed account)", "AddressBlocked(address indexed account, bytes32 reasonHash)",
            "AddressUnblocked(address indexed account)", "LevyRateChanged(uint256 bps)",
            "TreasuryChanged(address indexed treasury)",
            "LevyPaid(address indexed resident, address indexed asset, uint256 revenue, uint256 levy, bytes32 source)",
            "TokenCreated(address indexed token, address indexed issuer, string name, string symbol, uint8 decimals, uint256 cap, Kind kind, bytes32 whitePaperHash)",
            "OfferingCreated(uint256 indexed offeringId, address indexed token, address indexed issuer, address organiser)",
            "OfferingApproved(uint256 indexed offeringId, address indexed organiser)",
            "OfferingCancelled(uint256 indexed offeringId)",
            "Subscribed(uint256 indexed offeringId, address indexed investor, uint256 tokenAmount, uint256 paid)",
            "OfferingFinalized(uint256 indexed offeringId, bool succeeded, uint256 sold, uint256 raised, uint256 levy)",
            "Claimed(uint256 indexed offeringId, address indexed investor, uint256 tokenAmount)",
            "Refunded(uint256 indexed offeringId, address indexed investor, uint256 amount)",
            "MarketCreated(uint256 indexed marketId, address indexed operator, address indexed base, address quote, bool counterparty)",
            "MarketHalted(uint256 indexed marketId, bool halted)",
            "FeesChanged(uint256 indexed marketId, uint256 makerFeeBps, uint256 takerFeeBps)",
            "OrderPlaced(uint256 indexed orderId, uint256 indexed marketId, address indexed trader, Side side, uint256 price, uint256 amount, TimeInForce tif)",
            "Trade(uint256 indexed marketId, uint256 indexed makerOrderId, uint256 indexed takerOrderId, address buyer, address seller, uint256 price, uint256 amount, uint256 makerFee, uint256 takerFee)",
            "OrderClosed(uint256 indexed orderId, uint256 filled, bool cancelled)",
            "Transfer(address indexed from, address indexed to, uint256 value)",
            "Approval(address indexed owner, address indexed spender, uint256 value)",
            "Frozen(address indexed account, bool frozen)",
            "ForcedTransfer(address indexed from, address indexed to, uint256 value)");

    /** One declared parameter: its name, its declared type (an enum's name, or the ABI type) and ABI type. */
    public record Param(String name, String declared, String abiType, boolean indexed) {}

    /** A function or event of the catalog. */
    public record Entry(String name, List<Param> params, String abiSignature) {}

    /** A decoded argument, ready to show: {@code kind} says how ("address", "amount", "hash", "text", "enum"…). */
    public record Value(String name, String type, String kind, String text) {}

    /** A decoded call or event. */
    public record Decoded(String name, List<Value> values) {}

    private static final Map<Integer, Entry> BY_SELECTOR = new HashMap<>();
    private static final Map<Integer, AbiFunction> FUNCTION_ABI = new HashMap<>();
    private static final Map<Hash, Entry> BY_TOPIC = new HashMap<>();
    private static final Map<Hash, AbiEvent> EVENT_ABI = new HashMap<>();

    static {
        for (String f : FUNCTIONS) {
            Entry e = parse(f, false);
            AbiFunction abi = AbiFunction.parse(e.abiSignature());
            if (BY_SELECTOR.put(abi.selectorInt(), e) != null) {
                throw new IllegalStateException("two functions with the selector of " + f);
            }
            FUNCTION_ABI.put(abi.selectorInt(), abi);
        }
        for (String ev : EVENTS) {
            Entry e = parse(ev, true);
            AbiEvent abi = AbiEvent.parse(e.abiSignature());
            BY_TOPIC.put(abi.topic0(), e);
            EVENT_ABI.put(abi.topic0(), abi);
        }
    }

    private ParkAbiCatalog() {}

    /** The topic of ERC-20's Transfer(address indexed, address indexed, uint256). */
    public static final Hash TRANSFER = AbiEvent.parse("Transfer(address indexed,address indexed,uint256)").topic0();

    /** The name of the event whose topic0 is {@code topic}, if the catalog knows it. */
    public static Optional<String> eventName(Hash topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic)).map(Entry::name);
    }

    /** The names of the events the catalog knows, as the index files them by kind. */
    public static List<String> eventKinds() {
        return BY_TOPIC.values().stream().map(Entry::name).sorted().toList();
    }

    /** The event declared with {@code topic}, if known. */
    public static Optional<Entry> event(Hash topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }

    /**
     * What a listing calls a transaction's input: the function's name when the selector is known, the selector in hex
     * when not, "" for no input.
     */
    public static String methodName(byte[] input) {
        if (input.length < 4) {
            return "";
        }
        int selector = AbiFunction.selectorOf(input);
        Entry e = BY_SELECTOR.get(selector);
        return e != null ? e.name() : String.format("0x%08x", selector);
    }

    /** Decodes call data by its selector; empty when unknown or malformed. */
    public static Optional<Decoded> decodeCall(byte[] input) {
        if (input.length < 4) {
            return Optional.empty();
        }
        int selector = AbiFunction.selectorOf(input);
        Entry e = BY_SELECTOR.get(selector);
        if (e == null) {
            return Optional.empty();
        }
        try {
            Tuple args = FUNCTION_ABI.get(selector).decodeCall(input);
            return Optional.of(new Decoded(e.name(), values(e, args)));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** Decodes a log by its topic0; empty when unknown or malformed (an ERC-721 Transfer has a fourth topic). */
    public static Optional<Decoded> decodeLog(List<Hash> topics, byte[] data) {
        if (topics.isEmpty()) {
            return Optional.empty();
        }
        Entry e = BY_TOPIC.get(topics.get(0));
        if (e == null) {
            return Optional.empty();
        }
        try {
            Tuple args = EVENT_ABI.get(topics.get(0)).decode(new AbiEvent.Log(topics, data));
            return Optional.of(new Decoded(e.name(), values(e, args)));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The addresses among a decoded event's indexed parameters (whose history it belongs to). */
    public static List<Address> indexedAddresses(List<Hash> topics) {
        List<Address> out = new ArrayList<>();
        Entry e = topics.isEmpty() ? null : BY_TOPIC.get(topics.get(0));
        if (e == null) {
            return out;
        }
        int topic = 1;
        for (Param p : e.params()) {
            if (!p.indexed()) {
                continue;
            }
            if (topic < topics.size() && p.abiType().equals("address")) {
                out.add(Address.fromWord(topics.get(topic).toArray()));
            }
            topic++;
        }
        return out;
    }

    private static List<Value> values(Entry e, Tuple args) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < e.params().size(); i++) {
            Param p = e.params().get(i);
            out.add(new Value(p.name(), p.declared(), kind(p), text(p, args.get(i))));
        }
        return out;
    }

    private static String kind(Param p) {
        if (ENUMS.containsKey(p.declared()) || p.name().equals("roles")) {
            return "enum";
        }
        return switch (p.abiType()) {
            case "address" -> "address";
            case "bytes32" -> "hash";
            case "string" -> "text";
            case "bool" -> "bool";
            case "bytes", "bytes2" -> "bytes";
            default -> "number";
        };
    }

    private static String text(Param p, Object value) {
        List<String> members = ENUMS.get(p.declared());
        if (members != null) {
            long ordinal = ((UInt256) value).toBigInteger().longValue();
            return ordinal < members.size() ? members.get((int) ordinal) : "unknown(" + ordinal + ")";
        }
        if (p.name().equals("roles") && value instanceof UInt256 bits) {
            List<String> roles = new ArrayList<>();
            for (int i = 0; i < ROLES.size(); i++) {
                if (bits.testBit(i)) {
                    roles.add(ROLES.get(i));
                }
            }
            return roles.isEmpty() ? "none" : String.join(", ", roles);
        }
        return switch (value) {
            case Address a -> a.toChecksumHex();
            case UInt256 u -> u.toString();
            case Boolean b -> b.toString();
            case String s -> s;
            case byte[] b when p.abiType().equals("string") -> new String(b, StandardCharsets.UTF_8);
            case byte[] b when p.abiType().equals("bytes2") && printable(b) -> new String(b, StandardCharsets.US_ASCII);
            case byte[] b -> Hex.encode(b);
            case Hash h -> h.toHex();
            default -> String.valueOf(value);
        };
    }

    private static boolean printable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** "transfer(address to, uint256 amount)" into its names, declared types and canonical ABI signature. */
    private static Entry parse(String declaration, boolean event) {
        int open = declaration.indexOf('(');
        String name = declaration.substring(0, open);
        String inner = declaration.substring(open + 1, declaration.length() - 1).trim();
        List<Param> params = new ArrayList<>();
        List<String> abi = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String part : inner.split(",")) {
                String[] words = part.trim().split("\\s+");
                String declared = words[0];
                boolean indexed = words.length == 3 && words[1].equals("indexed");
                String paramName = words[words.length - 1];
                String abiType = ENUMS.containsKey(declared) ? "uint8" : declared;
                params.add(new Param(paramName, declared, abiType, indexed));
                abi.add(abiType + (event && indexed ? " indexed" : ""));
            }
        }
        return new Entry(name, params, name + "(" + String.join(",", abi) + ")");
    }
}
