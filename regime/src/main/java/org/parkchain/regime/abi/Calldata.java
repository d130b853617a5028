package org.parkchain.regime.abi;

import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Strict reader of the arguments of one ABI call (the bytes after the 4-byte selector), limited to the types the
 * park's interfaces use. Strict the way solc's decoder is: a value with dirty high bits for its type, an offset or
 * length pointing outside the data, or too few bytes is refused with a {@link MalformedCallException} naming the
 * argument — never an index exception.
 *
 * <p>This is a narrow reader kept in one place until the ABI codec of {@code primitives} lands; the contracts only
 * see this class, so swapping the implementation touches nothing else.
 */
public final class Calldata {
    private static final int WORD = 32;
    private final byte[] args;

    private Calldata(byte[] args) {
        this.args = args;
    }

    /** The arguments of {@code input}, which starts with a 4-byte selector. */
    public static Calldata ofCall(byte[] input) {
        if (input.length < 4) {
            throw new MalformedCallException("call data shorter than a 4-byte selector");
        }
        return new Calldata(Arrays.copyOfRange(input, 4, input.length));
    }

    /** The 4-byte selector of {@code input} as a big-endian int; the caller checks the length first. */
    public static int selector(byte[] input) {
        return (input[0] & 0xff) << 24 | (input[1] & 0xff) << 16 | (input[2] & 0xff) << 8 | (input[3] & 0xff);
    }

    /** Refuses data shorter than {@code heads} head words (dynamic tails are checked when read). */
    public Calldata expectHeads(int heads) {
        if (args.length < (long) heads * WORD) {
            throw new MalformedCallException("expected at least " + heads + " argument words, got " + args.length + " bytes");
        }
        return this;
    }

    private byte[] word(int index) {
        long from = (long) index * WORD;
        if (from + WORD > args.length) {
            throw new MalformedCallException("argument " + index + " is missing");
        }
        return Arrays.copyOfRange(args, (int) from, (int) from + WORD);
    }

    private static boolean zeroPrefix(byte[] w, int n) {
        for (int i = 0; i < n; i++) {
            if (w[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public UInt256 uint256(int index) {
        return UInt256.fromBytes(word(index));
    }

    public Address address(int index) {
        byte[] w = word(index);
        if (!zeroPrefix(w, 12)) {
            throw new MalformedCallException("argument " + index + " is not an address");
        }
        return Address.fromWord(w);
    }

    public boolean bool(int index) {
        byte[] w = word(index);
        if (!zeroPrefix(w, 31) || (w[31] & 0xff) > 1) {
            throw new MalformedCallException("argument " + index + " is not a bool");
        }
        return w[31] == 1;
    }

    /** An unsigned integer of {@code bits} (8..64) bits, returned as a long read unsigned (uint64 may exceed 2^63). */
    public long uintN(int index, int bits) {
        byte[] w = word(index);
        int bytes = bits / 8;
        if (!zeroPrefix(w, WORD - bytes)) {
            throw new MalformedCallException("argument " + index + " does not fit uint" + bits);
        }
        long v = 0;
        for (int i = WORD - bytes; i < WORD; i++) {
            v = v << 8 | (w[i] & 0xff);
        }
        return v;
    }

    /** An enum argument: a small integer below {@code members}. */
    public int enumMember(int index, int members, String type) {
        byte[] w = word(index);
        if (!zeroPrefix(w, 31) || (w[31] & 0xff) >= members) {
            throw new MalformedCallException("argument " + index + " is not a valid " + type);
        }
        return w[31] & 0xff;
    }

    public Hash bytes32(int index) {
        return Hash.wrap(word(index));
    }

    /** A {@code bytesN} argument (left-aligned, the rest zero). */
    public byte[] fixedBytes(int index, int n) {
        byte[] w = word(index);
        for (int i = n; i < WORD; i++) {
            if (w[i] != 0) {
                throw new MalformedCallException("argument " + index + " is not a bytes" + n);
            }
        }
        return Arrays.copyOf(w, n);
    }

    /** A dynamic {@code bytes} or {@code string} argument (strings are kept as their UTF-8 bytes). */
    public byte[] dynamicBytes(int index) {
        UInt256 offset = uint256(index);
        if (!offset.fitsLong() || offset.toLong() > args.length - WORD) {
            throw new MalformedCallException("argument " + index + " has an offset outside the call data");
        }
        int at = (int) offset.toLong();
        UInt256 length = UInt256.fromBytes(args, at, WORD);
        if (!length.fitsLong() || length.toLong() > args.length - at - WORD) {
            throw new MalformedCallException("argument " + index + " has a length beyond the call data");
        }
        int start = at + WORD;
        return Arrays.copyOfRange(args, start, start + (int) length.toLong());
    }
}
