package org.parkchain.node.park;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.abi.AbiEncoder;
import org.parkchain.regime.abi.Calldata;

/**
 * Call data, return data and event data of the park's interfaces, as the demo and the read views need them:
 * {@code ParkAbi.call("transfer(address,uint256)", bob, amount)} and {@code ParkAbi.returned(output).uint(0)}.
 * The encoding itself is the regime's codec (the one the system contracts use), so both sides agree byte for byte;
 * this class only maps Java values onto it.
 */
public final class ParkAbi {
    /** A {@code bytes2} country code argument such as "KR". */
    public record Country(String code) {
        public Country {
            if (code.length() != 2 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("a country is two capital letters (ISO 3166-1 alpha-2), got '" + code + "'");
            }
        }
    }

    private ParkAbi() {}

    /** Selector of {@code signature} followed by the ABI encoding of {@code args} in order. */
    public static byte[] call(String signature, Object... args) {
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
                case byte[] b -> enc.bytes(b);
                case Country c -> enc.fixedBytes(c.code().getBytes(StandardCharsets.US_ASCII));
                default -> throw new IllegalArgumentException("no ABI type for " + arg.getClass().getSimpleName());
            }
        }
        byte[] body = enc.encode();
        byte[] out = Arrays.copyOf(selector(signature), 4 + body.length);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    public static byte[] selector(String signature) {
        return Arrays.copyOf(Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    /** topic0 of an event. */
    public static Hash topic(String eventSignature) {
        return Keccak.hash(eventSignature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Keccak-256 of a text: the dossier and white-paper hashes of the demo. */
    public static Hash hashOf(String text) {
        return Keccak.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Returned returned(byte[] data) {
        return new Returned(data);
    }

    /**
     * ABI-encoded values (return data, event data, a dynamic struct's body) read by head index, strictly: a value
     * that does not fit its type or an offset outside the data is an {@link IllegalArgumentException}.
     */
    public static final class Returned {
        private final byte[] data;
        private final Calldata words;

        private Returned(byte[] data) {
            this.data = data.clone();
            byte[] withSelector = new byte[4 + data.length];
            System.arraycopy(data, 0, withSelector, 4, data.length);
            this.words = Calldata.ofCall(withSelector);
        }

        public UInt256 uint(int index) {
            return words.uint256(index);
        }

        /** A uint of at most 64 bits (timestamps, enum members, counts), read unsigned. */
        public long small(int index) {
            return words.uintN(index, 64);
        }

        public Address address(int index) {
            return words.address(index);
        }

        public boolean bool(int index) {
            return words.bool(index);
        }

        public Hash bytes32(int index) {
            return words.bytes32(index);
        }

        public String bytes2Text(int index) {
            return new String(words.fixedBytes(index, 2), StandardCharsets.US_ASCII);
        }

        public String string(int index) {
            return new String(words.dynamicBytes(index), StandardCharsets.UTF_8);
        }

        /** An {@code address[]} whose offset is the head at {@code index}. */
        public List<Address> addresses(int index) {
            Returned body = tuple(index);
            long n = body.small(0);
            if (n > (data.length / 32)) {
                throw new IllegalArgumentException("array length " + n + " beyond the data");
            }
            List<Address> out = new ArrayList<>((int) n);
            for (int i = 0; i < n; i++) {
                out.add(body.address(1 + i));
            }
            return out;
        }

        /** A dynamic struct (or array body) whose offset is the head at {@code index}. */
        public Returned tuple(int index) {
            UInt256 offset = uint(index);
            if (!offset.fitsLong() || offset.toLong() > data.length) {
                throw new IllegalArgumentException("value " + index + " has an offset outside the data");
            }
            return new Returned(Arrays.copyOfRange(data, (int) offset.toLong(), data.length));
        }
    }
}
