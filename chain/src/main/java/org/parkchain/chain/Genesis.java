package org.parkchain.chain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.wallet.HdWallet;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;
import org.parkchain.state.WriteBatch;

/**
 * Block 0 and the state it starts with: chain id, gas limit, initial EIP-1559 base fee, timestamp, and the
 * allocated accounts; plus {@link StateInitializer}s for state the file does not describe (the park's system
 * contracts). The JSON format is documented in {@code docs/genesis.md}; {@link #parse} validates every field and
 * names the first one that is wrong. {@link #dev()} is the built-in {@code --dev} genesis.
 *
 * @param extraData at most 32 bytes
 * @param mixHash the genesis header's mix hash (PREVRANDAO), zero unless the file sets it
 * @param forks which fork rules each block (Osaka from genesis unless the file schedules otherwise)
 * @param initializers run in order after the allocations; not part of the file
 */
public record Genesis(
        long chainId,
        long gasLimit,
        UInt256 baseFeePerGas,
        long timestamp,
        byte[] extraData,
        Address coinbase,
        Hash mixHash,
        ForkSchedule forks,
        Map<Address, GenesisAccount> alloc,
        List<StateInitializer> initializers) {

    /** {@code --dev}: chain id 31337, the local-node convention of Hardhat and Anvil (375 is registered to a public network). */
    public static final long DEV_CHAIN_ID = 31337;
    /** {@code --dev}: 60 million gas per block, room for about 1,500 ERC-20 transfers. */
    public static final long DEV_GAS_LIMIT = 60_000_000;
    /** {@code --dev}: an initial base fee of 1 gwei, as geth's and Hardhat's dev chains start. */
    public static final UInt256 DEV_BASE_FEE = UInt256.of(1_000_000_000L);
    /** New chains run Osaka from their first block: Prague and Osaka both active at timestamp 0. */
    public static final ForkSchedule DEFAULT_FORKS = ForkSchedule.of(java.util.Optional.of(0L), java.util.Optional.of(0L));
    /** {@code --dev}: each dev account holds 10,000 coins of 10^18 wei. */
    public static final UInt256 DEV_BALANCE = UInt256.of(BigInteger.TEN.pow(22));

    /** The standard test mnemonic Hardhat and Anvil use; {@code --dev} funds its first ten accounts. */
    public static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    /** How many dev accounts {@code --dev} funds. */
    public static final int DEV_ACCOUNT_COUNT = 10;

    /**
     * The keys of the first ten accounts of {@link #DEV_MNEMONIC} (m/44'/60'/0'/0/i), derived once. Account 0 is the
     * dev chain's only board member, account 9 its treasury; the node signs {@code eth_sendTransaction} with them.
     */
    public static List<PrivateKey> devKeys() {
        return DevKeys.KEYS;
    }

    /** The addresses of {@link #devKeys()}. */
    public static List<Address> devAccounts() {
        return DevKeys.KEYS.stream().map(PrivateKey::address).toList();
    }

    /** Holder idiom: the derivation (PBKDF2 and ten BIP-32 steps) runs on first use, not when Genesis is loaded. */
    private static final class DevKeys {
        static final List<PrivateKey> KEYS = HdWallet.fromPhrase(DEV_MNEMONIC).accounts(DEV_ACCOUNT_COUNT);
    }

    /** An allocated account. */
    public record GenesisAccount(UInt256 balance, long nonce, byte[] code, Map<UInt256, UInt256> storage) {
        public GenesisAccount {
            code = code.clone();
            storage = Collections.unmodifiableMap(new LinkedHashMap<>(storage));
            if (nonce < 0) {
                throw new GenesisException("nonce must be below 2^63, got " + Long.toUnsignedString(nonce));
            }
        }

        /** An account holding {@code balance} and nothing else. */
        public static GenesisAccount funded(UInt256 balance) {
            return new GenesisAccount(balance, 0, new byte[0], Map.of());
        }

        @Override
        public byte[] code() {
            return code.clone();
        }
    }

    public Genesis {
        extraData = extraData.clone();
        alloc = Collections.unmodifiableMap(new LinkedHashMap<>(alloc));
        initializers = List.copyOf(initializers);
        if (chainId <= 0) {
            throw new GenesisException("chainId must be positive, got " + chainId);
        }
        if (gasLimit < FeeMarket.MIN_GAS_LIMIT) {
            throw new GenesisException("gasLimit must be at least " + FeeMarket.MIN_GAS_LIMIT + ", got " + gasLimit);
        }
        if (timestamp < 0) {
            throw new GenesisException("timestamp must be non-negative, got " + timestamp);
        }
        if (extraData.length > BlockHeader.MAX_EXTRA_DATA) {
            throw new GenesisException("extraData is " + extraData.length + " bytes, at most " + BlockHeader.MAX_EXTRA_DATA);
        }
    }

    @Override
    public byte[] extraData() {
        return extraData.clone();
    }

    /** The built-in {@code --dev} genesis: chain id 31337 and the ten dev accounts with 10,000 coins each. */
    public static Genesis dev() {
        Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
        for (Address a : devAccounts()) {
            alloc.put(a, GenesisAccount.funded(DEV_BALANCE));
        }
        return new Genesis(DEV_CHAIN_ID, DEV_GAS_LIMIT, DEV_BASE_FEE, 0, new byte[0], Address.ZERO, Hash.ZERO, DEFAULT_FORKS,
                alloc, List.of());
    }

    /** This genesis with {@code initializer} run after the allocations (and after earlier initializers). */
    public Genesis withState(StateInitializer initializer) {
        List<StateInitializer> all = new ArrayList<>(initializers);
        all.add(initializer);
        return new Genesis(chainId, gasLimit, baseFeePerGas, timestamp, extraData, coinbase, mixHash, forks, alloc, all);
    }

    /** This genesis with the given accounts allocated too (replacing an allocation of the same address). */
    public Genesis withAlloc(Map<Address, GenesisAccount> accounts) {
        Map<Address, GenesisAccount> all = new LinkedHashMap<>(alloc);
        all.putAll(accounts);
        return new Genesis(chainId, gasLimit, baseFeePerGas, timestamp, extraData, coinbase, mixHash, forks, all, initializers);
    }

    /** This genesis under another fork schedule. */
    public Genesis withForks(ForkSchedule schedule) {
        return new Genesis(chainId, gasLimit, baseFeePerGas, timestamp, extraData, coinbase, mixHash, schedule, alloc, initializers);
    }

    /** The chain id as the EVM and the transaction processor take it. */
    public UInt256 chainIdWord() {
        return UInt256.of(chainId);
    }

    // --- the genesis block ----------------------------------------------------------------------------------

    /** The genesis state: its root, and the trie nodes and code to store. */
    public record State(Hash root, WriteBatch nodes) {}

    /** Builds the genesis state: the allocations, then the initializers, committed into a fresh batch. */
    public State buildState() {
        WorldState world = new WorldState(new InMemoryNodeStore());
        if (forks.forkAt(timestamp).historyStorage() && !alloc.containsKey(HistoryStorage.ADDRESS)) {
            // EIP-2935's contract, deployed as on Ethereum (nonce 1); a chain that reaches Prague later gets it then.
            world.allocate(HistoryStorage.ADDRESS, 1, UInt256.ZERO, HistoryStorage.CODE, Map.of());
        }
        for (Map.Entry<Address, GenesisAccount> e : alloc.entrySet()) {
            GenesisAccount a = e.getValue();
            world.allocate(e.getKey(), a.nonce(), a.balance(), a.code(), a.storage());
        }
        for (StateInitializer initializer : initializers) {
            initializer.install(world);
        }
        world.endTransaction();
        WriteBatch batch = new WriteBatch();
        Hash root = world.commit(batch);
        return new State(root, batch);
    }

    /** The genesis header over a state with root {@code stateRoot}. */
    public BlockHeader header(Hash stateRoot) {
        return new BlockHeader(Hash.ZERO, BlockHeader.EMPTY_OMMERS_HASH, coinbase, stateRoot, Hash.EMPTY_TRIE_ROOT,
                Hash.EMPTY_TRIE_ROOT, Bloom.EMPTY, UInt256.ZERO, 0, gasLimit, 0, timestamp, extraData, mixHash, 0,
                baseFeePerGas, Hash.EMPTY_TRIE_ROOT, 0, 0, Hash.ZERO, BlockExecutor.requestsHash(forks.forkAt(timestamp)));
    }

    // --- the JSON file --------------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Set<String> TOP_FIELDS =
            Set.of("chainId", "gasLimit", "baseFeePerGas", "timestamp", "extraData", "coinbase", "mixHash", "alloc",
                    "pragueTime", "osakaTime");
    private static final Set<String> ACCOUNT_FIELDS = Set.of("balance", "nonce", "code", "storage");
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    /** Reads and validates a genesis file (see {@code docs/genesis.md}). */
    public static Genesis load(Path file) {
        return load(file, Genesis::parse);
    }

    /**
     * Reads a genesis file and hands its text to {@code parser} (a genesis format that extends this one, such as the
     * park's with its {@code "park"} member); a read or parse error names the file.
     */
    public static Genesis load(Path file, java.util.function.Function<String, Genesis> parser) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GenesisException("cannot read genesis file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parser.apply(text);
        } catch (GenesisException e) {
            throw new GenesisException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates genesis JSON; the exception names the first bad field. */
    public static Genesis parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new GenesisException("genesis is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
        if (root == null || !root.isObject()) {
            throw new GenesisException("genesis must be a JSON object");
        }
        requireKnownFields(root, TOP_FIELDS, "genesis");
        long chainId = toLong(required(root, "chainId"), "chainId");
        long gasLimit = toLong(required(root, "gasLimit"), "gasLimit");
        UInt256 baseFee = toUInt256(required(root, "baseFeePerGas"), "baseFeePerGas");
        long timestamp = root.has("timestamp") ? toLong(root.get("timestamp"), "timestamp") : 0;
        byte[] extraData = root.has("extraData") ? toBytes(root.get("extraData"), "extraData") : new byte[0];
        Address coinbase = root.has("coinbase") ? toAddress(root.get("coinbase"), "coinbase") : Address.ZERO;
        Hash mixHash = root.has("mixHash") ? toHash(root.get("mixHash"), "mixHash") : Hash.ZERO;
        ForkSchedule forks = forks(root);
        Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
        if (root.has("alloc")) {
            JsonNode allocNode = root.get("alloc");
            if (!allocNode.isObject()) {
                throw new GenesisException("alloc must be an object of address to account");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = allocNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "alloc." + e.getKey();
                Address address = parseAddress(e.getKey(), path);
                if (alloc.containsKey(address)) {
                    throw new GenesisException(path + ": address allocated twice (spelt differently)");
                }
                alloc.put(address, parseAccount(e.getValue(), path));
            }
        }
        return new Genesis(chainId, gasLimit, baseFee, timestamp, extraData, coinbase, mixHash, forks, alloc, List.of());
    }

    /**
     * The schedule: without {@code pragueTime} and {@code osakaTime} a new chain runs Osaka from genesis; once either is
     * written, a fork whose time is absent or {@code null} never activates (geth's reading), so a chain can stay on
     * Cancun ({@code "pragueTime": null}) or upgrade at an agreed block time.
     */
    private static ForkSchedule forks(JsonNode root) {
        if (!root.has("pragueTime") && !root.has("osakaTime")) {
            return DEFAULT_FORKS;
        }
        java.util.Optional<Long> prague = optionalTime(root, "pragueTime");
        java.util.Optional<Long> osaka = optionalTime(root, "osakaTime");
        if (osaka.isPresent() && prague.isEmpty()) {
            throw new GenesisException("osakaTime needs pragueTime: Osaka builds on Prague");
        }
        if (osaka.isPresent() && osaka.get() < prague.get()) {
            throw new GenesisException("osakaTime " + osaka.get() + " is before pragueTime " + prague.get());
        }
        return ForkSchedule.of(prague, osaka);
    }

    private static java.util.Optional<Long> optionalTime(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? java.util.Optional.empty() : java.util.Optional.of(toLong(n, field));
    }

    private static GenesisAccount parseAccount(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new GenesisException(path + " must be an object with balance, nonce, code, storage");
        }
        requireKnownFields(node, ACCOUNT_FIELDS, path);
        UInt256 balance = node.has("balance") ? toUInt256(node.get("balance"), path + ".balance") : UInt256.ZERO;
        long nonce = node.has("nonce") ? toLong(node.get("nonce"), path + ".nonce") : 0;
        byte[] code = node.has("code") ? toBytes(node.get("code"), path + ".code") : new byte[0];
        Map<UInt256, UInt256> storage = new LinkedHashMap<>();
        if (node.has("storage")) {
            JsonNode s = node.get("storage");
            if (!s.isObject()) {
                throw new GenesisException(path + ".storage must be an object of slot to value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String slotPath = path + ".storage." + e.getKey();
                UInt256 key = word(e.getKey(), slotPath + " (slot)");
                if (storage.containsKey(key)) {
                    throw new GenesisException(slotPath + ": slot given twice (spelt differently)");
                }
                if (!e.getValue().isTextual()) {
                    throw new GenesisException(slotPath + " must be a hex string of at most 32 bytes");
                }
                storage.put(key, word(e.getValue().asText(), slotPath));
            }
        }
        return new GenesisAccount(balance, nonce, code, storage);
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new GenesisException(field + " is required");
        }
        return n;
    }

    private static void requireKnownFields(JsonNode node, Set<String> known, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new GenesisException(path + ": unknown field '" + name + "' (expected one of " + known.stream().sorted().toList() + ")");
            }
        }
    }

    /** A quantity: a non-negative JSON integer, a decimal string, or a 0x-prefixed hex string. */
    private static BigInteger quantity(JsonNode n, String path) {
        BigInteger v;
        if (n.isIntegralNumber()) {
            v = n.bigIntegerValue();
        } else if (n.isTextual()) {
            String s = n.asText();
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    if (s.length() == 2 || !s.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                        throw new NumberFormatException();
                    }
                    v = new BigInteger(s.substring(2), 16);
                } else {
                    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        throw new NumberFormatException();
                    }
                    v = new BigInteger(s);
                }
            } catch (NumberFormatException e) {
                throw new GenesisException(path + ": '" + s + "' is not a number (decimal, or hex with 0x)");
            }
        } else {
            throw new GenesisException(path + " must be a non-negative integer or a numeric string, got " + n.getNodeType());
        }
        if (v.signum() < 0) {
            throw new GenesisException(path + " must be non-negative, got " + v);
        }
        return v;
    }

    private static long toLong(JsonNode n, String path) {
        BigInteger v = quantity(n, path);
        if (v.compareTo(MAX_LONG) > 0) {
            throw new GenesisException(path + " must be below 2^63, got " + v);
        }
        return v.longValueExact();
    }

    private static UInt256 toUInt256(JsonNode n, String path) {
        BigInteger v = quantity(n, path);
        if (v.compareTo(MAX_UINT256) > 0) {
            throw new GenesisException(path + " must be below 2^256, got " + v);
        }
        return UInt256.of(v);
    }

    private static byte[] toBytes(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new GenesisException(path + " must be a 0x-prefixed hex string");
        }
        return hex(n.asText(), path);
    }

    private static byte[] hex(String s, String path) {
        if (!s.startsWith("0x")) {
            throw new GenesisException(path + ": '" + abbreviate(s) + "' must start with 0x");
        }
        try {
            return Hex.decode(s);
        } catch (IllegalArgumentException e) {
            throw new GenesisException(path + ": '" + abbreviate(s) + "' is not hex: " + e.getMessage());
        }
    }

    private static Address toAddress(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new GenesisException(path + " must be a 0x-prefixed 20-byte hex address");
        }
        return parseAddress(n.asText(), path);
    }

    private static Address parseAddress(String s, String path) {
        byte[] b = hex(s, path);
        if (b.length != Address.SIZE) {
            throw new GenesisException(path + ": an address is 20 bytes, got " + b.length);
        }
        return Address.of(b);
    }

    private static Hash toHash(JsonNode n, String path) {
        byte[] b = toBytes(n, path);
        if (b.length != Hash.SIZE) {
            throw new GenesisException(path + ": a hash is 32 bytes, got " + b.length);
        }
        return Hash.wrap(b);
    }

    /** A storage slot or value: hex of at most 32 bytes, read as a big-endian number (geth pads short ones). */
    private static UInt256 word(String s, String path) {
        byte[] b = hex(s.length() % 2 == 1 && s.startsWith("0x") ? "0x0" + s.substring(2) : s, path);
        if (b.length > 32) {
            throw new GenesisException(path + ": at most 32 bytes, got " + b.length);
        }
        return UInt256.fromBytes(b);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
