package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainTransaction;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.explorer.index.ChainIndex;
import org.parkchain.explorer.index.IndexReader;
import org.parkchain.explorer.index.ParkEvent;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.SystemAddresses;

/**
 * The chain as the explorer shows it: blocks, transactions (decoded, with their revert reason), addresses (balance,
 * transactions, holdings, park status), tokens, throughput and search. Listings come from the index; single items
 * from the chain by number or hash, and current values from view calls on the head state. Nothing here scans the
 * chain.
 */
public final class ChainData {
    static final String RESIDENT = "((uint8,uint256,string,bytes32,bytes32,uint64,uint64))";
    static final String CLIENT = "((uint8,bool,bytes2,bytes32,address,uint64,uint64))";
    private static final List<String> STATUS = List.of("None", "Applicant", "Resident", "Suspended", "Revoked");
    private static final List<String> CATEGORY = List.of("None", "NonQualified", "Qualified");

    private final Blockchain chain;
    private final ChainIndex index;
    private final IndexReader reader;
    private final TransactionProcessor processor;
    private final TransactionReplay replay;

    /**
     * @param processor the node's transaction processor, for view calls as eth_call runs them
     * @param executor the node's block executor, to replay a transaction's block up to it (its internal calls)
     */
    public ChainData(Blockchain chain, ChainIndex index, TransactionProcessor processor, BlockExecutor executor) {
        this.chain = chain;
        this.index = index;
        this.reader = index.reader();
        this.processor = processor;
        this.replay = new TransactionReplay(chain, executor);
    }

    IndexReader reader() {
        return reader;
    }

    HeadState head() {
        return new HeadState(chain, processor);
    }

    public ObjectNode status() {
        ChainIndex.Progress p = index.progress();
        ObjectNode o = Json.object();
        o.put("chainId", chain.chainId());
        o.put("head", p.head());
        o.put("indexedUpTo", p.indexedUpTo());
        o.put("indexComplete", p.complete());
        o.put("indexPercent", p.percent());
        o.put("rebuilding", p.rebuilding());
        o.put("indexingMillis", p.indexingMillis());
        return o;
    }

    public ObjectNode blocks(Optional<String> cursor, int limit) {
        return Json.page(reader.blocks(cursor, limit), Json::block);
    }

    public ObjectNode transactions(Optional<String> cursor, int limit) {
        return Json.page(reader.transactions(cursor, limit), Json::tx);
    }

    /** Transactions and blocks per minute over the last {@code minutes} minutes, oldest first. */
    public ObjectNode throughput(int minutes) {
        ObjectNode o = Json.object();
        ArrayNode rows = o.putArray("minutes");
        for (long[] m : reader.minutes(Math.max(chain.head().timestamp(), System.currentTimeMillis() / 1000), minutes)) {
            rows.addObject().put("start", m[0]).put("transactions", m[1]).put("blocks", m[2]);
        }
        return o;
    }

    /**
     * Block {@code id} (a number or a 0x hash) with the first page of its transactions from the index (a block may
     * hold thousands; recovering every sender to show them would cost more than the page); empty when there is none.
     */
    public Optional<ObjectNode> block(String id, Optional<String> cursor, int limit) {
        Optional<BlockHeader> header = id.startsWith("0x") ? chain.header(Params.hash(id)) : chain.header(Params.blockNumber(id));
        return header.map(h -> {
            ObjectNode o = Json.object();
            o.put("number", h.number());
            o.put("hash", h.hash().toHex());
            o.put("parentHash", h.parentHash().toHex());
            o.put("timestamp", h.timestamp());
            o.put("gasUsed", h.gasUsed());
            o.put("gasLimit", h.gasLimit());
            o.put("baseFeePerGas", h.baseFeePerGas().toString());
            o.put("stateRoot", h.stateRoot().toHex());
            o.put("coinbase", h.coinbase().toChecksumHex());
            reader.block(h.number()).ifPresent(b -> o.put("transactionCount", b.transactions()));
            o.set("transactions", Json.page(reader.transactionsOfBlock(h.number(), cursor, limit), Json::tx));
            return o;
        });
    }

