package org.parkchain.primitives.abi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.abi.AbiType.TupleType;

/**
 * A (non-anonymous) Solidity event: topic 0 is keccak256 of the canonical signature; each indexed parameter is a
 * further topic, a value type as its 32-byte word and anything else (bytes, string, arrays, structs) as keccak256 of
 * its in-place encoding; the other parameters are ABI-encoded in the log's data.
 */
public final class AbiEvent {
    /** A log's topics and data. */
    public record Log(List<Hash> topics, byte[] data) {
        public Log {
            topics = List.copyOf(topics);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Log l && topics.equals(l.topics) && Arrays.equals(data, l.data);
        }

        @Override
        public int hashCode() {
            return topics.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    private final Signature signature;
    private final List<Boolean> indexed;
    private final Hash topic0;

    private AbiEvent(Signature signature, List<Boolean> indexed) {
        long count = indexed.stream().filter(b -> b).count();
        if (count > 3) {
            throw new InvalidAbiTypeException("event " + signature.canonical() + " has " + count
                    + " indexed parameters; at most 3 fit in a log's topics");
        }
        this.signature = signature;
        this.indexed = List.copyOf(indexed);
        this.topic0 = Hash.wrap(signature.keccak());
    }

    /**
     * Parses a signature whose parameters may be marked {@code indexed}:
     * {@code Transfer(address indexed,address indexed,uint256)}. The canonical signature leaves the marks out.
     */
    public static AbiEvent parse(String signature) {
        if (signature == null) {
            throw new InvalidAbiTypeException("event signature is missing");
        }
        int open = signature.indexOf('(');
        if (open < 0 || !signature.endsWith(")")) {
            throw new InvalidAbiTypeException("\"" + signature + "\" is not an event signature such as "
                    + "Transfer(address indexed,address indexed,uint256)");
        }
        List<AbiType> types = new ArrayList<>();
        List<Boolean> indexed = new ArrayList<>();
        String params = signature.substring(open + 1, signature.length() - 1);
        if (!params.isEmpty()) {
            for (String param : splitTopLevel(params)) {
                boolean isIndexed = param.endsWith(" indexed");
                types.add(AbiType.parse(isIndexed ? param.substring(0, param.length() - " indexed".length()) : param));
                indexed.add(isIndexed);
            }
        }
        return new AbiEvent(new Signature(signature.substring(0, open), new TupleType(types)), indexed);
    }

    /** The canonical signature, e.g. {@code Transfer(address,address,uint256)}. */
    public String signature() {
        return signature.canonical();
    }

    /** keccak256 of the canonical signature: the log's first topic. */
    public Hash topic0() {
        return topic0;
    }

    public TupleType parameters() {
        return signature.parameters();
    }

    public boolean isIndexed(int parameter) {
        return indexed.get(parameter);
    }

    /** The log of this event with {@code values} (one per parameter, in order). */
    public Log encode(List<?> values) {
        Tuple all = Tuple.of(parameters(), values);
        List<Hash> topics = new ArrayList<>();
        topics.add(topic0);
        List<AbiType> dataTypes = new ArrayList<>();
        List<Object> dataValues = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AbiType t = parameters().get(i);
            if (indexed.get(i)) {
                topics.add(topic(t, all.get(i)));
            } else {
                dataTypes.add(t);
                dataValues.add(all.get(i));
            }
        }
        return new Log(topics, Tuple.of(new TupleType(dataTypes), dataValues).encode());
    }

    public Log encode(Object... values) {
        return encode(Arrays.asList(values));
    }

    /**
     * The parameters of a log of this event. An indexed parameter that is stored as a hash comes back as that hash
     * (a {@code bytes32} in the result's type): the value itself is not in the log.
     *
     * @throws AbiDecodingException when the log is not this event's or does not decode
     */
    public Tuple decode(Log log) {
        List<Hash> topics = log.topics();
        int expectedTopics = 1 + (int) indexed.stream().filter(b -> b).count();
        if (topics.isEmpty() || !topics.get(0).equals(topic0)) {
            throw new AbiDecodingException("log is not a " + signature() + " event: its first topic is not " + topic0);
        }
        if (topics.size() != expectedTopics) {
            throw new AbiDecodingException("a " + signature() + " log has " + expectedTopics + " topics, this one "
                    + topics.size());
        }
        List<AbiType> dataTypes = new ArrayList<>();
        for (int i = 0; i < parameters().size(); i++) {
            if (!indexed.get(i)) {
                dataTypes.add(parameters().get(i));
            }
        }
        Tuple data = new TupleType(dataTypes).decode(log.data());
        List<AbiType> types = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        int topic = 1;
        int datum = 0;
        for (int i = 0; i < parameters().size(); i++) {
            AbiType t = parameters().get(i);
            if (!indexed.get(i)) {
                types.add(t);
                values.add(data.get(datum++));
            } else if (isWord(t)) {
                types.add(t);
                values.add(TupleType.of(t).decode(topics.get(topic++).toArray()).get(0));
            } else {
                types.add(AbiType.FixedBytes.BYTES32);
                values.add(topics.get(topic++).toArray());
            }
        }
        return new Tuple(new TupleType(types), List.copyOf(values));
    }

    @Override
    public String toString() {
        return signature();
    }

    /** Value types go into a topic as their word; everything else as a hash. */
    private static boolean isWord(AbiType t) {
        return t instanceof AbiType.UInt || t instanceof AbiType.Int || t instanceof AbiType.AddressType
                || t instanceof AbiType.Bool || t instanceof AbiType.FixedBytes;
    }

    private static Hash topic(AbiType t, Object canonicalValue) {
        if (isWord(t)) {
            return Hash.wrap(TupleType.of(t).encode(canonicalValue));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (t instanceof AbiType.Bytes) {
            out.writeBytes((byte[]) canonicalValue); // top-level bytes and string: raw, unpadded
        } else if (t instanceof AbiType.Str) {
            out.writeBytes(((String) canonicalValue).getBytes(StandardCharsets.UTF_8));
        } else {
            inPlace(t, canonicalValue, out);
        }
        return Keccak.hash(out.toByteArray());
    }

    /**
     * Solidity's in-place encoding of indexed parameters: value types as words, bytes and strings padded to whole
     * words without a length, arrays and structs as the concatenation of their elements' encodings.
     */
    private static void inPlace(AbiType t, Object value, ByteArrayOutputStream out) {
        switch (t) {
            case AbiType.Bytes b -> padded((byte[]) value, out);
            case AbiType.Str s -> padded(((String) value).getBytes(StandardCharsets.UTF_8), out);
            case AbiType.FixedArray a -> ((List<?>) value).forEach(e -> inPlace(a.element(), e, out));
            case AbiType.DynamicArray a -> ((List<?>) value).forEach(e -> inPlace(a.element(), e, out));
            case TupleType tuple -> {
                List<Object> members = ((Tuple) value).values();
                for (int i = 0; i < members.size(); i++) {
                    inPlace(tuple.get(i), members.get(i), out);
                }
            }
            default -> out.writeBytes(TupleType.of(t).encode(value));
        }
    }

    private static void padded(byte[] bytes, ByteArrayOutputStream out) {
        out.writeBytes(bytes);
        out.writeBytes(new byte[(32 - bytes.length % 32) % 32]);
    }

    /** Splits at commas outside parentheses. */
    private static List<String> splitTopLevel(String params) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(params.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(params.substring(from));
        return parts;
    }
}
