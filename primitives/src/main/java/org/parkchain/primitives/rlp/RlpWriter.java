package org.parkchain.primitives.rlp;

import java.math.BigInteger;
import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Builds RLP into one growing array, nested lists included, without encoding children separately.
 * {@link #startList()} reserves one header byte; {@link #endList()} fills it in, and only a list of 56 bytes or
 * more shifts its payload right by the few extra length bytes. Not thread-safe; reusable after {@link #reset()}.
 */
public final class RlpWriter {
    private byte[] buf;
    private int pos;
    private int[] openLists = new int[8];
    private int depth;

    public RlpWriter() {
        this(128);
    }

    public RlpWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public RlpWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public RlpWriter writeBytes(byte[] bytes, int offset, int length) {
        if (length == 1 && (bytes[offset] & 0xff) < Rlp.SHORT_STRING) {
            ensure(1);
            buf[pos++] = bytes[offset];
            return this;
        }
        ensure(Rlp.headerSize(length) + length);
        pos = Rlp.writeHeader(buf, pos, Rlp.SHORT_STRING, Rlp.LONG_STRING, length);
        System.arraycopy(bytes, offset, buf, pos, length);
        pos += length;
        return this;
    }

    /** An unsigned 64-bit integer ({@code value} read as unsigned), minimal big-endian. */
    public RlpWriter writeLong(long value) {
        ensure(9);
        if (value >= 0 && value < Rlp.SHORT_STRING) {
            buf[pos++] = value == 0 ? (byte) Rlp.SHORT_STRING : (byte) value;
            return this;
        }
        int n = Rlp.unsignedByteLength(value);
        buf[pos++] = (byte) (Rlp.SHORT_STRING + n);
        Rlp.writeBigEndian(buf, pos, value, n);
        pos += n;
        return this;
    }

    public RlpWriter writeUInt256(UInt256 value) {
        if (value.bitLength() <= 63) {
            return writeLong(value.u0);
        }
        return writeBytes(value.toMinimalBytes());
    }

    public RlpWriter writeBigInteger(BigInteger value) {
        return writeBytes(Rlp.minimalBytes(value));
    }

    public RlpWriter writeAddress(Address address) {
        return writeBytes(address.bytesUnsafe());
    }

    public RlpWriter writeHash(Hash hash) {
        return writeBytes(hash.bytesUnsafe());
    }

    /** Appends bytes that are already a complete RLP item (an embedded child node, a cached encoding). */
    public RlpWriter writeRaw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buf, pos, encoded.length);
        pos += encoded.length;
        return this;
    }

    public RlpWriter writeItem(RlpItem item) {
        switch (item) {
            case RlpItem.Bytes b -> writeBytes(b.value());
            case RlpItem.Items l -> {
                startList();
                for (RlpItem child : l.items()) {
                    writeItem(child);
                }
                endList();
            }
        }
        return this;
    }

    public RlpWriter startList() {
        if (depth == openLists.length) {
            openLists = Arrays.copyOf(openLists, depth * 2);
        }
        ensure(1);
        openLists[depth++] = pos++;
        return this;
    }

    public RlpWriter endList() {
        if (depth == 0) {
            throw new IllegalStateException("endList() without a matching startList()");
        }
        int start = openLists[--depth];
        int payload = pos - start - 1;
        if (payload < 56) {
            buf[start] = (byte) (Rlp.SHORT_LIST + payload);
            return this;
        }
        int n = Rlp.unsignedByteLength(payload);
        ensure(n);
        System.arraycopy(buf, start + 1, buf, start + 1 + n, payload);
        Rlp.writeHeader(buf, start, Rlp.SHORT_LIST, Rlp.LONG_LIST, payload);
        pos += n;
        return this;
    }

    /** The encoding so far, copied; every list must be closed. */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " list(s) still open");
        }
        return Arrays.copyOf(buf, pos);
    }

    public int size() {
        return pos;
    }

    public void reset() {
        pos = 0;
        depth = 0;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }
}