    /**
     * Transaction {@code hash} with its receipt, decoded input and events, revert reason and internal calls; empty
     * when unknown.
     */
    public Optional<ObjectNode> transaction(Hash hash) {
        Optional<ChainTransaction> found = chain.transaction(hash);
        Optional<TransactionReceipt> receipt = chain.receipt(hash);
        if (found.isEmpty() || receipt.isEmpty()) {
            return Optional.empty();
        }
        Transaction tx = found.get().transaction();
        TransactionReceipt r = receipt.get();
        ObjectNode o = Json.object();
        o.put("hash", hash.toHex());
        o.put("blockNumber", r.blockNumber());
        o.put("blockHash", r.blockHash().toHex());
        o.put("index", r.transactionIndex());
        chain.header(r.blockNumber()).ifPresent(h -> o.put("timestamp", h.timestamp()));
        o.put("status", r.success() ? "success" : "failed");
        o.put("from", r.from().toChecksumHex());
        Json.putOptional(o, "to", r.to().map(Address::toChecksumHex));
        Json.putOptional(o, "contractAddress", r.contractAddress().map(Address::toChecksumHex));
        o.put("value", tx.value().toString());
        o.put("nonce", tx.nonce());
        o.put("gasLimit", tx.gasLimit());
        o.put("gasUsed", r.gasUsed());
        o.put("effectiveGasPrice", r.effectiveGasPrice().toString());
        o.put("type", tx.type().name());
        o.put("input", Hex.encode(tx.data()));
        Optional<ParkAbiCatalog.Decoded> call = tx.isContractCreation() ? Optional.empty()
                : ParkAbiCatalog.decodeCall(tx.data());
        if (call.isPresent()) {
            o.set("decodedInput", Json.decoded(call.get()));
        } else {
            o.putNull("decodedInput");
        }
        // Receipts keep neither the revert data nor the calls: both come from replaying the transaction.
        TransactionReplay.Replayed replayed = replay.of(found.get(), tx, r.success());
        Json.putOptional(o, "revertReason", replayed.failure());
        ObjectNode internalCalls = replayed.json();
        nameTokens(internalCalls.path("calls"));
        o.set("internalCalls", internalCalls);
        ArrayNode logs = o.putArray("logs");
        for (TransactionReceipt.LogEntry entry : r.logs()) {
            ObjectNode l = logs.addObject();
            l.put("logIndex", entry.logIndex());
            l.put("address", entry.log().address().toChecksumHex());
            ArrayNode topics = l.putArray("topics");
            entry.log().topics().forEach(t -> topics.add(t.toHex()));
            l.put("data", Hex.encode(entry.log().data()));
            Optional<ParkAbiCatalog.Decoded> decoded = ParkAbiCatalog.decodeLog(entry.log().topics(), entry.log().data());
            if (decoded.isPresent()) {
                l.set("decoded", Json.decoded(decoded.get()));
            } else {
                l.putNull("decoded");
            }
        }
        return Optional.of(o);
    }

    /**
     * Names the tokens the calls went to by their symbol (the park's contracts are named already), each token read
     * once. The index knows which addresses are tokens, so other contracts cost no view call.
     */
    private void nameTokens(com.fasterxml.jackson.databind.JsonNode calls) {
        java.util.Map<Address, String> symbols = new java.util.HashMap<>();
        HeadState head = null;
        for (com.fasterxml.jackson.databind.JsonNode c : calls) {
            Address to = Address.fromHex(c.path("to").asText());
            if (!c.path("toName").isNull() || !reader.isToken(to)) {
                continue;
            }
            if (head == null) {
                head = head();
            }
            HeadState at = head;
            String symbol = symbols.computeIfAbsent(to, t -> symbol(at, t));
            if (!symbol.isEmpty()) {
                ((ObjectNode) c).put("toName", symbol);
            }
        }
    }

