package org.parkchain.primitives.abi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An ABI type, parsed from and printed as its canonical string (the form function selectors and event topics hash):
 * {@code uint8…uint256}, {@code int8…int256}, {@code address}, {@code bool}, {@code bytes1…bytes32}, {@code bytes},
 * {@code string}, {@code T[k]}, {@code T[]} and tuples {@code (T1,T2,…)}.
 *
 * <p>A type is <em>dynamic</em> when its encoding has no fixed size ({@code bytes}, {@code string}, {@code T[]}, and
 * arrays and tuples containing a dynamic type); in a tuple's head a dynamic value is a 32-byte offset to its tail.
 */
public sealed interface AbiType
        permits AbiType.UInt, AbiType.Int, AbiType.AddressType, AbiType.Bool, AbiType.FixedBytes, AbiType.Bytes,
                AbiType.Str, AbiType.FixedArray, AbiType.DynamicArray, AbiType.TupleType {
    /** The head words of a static type never exceed this; larger types are refused when parsed. */
    long MAX_STATIC_SIZE = Integer.MAX_VALUE;

    /** The canonical string, e.g. {@code uint256[2]} or {@code (address,bytes)}. */
    String canonical();

    boolean isDynamic();

    /** Bytes this type takes in a head: its whole encoding if static, one 32-byte offset if dynamic. */
    long headSize();

    /**
     * Parses a canonical type string.
     *
     * @throws InvalidAbiTypeException when it is not one (aliases such as {@code uint} are refused: they would hash to
     *     a different selector than the canonical {@code uint256})
     */
    static AbiType parse(String canonical) {
        return TypeParser.parseType(canonical);
    }

    /**
     * Array elements take at least one word: an array of empty tuples would let a few bytes of input declare 2^64
     * elements that occupy no space.
     */
    private static void requireSized(AbiType element) {
        if (element.headSize() == 0) {
            throw new InvalidAbiTypeException(element.canonical() + " has no size and cannot be an array element");
        }
    }

    record UInt(int bits) implements AbiType {
        public static final UInt UINT256 = new UInt(256);
        public static final UInt UINT8 = new UInt(8);

        public UInt {
            if (bits < 8 || bits > 256 || bits % 8 != 0) {
                throw new InvalidAbiTypeException("uint" + bits + ": the size is a multiple of 8 in 8..256");
            }
        }

        @Override
        public String canonical() {
            return "uint" + bits;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    record Int(int bits) implements AbiType {
        public Int {
            if (bits < 8 || bits > 256 || bits % 8 != 0) {
                throw new InvalidAbiTypeException("int" + bits + ": the size is a multiple of 8 in 8..256");
            }
        }

        @Override
        public String canonical() {
            return "int" + bits;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    record AddressType() implements AbiType {
        public static final AddressType INSTANCE = new AddressType();

        @Override
        public String canonical() {
            return "address";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    record Bool() implements AbiType {
        public static final Bool INSTANCE = new Bool();

        @Override
        public String canonical() {
            return "bool";
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    /** {@code bytesN}: N bytes left-aligned in one word. */
    record FixedBytes(int length) implements AbiType {
        public static final FixedBytes BYTES32 = new FixedBytes(32);

        public FixedBytes {
            if (length < 1 || length > 32) {
                throw new InvalidAbiTypeException("bytes" + length + ": the size is in 1..32");
            }
        }

        @Override
        public String canonical() {
            return "bytes" + length;
        }

        @Override
        public boolean isDynamic() {
            return false;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    record Bytes() implements AbiType {
        public static final Bytes INSTANCE = new Bytes();

        @Override
        public String canonical() {
            return "bytes";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    /** {@code string}: UTF-8 bytes encoded like {@code bytes}. */
    record Str() implements AbiType {
        public static final Str INSTANCE = new Str();

        @Override
        public String canonical() {
            return "string";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    /** {@code T[k]}, k ≥ 1: k values of T, inline when T is static. */
    record FixedArray(AbiType element, int length) implements AbiType {
        public FixedArray {
            requireSized(element);
            if (length < 1) {
                throw new InvalidAbiTypeException(element.canonical() + "[" + length + "]: a fixed array has at least one element");
            }
            if (!element.isDynamic() && element.headSize() * length > MAX_STATIC_SIZE) {
                throw new InvalidAbiTypeException(element.canonical() + "[" + length + "] is too large to encode");
            }
        }

        @Override
        public String canonical() {
            return element.canonical() + "[" + length + "]";
        }

        @Override
        public boolean isDynamic() {
            return element.isDynamic();
        }

        @Override
        public long headSize() {
            return isDynamic() ? 32 : element.headSize() * length;
        }
    }

    /** {@code T[]}: a length word, then the elements encoded as a tuple of that many T. */
    record DynamicArray(AbiType element) implements AbiType {
        public DynamicArray {
            requireSized(element);
        }

        @Override
        public String canonical() {
            return element.canonical() + "[]";
        }

        @Override
        public boolean isDynamic() {
            return true;
        }

        @Override
        public long headSize() {
            return 32;
        }
    }

    /** {@code (T1,…,Tn)}: a function's arguments, a struct, an event's data. */
    record TupleType(List<AbiType> components) implements AbiType {
        public static final TupleType EMPTY = new TupleType(List.of());

        public TupleType {
            components = List.copyOf(components);
            long size = 0;
            for (AbiType t : components) {
                size += t.headSize();
            }
            if (size > MAX_STATIC_SIZE) {
                throw new InvalidAbiTypeException("tuple of " + components.size() + " components is too large to encode");
            }
        }

        public static TupleType of(AbiType... components) {
            return new TupleType(List.of(components));
        }

        /** Parses {@code (T1,…,Tn)}. */
        public static TupleType parse(String canonical) {
            if (TypeParser.parseType(canonical) instanceof TupleType t) {
                return t;
            }
            throw new InvalidAbiTypeException("\"" + canonical + "\" is not a tuple type such as (uint256,address)");
        }

        public int size() {
            return components.size();
        }

        public AbiType get(int index) {
            return components.get(index);
        }

        @Override
        public String canonical() {
            return components.stream().map(AbiType::canonical).collect(Collectors.joining(",", "(", ")"));
        }

        @Override
        public boolean isDynamic() {
            return components.stream().anyMatch(AbiType::isDynamic);
        }

        @Override
        public long headSize() {
            if (isDynamic()) {
                return 32;
            }
            long size = 0;
            for (AbiType t : components) {
                size += t.headSize();
            }
            return size;
        }

        /** The standard encoding of {@code values} (one per component). */
        public byte[] encode(List<?> values) {
            return AbiCodec.encode(Tuple.of(this, values));
        }

        public byte[] encode(Object... values) {
            return encode(java.util.Arrays.asList(values));
        }

        /**
         * Decodes {@code data} strictly, as Solidity's decoder does: every head present, offsets and lengths inside
         * the data, no dirty bits in addresses, booleans, integers and fixed bytes; strings must be UTF-8.
         * Bytes after the last value are ignored, as Solidity ignores them.
         *
         * @throws AbiDecodingException naming the first argument that does not decode
         */
        public Tuple decode(byte[] data) {
            return AbiCodec.decode(this, data, 0, "data");
        }

        @Override
        public String toString() {
            return canonical();
        }
    }
}
