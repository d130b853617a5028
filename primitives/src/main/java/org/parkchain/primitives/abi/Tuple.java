package org.parkchain.primitives.abi;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiType.TupleType;

/**
 * Values of a {@link TupleType}, each in its canonical Java form: {@code uintN} → {@link UInt256}, {@code intN} →
 * {@link BigInteger}, {@code address} → {@link Address}, {@code bool} → {@link Boolean}, {@code bytesN} and
 * {@code bytes} → {@code byte[]}, {@code string} → {@link String}, arrays → {@link List}, tuples → {@link Tuple}.
 *
 * <p>{@link #of} also accepts the obvious neighbours (a {@code long} or {@link BigInteger} for an integer, a
 * {@link Hash} for {@code bytes32}, a {@link List} for a nested tuple) and checks every value against its type, so
 * a Tuple always encodes. Decoding yields Tuples too; the typed getters read them.
 */
public final class Tuple {
    private final TupleType type;
    private final List<Object> values;

    /** Values already in canonical form (the decoder's output). */
    Tuple(TupleType type, List<Object> values) {
        this.type = type;
        this.values = values;
    }

    /**
     * @throws AbiEncodingException when the number of values differs from the type's components or a value does not
     *     fit its type; the message names it ({@code argument 1 (address) must be an Address, got String})
     */
    public static Tuple of(TupleType type, List<?> values) {
        return of(type, values, null);
    }

    public static Tuple of(TupleType type, Object... values) {
        return of(type, Arrays.asList(values), null);
    }