    /** The board decision a transaction carried out: the proposal executed in it. */
    record Decision(String proposalId) {}

    Optional<Decision> decision(Hash txHash) {
        Hash executed = org.parkchain.primitives.abi.AbiEvent.parse("ProposalExecuted(uint256 indexed)").topic0();
        return chain.receipt(txHash).flatMap(r -> r.logs().stream()
                .filter(l -> l.log().address().equals(SystemAddresses.REGISTRY) && l.log().topics().size() == 2
                        && l.log().topics().get(0).equals(executed))
                .map(l -> new Decision(UInt256.fromBytes(l.log().topics().get(1).toArray()).toString())).findFirst());
    }

    /** An address: balance, nonce, whether it has code, token or park status. */
    public ObjectNode address(Address a) {
        HeadState head = head();
        ObjectNode o = Json.object();
        o.put("address", a.toChecksumHex());
        o.put("blockNumber", head.number());
        o.put("balance", head.state.balance(a).toString());
        o.put("nonce", head.state.nonce(a));
        o.put("contract", head.hasCode(a));
        o.put("systemContract", SystemAddresses.isReserved(a));
        o.put("token", reader.isToken(a));
        o.set("park", parkStatus(head, a));
        return o;
    }

    /** What the park's registry says of an account: resident or bound account, client, blocked, board member. */
    static ObjectNode parkStatus(HeadState head, Address a) {
        ObjectNode p = Json.object();
        Address primary = head.call(SystemAddresses.REGISTRY, "(address)", "residentOf(address)", a)
                .map(t -> t.address(0)).orElse(Address.ZERO);
        if (!primary.equals(Address.ZERO)) {
            Optional<Tuple> r = head.call(SystemAddresses.REGISTRY, RESIDENT, "getResident(address)", primary)
                    .map(t -> t.tuple(0));
            p.put("resident", primary.toChecksumHex());
            p.put("residentName", r.map(t -> t.string(2)).orElse(""));
            p.put("residentStatus", r.map(t -> name(STATUS, t.uint64(0))).orElse("None"));
            p.set("roles", Json.strings(r.map(t -> roles(t.uint256(1))).orElse(List.of())));
            p.put("boundAccount", !primary.equals(a));
        } else {
            p.putNull("resident");
        }
        Optional<Tuple> client = head.call(SystemAddresses.REGISTRY, CLIENT, "getClient(address)", a).map(t -> t.tuple(0));
        if (client.isPresent() && client.get().uint64(0) != 0) {
            Tuple c = client.get();
            ObjectNode co = p.putObject("client");
            co.put("category", name(CATEGORY, c.uint64(0)));
            co.put("legalEntity", c.bool(1));
            co.put("country", new String(c.bytes(2), java.nio.charset.StandardCharsets.US_ASCII));
            co.put("verifiedBy", c.address(4).toChecksumHex());
            co.put("expiresAt", c.uint64(6));
        } else {
            p.putNull("client");
        }
        p.put("verified", head.call(SystemAddresses.REGISTRY, "(bool)", "isVerified(address)", a).map(t -> t.bool(0))
                .orElse(false));
        p.put("blocked", head.call(SystemAddresses.REGISTRY, "(bool)", "isBlocked(address)", a).map(t -> t.bool(0))
                .orElse(false));
        List<Object> board = head.call(SystemAddresses.REGISTRY, "(address[])", "boardMembers()").map(t -> t.list(0))
                .orElse(List.of());
        p.put("boardMember", board.contains(a));
        return p;
    }

    public ObjectNode transactionsOf(Address a, Optional<String> cursor, int limit) {
        return Json.page(reader.transactionsOf(a, cursor, limit), Json::tx);
    }

