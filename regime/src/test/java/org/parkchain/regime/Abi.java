package org.parkchain.regime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.abi.AbiEncoder;
import org.parkchain.regime.abi.Calldata;

/** Test-side call data and return-data reading, so a test writes {@code Abi.call("transfer(address,uint256)", bob, 5)}. */
final class Abi {
    /** A {@code bytes2} country code argument. */
    record Country(String code) {}

    /** A {@code bytes} argument (a {@code string} argument is a Java String). */
    record Bytes(byte[] value) {}

    private Abi() {}

    static byte[] call(String signature, Object... args) {
        AbiEncoder enc = AbiEncoder.tuple();
        for (Object arg : args) {
            switch (arg) {
                case Address a -> enc.address(a);
                case UInt256 v -> enc.uint(v);
                case Long v -> enc.uint(v);
                case Integer v -> enc.uint(v);
                case Boolean b -> enc.bool(b);
                case Hash h -> enc.bytes32(h);
                case String s -> enc.bytes(s.getBytes(StandardCharsets.UTF_8));
                case Bytes b -> enc.bytes(b.value());
                case Country c -> enc.fixedBytes(c.code().getBytes(StandardCharsets.US_ASCII));
                case Enum<?> e -> enc.uint(e.ordinal());
                default -> throw new IllegalArgumentException("no ABI type for " + arg);
            }
        }
        byte[] body = enc.encode();
        byte[] out = new byte[4 + body.length];
        System.arraycopy(selector(signature), 0, out, 0, 4);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    static byte[] selector(String signature) {
        return java.util.Arrays.copyOf(Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    static Hash topic(String eventSignature) {
        return Keccak.hash(eventSignature.getBytes(StandardCharsets.US_ASCII));
    }

    static Hash hash(String text) {
        return Keccak.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads return data as the arguments of a call (the same head/tail layout). */
    static Calldata returned(byte[] output) {
        byte[] withSelector = new byte[4 + output.length];
        System.arraycopy(output, 0, withSelector, 4, output.length);
        return Calldata.ofCall(withSelector);
    }

    static UInt256 uint(byte[] output, int index) {
        return returned(output).uint256(index);
    }

    static Address address(byte[] output, int index) {
        return returned(output).address(index);
    }

    static boolean bool(byte[] output, int index) {
        return returned(output).bool(index);
    }

    static String string(byte[] output, int index) {
        return new String(returned(output).dynamicBytes(index), StandardCharsets.UTF_8);
    }

    static List<Address> addresses(byte[] output) {
        Calldata c = returned(output);
        int at = (int) c.uint256(0).toLong() / 32;
        long n = c.uint256(at).toLong();
        return java.util.stream.LongStream.range(0, n).mapToObj(i -> c.address(at + 1 + (int) i)).toList();
    }
}