    private static Tuple of(TupleType type, List<?> values, Path path) {
        if (values.size() != type.size()) {
            throw new AbiEncodingException((path == null ? "" : path + ": ") + "expected " + type.size()
                    + " values for " + type.canonical() + ", got " + values.size());
        }
        List<Object> canonical = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            canonical.add(canonical(type.get(i), values.get(i), Path.member(path, i)));
        }
        return new Tuple(type, List.copyOf(canonical));
    }

    public static Builder builder() {
        return new Builder();
    }

    public TupleType type() {
        return type;
    }

    public int size() {
        return values.size();
    }

    /** The canonical values (byte arrays inside are shared: do not modify them). */
    public List<Object> values() {
        return values;
    }

    public Object get(int index) {
        return values.get(index);
    }

    /** The standard ABI encoding. */
    public byte[] encode() {
        return AbiCodec.encode(this);
    }

    /** A {@code uintN} value. */
    public UInt256 uint256(int index) {
        return as(index, UInt256.class, "uintN");
    }

    /** A {@code uintN} value known to fit 64 bits, read as an unsigned long (uint64 values may exceed 2^63). */
    public long uint64(int index) {
        UInt256 v = uint256(index);
        if ((v.u1 | v.u2 | v.u3) != 0) {
            throw new IllegalStateException("component " + index + " (" + type.get(index).canonical() + ") exceeds 64 bits");
        }
        return v.u0;
    }

    /** An {@code intN} value. */
    public BigInteger int256(int index) {
        return as(index, BigInteger.class, "intN");
    }

    public Address address(int index) {
        return as(index, Address.class, "address");
    }

    public boolean bool(int index) {
        return as(index, Boolean.class, "bool");
    }

    /** A {@code bytes} or {@code bytesN} value (a copy). */
    public byte[] bytes(int index) {
        return as(index, byte[].class, "bytes or bytesN").clone();
    }

    /** A {@code bytes32} value. */
    public Hash bytes32(int index) {
        byte[] b = as(index, byte[].class, "bytes32");
        if (b.length != 32) {
            throw new IllegalStateException("component " + index + " is " + type.get(index).canonical() + ", not bytes32");
        }
        return Hash.of(b);
    }

    public String string(int index) {
        return as(index, String.class, "string");
    }

    /** A nested tuple (a struct). */
    public Tuple tuple(int index) {
        return as(index, Tuple.class, "tuple");
    }

    /** An array's elements in canonical form. */
    @SuppressWarnings("unchecked")
    public List<Object> list(int index) {
        return as(index, List.class, "array");
    }

    private <T> T as(int index, Class<T> kind, String expected) {
        Object v = values.get(index);
        if (!kind.isInstance(v)) {
            throw new IllegalStateException(
                    "component " + index + " is " + type.get(index).canonical() + ", not " + expected);
        }
        return kind.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && type.equals(t.type) && deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.canonical(), values.size());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(show(values.get(i)));
        }
        return out.append(')').toString();
    }

    private static String show(Object v) {
        if (v instanceof byte[] b) {
            return Hex.encode(b);
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(show(list.get(i)));
            }
            return out.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static boolean deepEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    // --- checking and converting values to their canonical form ----------------------------------------------------

    private static Object canonical(AbiType type, Object value, Path path) {
        if (value == null) {
            throw mismatch(type, path, "a value", null);
        }
        return switch (type) {
            case AbiType.UInt t -> unsigned(t, value, path);
            case AbiType.Int t -> signed(t, value, path);
            case AbiType.AddressType t -> {
                if (value instanceof Address a) {
                    yield a;
                }
                throw mismatch(t, path, "an Address", value);
            }
            case AbiType.Bool t -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw mismatch(t, path, "a Boolean", value);
            }
            case AbiType.FixedBytes t -> {
                byte[] b = value instanceof Hash h ? h.toArray() : value instanceof byte[] raw ? raw.clone() : null;
                if (b == null) {
                    throw mismatch(t, path, "a byte[]" + (t.length() == 32 ? " or a Hash" : ""), value);
                }
                if (b.length != t.length()) {
                    throw new AbiEncodingException(path + " (" + t.canonical() + ") must be " + t.length()
                            + " bytes, got " + b.length);
                }
                yield b;
            }
            case AbiType.Bytes t -> {
                if (value instanceof byte[] raw) {
                    yield raw.clone();
                }
                throw mismatch(t, path, "a byte[]", value);
            }
            case AbiType.Str t -> {
                if (value instanceof String s) {
                    requireEncodable(s, path);
                    yield s;
                }
                throw mismatch(t, path, "a String", value);
            }
            case AbiType.FixedArray t -> {
                List<?> list = list(t, value, path);
                if (list.size() != t.length()) {
                    throw new AbiEncodingException(path + " (" + t.canonical() + ") must have " + t.length()
                            + " elements, got " + list.size());
                }
                yield elements(t.element(), list, path);
            }
            case AbiType.DynamicArray t -> elements(t.element(), list(t, value, path), path);
            case TupleType t -> {
                if (value instanceof Tuple tuple) {
                    if (!tuple.type.equals(t)) {
                        throw new AbiEncodingException(path + " must be a " + t.canonical() + ", got a "
                                + tuple.type.canonical());
                    }
                    yield tuple;
                }
                if (value instanceof List<?> list) {
                    yield of(t, list, path);
                }
                throw mismatch(t, path, "a Tuple or a List", value);
            }
        };
    }

    private static UInt256 unsigned(AbiType.UInt t, Object value, Path path) {
        UInt256 v;
        if (value instanceof UInt256 u) {
            v = u;
        } else {
            BigInteger big = integer(t, value, path);
            if (big.signum() < 0 || big.bitLength() > 256) {
                throw outOfRange(t, path, value);
            }
            v = UInt256.of(big);
        }
        if (v.bitLength() > t.bits()) {
            throw outOfRange(t, path, v);
        }
        return v;
    }

    private static BigInteger signed(AbiType.Int t, Object value, Path path) {
        BigInteger v = integer(t, value, path);
        if (v.bitLength() > t.bits() - 1) { // bitLength excludes the sign: -2^(n-1) has bitLength n-1
            throw outOfRange(t, path, v);
        }
        return v;
    }

    private static BigInteger integer(AbiType t, Object value, Path path) {
        return switch (value) {
            case BigInteger b -> b;
            case Long l -> BigInteger.valueOf(l);
            case Integer i -> BigInteger.valueOf(i);
            case Short s -> BigInteger.valueOf(s);
            case Byte b -> BigInteger.valueOf(b);
            default -> throw mismatch(t, path, t instanceof AbiType.UInt
                    ? "a UInt256, BigInteger, Long or Integer" : "a BigInteger, Long or Integer", value);
        };
    }

    private static List<?> list(AbiType t, Object value, Path path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw mismatch(t, path, "a List", value);
    }

    private static List<Object> elements(AbiType element, List<?> list, Path path) {
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(canonical(element, list.get(i), Path.element(path, i)));
        }
        return List.copyOf(out);
    }

    private static void requireEncodable(String s, Path path) {
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
        } catch (CharacterCodingException e) {
            throw new AbiEncodingException(path + " (string) is not valid Unicode: it has an unpaired surrogate");
        }
    }

    /** Strict UTF-8: overlong forms, surrogates and truncated sequences are refused, so decoding loses nothing. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static AbiEncodingException mismatch(AbiType t, Path path, String expected, Object value) {
        return new AbiEncodingException(path + " (" + t.canonical() + ") must be " + expected + ", got "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static AbiEncodingException outOfRange(AbiType t, Path path, Object value) {
        return new AbiEncodingException(path + " (" + t.canonical() + ") is out of range: " + value);
    }

    /** Builds a tuple one typed value at a time: {@code Tuple.builder().address(a).uint256(5).build()}. */
    public static final class Builder {
        private final List<AbiType> types = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        private Builder() {}

        public Builder add(AbiType type, Object value) {
            types.add(type);
            values.add(value);
            return this;
        }

        public Builder uint256(UInt256 value) {
            return add(AbiType.UInt.UINT256, value);
        }

        /** {@code value} read as unsigned 64 bits, like {@link UInt256#of(long)} (a uint64 may exceed 2^63). */
        public Builder uint256(long value) {
            return add(AbiType.UInt.UINT256, UInt256.of(value));
        }

        public Builder address(Address value) {
            return add(AbiType.AddressType.INSTANCE, value);
        }

        public Builder bool(boolean value) {
            return add(AbiType.Bool.INSTANCE, value);
        }

        public Builder bytes32(Hash value) {
            return add(AbiType.FixedBytes.BYTES32, value);
        }

        /** A {@code bytesN} value with N = its length. */
        public Builder fixedBytes(byte[] value) {
            return add(new AbiType.FixedBytes(value.length), value);
        }

        public Builder bytes(byte[] value) {
            return add(AbiType.Bytes.INSTANCE, value);
        }

        public Builder string(String value) {
            return add(AbiType.Str.INSTANCE, value);
        }

        public Builder tuple(Tuple value) {
            return add(value.type(), value);
        }

        public Tuple build() {
            return of(new TupleType(types), values);
        }
    }

    /** Where a value sits, for messages: {@code argument 2}, {@code argument 2[1]}, {@code argument 2.0}. */
    record Path(Path parent, int index, boolean element) {
        static Path member(Path parent, int index) {
            return new Path(parent, index, false);
        }

        static Path element(Path parent, int index) {
            return new Path(parent, index, true);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "argument " + index;
            }
            return parent + (element ? "[" + index + "]" : "." + index);
        }
    }
}