    /** An address's token transfers, each with its token's symbol and decimals (read once per token). */
    public ObjectNode transfersOf(Address a, Optional<String> cursor, int limit) {
        HeadState head = head();
        java.util.Map<Address, ObjectNode> tokens = new java.util.HashMap<>();
        return Json.page(reader.transfersOf(a, cursor, limit), t -> {
            ObjectNode o = Json.transfer(t);
            ObjectNode token = tokens.computeIfAbsent(t.token(), x -> Json.object().put("symbol", symbol(head, x))
                    .put("decimals", decimals(head, x)));
            o.setAll(token);
            return o;
        });
    }

    public ObjectNode eventsOf(Address a, Optional<String> cursor, int limit) {
        return Json.page(reader.eventsOf(a, cursor, limit), Json::event);
    }

    /** The tokens {@code holder} holds, with each token's symbol and decimals. */
    public ObjectNode holdings(Address holder, Optional<String> cursor, int limit) {
        HeadState head = head();
        return Json.page(reader.holdings(holder, cursor, limit), b -> {
            ObjectNode o = Json.object();
            o.put("token", b.token().toChecksumHex());
            o.put("symbol", symbol(head, b.token()));
            o.put("decimals", decimals(head, b.token()));
            o.put("balance", b.amount().toString());
            return o;
        });
    }

    public ObjectNode tokens(Optional<String> cursor, int limit) {
        HeadState head = head();
        return Json.page(reader.tokens(cursor, limit), t -> tokenSummary(head, t));
    }

    private ObjectNode tokenSummary(HeadState head, Address t) {
        ObjectNode o = Json.object();
        o.put("address", t.toChecksumHex());
        o.put("name", head.call(t, "(string)", "name()").map(x -> x.string(0)).orElse(""));
        o.put("symbol", symbol(head, t));
        o.put("decimals", decimals(head, t));
        o.put("totalSupply", head.call(t, "(uint256)", "totalSupply()").map(x -> x.uint256(0).toString()).orElse(""));
        o.put("holders", reader.holderCount(t));
        return o;
    }

    /** A token: its ERC-20 metadata, and for a park token its cap, issuer, kind and frozen accounts; empty if unknown. */
    public Optional<ObjectNode> token(Address t) {
        if (!reader.isToken(t)) {
            return Optional.empty();
        }
        HeadState head = head();
        ObjectNode o = tokenSummary(head, t);
        Address issuer = head.call(SystemAddresses.TOKEN_FACTORY, "(address)", "issuerOf(address)", t)
                .map(x -> x.address(0)).orElse(Address.ZERO);
        o.put("parkToken", !issuer.equals(Address.ZERO));
        if (!issuer.equals(Address.ZERO)) {
            o.put("issuer", issuer.toChecksumHex());
            o.put("issuerName", parkStatus(head, issuer).path("residentName").asText(""));
            o.put("cap", head.call(t, "(uint256)", "cap()").map(x -> x.uint256(0).toString()).orElse(""));
            long kind = head.call(t, "(uint8)", "kind()").map(x -> x.uint64(0)).orElse(0L);
            o.put("kind", name(List.of("Cryptocurrency", "Utility", "Asset"), kind));
            o.put("whitePaperHash", head.call(t, "(bytes32)", "whitePaperHash()").map(x -> x.bytes32(0).toHex()).orElse(""));
            ArrayNode frozen = o.putArray("frozen");
            // Court orders are rare: the token's Frozen events are few, and each is confirmed against the head.
            java.util.Set<Address> seen = new java.util.LinkedHashSet<>();
            for (ParkEvent e : reader.events("Frozen", Optional.empty(), 1000).items()) {
                Address account = Address.fromWord(e.topics().get(1).toArray());
                if (e.contract().equals(t) && seen.add(account) && head.call(t, "(bool)", "isFrozen(address)", account)
                        .map(x -> x.bool(0)).orElse(false)) {
                    frozen.add(account.toChecksumHex());
                }
            }
        }
        return Optional.of(o);
    }

