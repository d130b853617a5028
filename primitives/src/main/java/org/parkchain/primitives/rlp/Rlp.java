package org.parkchain.primitives.rlp;

import java.math.BigInteger;
import java.util.List;
import org.parkchain.primitives.UInt256;

/**
 * Recursive Length Prefix encoding (Yellow Paper, appendix B). Encoding writes straight into one exactly sized
 * array; use {@link RlpWriter} to build nested structures without intermediate arrays, and {@link RlpReader} to
 * decode by offsets.
 *
 * <p>Integers are encoded as the minimal big-endian byte string (zero is the empty string, {@code 0x80}).
 */
public final class Rlp {
    /** RLP of the empty byte string. */
    public static final byte[] EMPTY_STRING = {(byte) 0x80};
    /** RLP of the empty list. */
    public static final byte[] EMPTY_LIST = {(byte) 0xc0};

    static final int SHORT_STRING = 0x80;
    static final int LONG_STRING = 0xb7;
    static final int SHORT_LIST = 0xc0;
    static final int LONG_LIST = 0xf7;

    private Rlp() {}

    /** RLP of a byte string. */
    public static byte[] encodeBytes(byte[] bytes) {
        return encodeBytes(bytes, 0, bytes.length);
    }

    public static byte[] encodeBytes(byte[] bytes, int offset, int length) {
        if (length == 1 && (bytes[offset] & 0xff) < SHORT_STRING) {
            return new byte[] {bytes[offset]};
        }
        int header = headerSize(length);
        byte[] out = new byte[header + length];
        writeHeader(out, 0, SHORT_STRING, LONG_STRING, length);
        System.arraycopy(bytes, offset, out, header, length);
        return out;
    }

    /** RLP of an unsigned 64-bit integer ({@code value} is read as unsigned). */
    public static byte[] encodeLong(long value) {
        if (value >= 0 && value < SHORT_STRING) {
            return value == 0 ? EMPTY_STRING.clone() : new byte[] {(byte) value};
        }
        int n = unsignedByteLength(value);
        byte[] out = new byte[1 + n];
        out[0] = (byte) (SHORT_STRING + n);
        writeBigEndian(out, 1, value, n);
        return out;
    }

    public static byte[] encodeUInt256(UInt256 value) {
        return encodeBytes(value.toMinimalBytes());
    }

    /** RLP of a non-negative BigInteger, for the edges (tests, JSON) where values arrive that way. */
    public static byte[] encodeBigInteger(BigInteger value) {
        return encodeBytes(minimalBytes(value));
    }

    /** The list whose items are the given, already encoded, items: one allocation, one copy of each. */
    public static byte[] encodeList(byte[]... encodedItems) {
        int payload = 0;
        for (byte[] item : encodedItems) {
            payload += item.length;
        }
        int header = headerSize(payload);
        byte[] out = new byte[header + payload];
        int pos = writeHeader(out, 0, SHORT_LIST, LONG_LIST, payload);
        for (byte[] item : encodedItems) {
            System.arraycopy(item, 0, out, pos, item.length);
            pos += item.length;
        }
        return out;
    }

    public static byte[] encodeList(List<byte[]> encodedItems) {
        return encodeList(encodedItems.toArray(new byte[0][]));
    }

    /** The full tree of {@code bytes}, which must hold exactly one canonical item. */
    public static RlpItem decode(byte[] bytes) {
        return RlpReader.of(bytes).readItem();
    }

    /** The encoding of a decoded tree (re-encoding a decoded item gives back the original bytes). */
    public static byte[] encode(RlpItem item) {
        RlpWriter w = new RlpWriter();
        w.writeItem(item);
        return w.toByteArray();
    }

    /** Minimal big-endian bytes of a non-negative integer (empty for zero). */
    public static byte[] minimalBytes(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        if (value.signum() == 0) {
            return new byte[0];
        }
        byte[] b = value.toByteArray();
        if (b[0] == 0) {
            return java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return b;
    }

    /** Minimal big-endian bytes of an unsigned long (empty for zero). */
    public static byte[] minimalBytes(long value) {
        int n = unsignedByteLength(value);
        byte[] out = new byte[n];
        writeBigEndian(out, 0, value, n);
        return out;
    }

    /** Size of the header for a payload of {@code length} bytes (strings other than a single low byte). */
    static int headerSize(int length) {
        return length < 56 ? 1 : 1 + unsignedByteLength(length);
    }

    /** Writes a string or list header for {@code length} at {@code pos}; returns the position after it. */
    static int writeHeader(byte[] out, int pos, int shortBase, int longBase, int length) {
        if (length < 56) {
            out[pos] = (byte) (shortBase + length);
            return pos + 1;
        }
        int n = unsignedByteLength(length);
        out[pos] = (byte) (longBase + n);
        writeBigEndian(out, pos + 1, length, n);
        return pos + 1 + n;
    }

    static int unsignedByteLength(long value) {
        return (64 - Long.numberOfLeadingZeros(value) + 7) >>> 3;
    }

    static void writeBigEndian(byte[] out, int pos, long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            out[pos + i] = (byte) value;
            value >>>= 8;
        }
    }
}
