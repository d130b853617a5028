package org.parkchain.regime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.AbiType.TupleType;
import org.parkchain.primitives.abi.Tuple;

/**
 * Test-side call data and return-data reading over the primitives ABI codec, so a test writes
 * {@code Abi.call("transfer(address,uint256)", bob, 5)} and {@code Abi.uint(output, 0)}.
 */
final class Abi {
    /** A {@code bytes2} country code argument. */
    record Country(String code) {}

    /** A {@code bytes} argument (a {@code string} argument is a Java String). */
    record Bytes(byte[] value) {}

    private static final AbiType WORD = AbiType.parse("bytes32");

    private Abi() {}

    /** Call data for {@code signature}; enums go as their ordinal, the signature gives every other type. */
    static byte[] call(String signature, Object... args) {
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(switch (arg) {
                case Country c -> c.code().getBytes(StandardCharsets.US_ASCII);
                case Bytes b -> b.value();
                case Enum<?> e -> e.ordinal();
                default -> arg;
            });
        }
        return AbiFunction.parse(signature).encodeCall(values);
    }

    static byte[] selector(String signature) {
        return AbiFunction.parse(signature).selector();
    }

    static Hash topic(String eventSignature) {
        return AbiEvent.parse(eventSignature).topic0();
    }

    static Hash hash(String text) {
        return Keccak.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Return data (or event data) decoded as {@code types}, e.g. {@code "(uint256,bool)"}. */
    static Tuple decode(String types, byte[] output) {
        return TupleType.parse(types).decode(output);
    }

    /**
     * Word {@code index} of {@code output} read as {@code type}: the codec decodes {@code (bytes32 × index, type)},
     * so a dynamic type's offset counts from the start of {@code output}, as in a head.
     */
    private static Tuple at(byte[] output, int index, AbiType type) {
        List<AbiType> types = new ArrayList<>(Collections.nCopies(index, WORD));
        types.add(type);
        return new TupleType(types).decode(output);
    }

    static UInt256 uint(byte[] output, int index) {
        return at(output, index, AbiType.UInt.UINT256).uint256(index);
    }

    static Address address(byte[] output, int index) {
        return at(output, index, AbiType.AddressType.INSTANCE).address(index);
    }

    static boolean bool(byte[] output, int index) {
        return at(output, index, AbiType.Bool.INSTANCE).bool(index);
    }

    static String string(byte[] output, int index) {
        return at(output, index, AbiType.Str.INSTANCE).string(index);
    }

    /** A {@code bytesN} at word {@code index}. */
    static byte[] fixedBytes(byte[] output, int index, int n) {
        return at(output, index, new AbiType.FixedBytes(n)).bytes(index);
    }

    static List<Address> addresses(byte[] output) {
        return decode("(address[])", output).list(0).stream().map(Address.class::cast).toList();
    }
}