    public ObjectNode holders(Address token, Optional<String> cursor, int limit) {
        return Json.page(reader.holders(token, cursor, limit), b -> {
            ObjectNode o = Json.object();
            o.put("holder", b.holder().toChecksumHex());
            o.put("balance", b.amount().toString());
            return o;
        });
    }

    public ObjectNode transfersOfToken(Address token, Optional<String> cursor, int limit) {
        return Json.page(reader.transfersOfToken(token, cursor, limit), Json::transfer);
    }

    /**
     * Where {@code query} leads: a transaction or block hash, an address, a block number, a token symbol or a
     * resident's name (case-insensitive, part of the name). Each result has a {@code path} of the page showing it.
     */
    public ObjectNode search(String query) {
        String q = query.trim();
        if (q.isEmpty() || q.length() > 100) {
            throw new IllegalArgumentException("q: give 1 to 100 characters (an address, hash, block number, token symbol or resident name)");
        }
        ObjectNode o = Json.object();
        o.put("query", q);
        ArrayNode results = o.putArray("results");
        if (q.matches("0x[0-9a-fA-F]{64}")) {
            Hash h = Hash.fromHex(q);
            if (chain.transaction(h).isPresent()) {
                results.addObject().put("kind", "transaction").put("label", h.toHex()).put("path", "/tx/" + h.toHex());
            } else if (chain.header(h).isPresent()) {
                results.addObject().put("kind", "block").put("label", "block " + chain.header(h).get().number())
                        .put("path", "/block/" + h.toHex());
            }
        } else if (q.matches("0x[0-9a-fA-F]{40}")) {
            Address a = Params.address(q);
            boolean token = reader.isToken(a);
            results.addObject().put("kind", token ? "token" : "address").put("label", a.toChecksumHex())
                    .put("path", (token ? "/token/" : "/address/") + a.toChecksumHex());
        } else if (q.matches("[0-9]{1,18}")) {
            long n = Long.parseLong(q);
            if (chain.header(n).isPresent()) {
                results.addObject().put("kind", "block").put("label", "block " + n).put("path", "/block/" + n);
            }
        } else {
            HeadState head = head();
            String needle = q.toLowerCase(Locale.ROOT);
            for (Object t : head.call(SystemAddresses.TOKEN_FACTORY, "(address[])", "tokens()").map(x -> x.list(0))
                    .orElse(List.of())) {
                Address token = (Address) t;
                String symbol = symbol(head, token);
                if (symbol.equalsIgnoreCase(q)) {
                    results.addObject().put("kind", "token").put("label", symbol + " " + token.toChecksumHex())
                            .put("path", "/token/" + token.toChecksumHex());
                }
            }
            for (Object r : head.call(SystemAddresses.REGISTRY, "(address[])", "residents()").map(x -> x.list(0))
                    .orElse(List.of())) {
                Address resident = (Address) r;
                String name = head.call(SystemAddresses.REGISTRY, RESIDENT, "getResident(address)", resident)
                        .map(x -> x.tuple(0).string(2)).orElse("");
                if (name.toLowerCase(Locale.ROOT).contains(needle)) {
                    results.addObject().put("kind", "resident").put("label", name)
                            .put("path", "/park/resident/" + resident.toChecksumHex());
                }
            }
        }
        return o;
    }

    static String symbol(HeadState head, Address token) {
        return head.call(token, "(string)", "symbol()").map(x -> x.string(0)).orElse("");
    }

    static int decimals(HeadState head, Address token) {
        return (int) head.call(token, "(uint8)", "decimals()").map(x -> x.uint64(0)).orElse(0L).longValue();
    }

    static String name(List<String> names, long ordinal) {
        return ordinal >= 0 && ordinal < names.size() ? names.get((int) ordinal) : "unknown(" + ordinal + ")";
    }

    static List<String> roles(UInt256 bits) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ParkAbiCatalog.ROLES.size(); i++) {
            if (bits.testBit(i)) {
                out.add(ParkAbiCatalog.ROLES.get(i));
            }
        }
        return out;
    }
}
