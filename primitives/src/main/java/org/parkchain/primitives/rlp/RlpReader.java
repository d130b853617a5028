package org.parkchain.primitives.rlp;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Reads a sequence of RLP items by offsets into the source array, checking canonical form as it goes: a length
 * prefix without leading zeros, the short form whenever the length is below 56, a single byte below 0x80 never
 * wrapped, every item inside its parent, and nothing after the top item. Integers must be minimal (no leading
 * zero byte). Not thread-safe; one reader per decode.
 */
public final class RlpReader {
    private final byte[] data;
    private final int end;
    private int pos;

    // The header of the item at pos, decoded by header(); kept in fields to avoid allocating per item.
    private int payloadStart;
    private int payloadLength;
    private boolean isList;

    private RlpReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** A reader over {@code bytes}, which must hold exactly one item (trailing bytes are an error). */
    public static RlpReader of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static RlpReader of(byte[] bytes, int offset, int length) {
        RlpReader r = new RlpReader(bytes, offset, offset + length);
        if (length == 0) {
            throw new RlpException("RLP input is empty");
        }
        r.header();
        int itemEnd = r.payloadStart + r.payloadLength;
        if (itemEnd != r.end) {
            throw new RlpException("RLP has " + (r.end - itemEnd) + " trailing bytes after the top item (ends at offset "
                    + itemEnd + " of " + r.end + ")");
        }
        return r;
    }

    /** Whether another item follows in this sequence (list payload or top level). */
    public boolean hasNext() {
        return pos < end;
    }

    /** Whether the next item is a list. */
    public boolean nextIsList() {
        requireNext();
        header();
        return isList;
    }

    /** Enters the next item, which must be a list; the returned reader covers exactly its payload. */
    public RlpReader readList() {
        requireNext();
        header();
        if (!isList) {
            throw new RlpException("expected a list at offset " + pos + ", found a byte string");
        }
        RlpReader inner = new RlpReader(data, payloadStart, payloadStart + payloadLength);
        pos = payloadStart + payloadLength;
        return inner;
    }

    /** The payload of the next item, which must be a byte string, without copying. */
    public RlpSlice readSlice() {
        requireNext();
        header();
        if (isList) {
            throw new RlpException("expected a byte string at offset " + pos + ", found a list");
        }
        RlpSlice s = new RlpSlice(data, payloadStart, payloadLength);
        pos = payloadStart + payloadLength;
        return s;
    }

    /** The whole encoding (header and payload) of the next item, string or list, without copying. */
    public RlpSlice readRaw() {
        requireNext();
        header();
        int start = pos;
        pos = payloadStart + payloadLength;
        return new RlpSlice(data, start, pos - start);
    }

    /** Skips the next item. */
    public void skip() {
        readRaw();
    }

    /** A copy of the next byte string. */
    public byte[] readBytes() {
        return readSlice().toArray();
    }

    /** The next byte string as an unsigned integer of at most 8 bytes, canonical (no leading zero). */
    public long readLong() {
        int at = pos;
        RlpSlice s = readScalar(8, "a 64-bit integer");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = (v << 8) | (s.get(i) & 0xff);
        }
        if (v < 0) {
            throw new RlpException("integer at offset " + at + " does not fit in a signed 64-bit value");
        }
        return v;
    }

    /**
     * The next byte string as an unsigned 64-bit integer (up to 2^64 - 1, so values from 2^63 come back negative;
     * compare them with {@link Long#compareUnsigned}), canonical (no leading zero).
     */
    public long readUnsignedLong() {
        RlpSlice s = readScalar(8, "a 64-bit integer");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            v = (v << 8) | (s.get(i) & 0xff);
        }
        return v;
    }

    /** The next byte string as an unsigned integer of at most 32 bytes, canonical (no leading zero). */
    public UInt256 readUInt256() {
        RlpSlice s = readScalar(32, "a 256-bit integer");
        return UInt256.fromBytes(s.data(), s.offset(), s.length());
    }

    /** The next byte string, which must be exactly 20 bytes. */
    public Address readAddress() {
        return Address.of(readFixed(Address.SIZE, "an address"));
    }

    /** The next byte string, which must be exactly 32 bytes. */
    public Hash readHash() {
        return Hash.wrap(readFixed(Hash.SIZE, "a hash"));
    }

    /** The next item as a tree. */
    public RlpItem readItem() {
        requireNext();
        header();
        if (!isList) {
            return new RlpItem.Bytes(readBytes());
        }
        RlpReader inner = readList();
        List<RlpItem> items = new ArrayList<>();
        while (inner.hasNext()) {
            items.add(inner.readItem());
        }
        return new RlpItem.Items(items);
    }

    /** Asserts that this list (or top level) has no more items: extra fields are an error, not ignored. */
    public void requireEnd(String what) {
        if (pos < end) {
            throw new RlpException(what + " has unexpected extra items at offset " + pos);
        }
    }

    /** How many items remain in this sequence, without consuming them (each header is checked on the way). */
    public int remainingItems() {
        int saved = pos;
        int count = 0;
        try {
            while (pos < end) {
                header();
                pos = payloadStart + payloadLength;
                count++;
            }
        } finally {
            pos = saved;
        }
        return count;
    }

    /** Offset of the next item in the source array. */
    public int position() {
        return pos;
    }

    private byte[] readFixed(int size, String what) {
        int at = pos;
        RlpSlice s = readSlice();
        if (s.length() != size) {
            throw new RlpException(what + " at offset " + at + " must be " + size + " bytes, got " + s.length());
        }
        return s.toArray();
    }

    private RlpSlice readScalar(int maxBytes, String what) {
        int at = pos;
        RlpSlice s = readSlice();
        if (s.length() > maxBytes) {
            throw new RlpException(what + " at offset " + at + " is " + s.length() + " bytes, more than " + maxBytes);
        }
        if (s.length() > 0 && s.get(0) == 0) {
            throw new RlpException("non-canonical integer at offset " + at + ": leading zero byte");
        }
        return s;
    }

    private void requireNext() {
        if (pos >= end) {
            throw new RlpException("RLP ended at offset " + pos + " where another item was expected");
        }
    }

    /** Decodes and validates the header of the item at {@code pos}, against the bounds of this sequence. */
    private void header() {
        int b = data[pos] & 0xff;
        if (b < Rlp.SHORT_STRING) {
            payloadStart = pos;
            payloadLength = 1;
            isList = false;
            return;
        }
        if (b <= Rlp.LONG_STRING) {
            isList = false;
            payloadStart = pos + 1;
            payloadLength = b - Rlp.SHORT_STRING;
            checkFits();
            if (payloadLength == 1 && (data[payloadStart] & 0xff) < Rlp.SHORT_STRING) {
                throw new RlpException("non-canonical RLP at offset " + pos + ": single byte 0x"
                        + Integer.toHexString(data[payloadStart] & 0xff) + " below 0x80 must not be wrapped in a string header");
            }
            return;
        }
        if (b < Rlp.SHORT_LIST) {
            isList = false;
            longLength(b - Rlp.LONG_STRING);
            return;
        }
        isList = true;
        if (b <= Rlp.LONG_LIST) {
            payloadStart = pos + 1;
            payloadLength = b - Rlp.SHORT_LIST;
            checkFits();
            return;
        }
        longLength(b - Rlp.LONG_LIST);
    }

    private void longLength(int lengthOfLength) {
        int first = pos + 1;
        if (first + lengthOfLength > end) {
            throw new RlpException("truncated RLP at offset " + pos + ": length prefix needs " + lengthOfLength
                    + " bytes, " + (end - first) + " remain");
        }
        if (data[first] == 0) {
            throw new RlpException("non-canonical RLP at offset " + pos + ": leading zero in length prefix");
        }
        long length = 0;
        for (int i = 0; i < lengthOfLength; i++) {
            length = (length << 8) | (data[first + i] & 0xff);
        }
        // lengthOfLength <= 8 and the first byte is non-zero, so a negative long means the length needs 64 bits.
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new RlpException("RLP length at offset " + pos + " overflows: " + Long.toUnsignedString(length) + " bytes");
        }
        if (length < 56) {
            throw new RlpException("non-canonical RLP at offset " + pos + ": long form used for length " + length
                    + " (below 56)");
        }
        payloadStart = first + lengthOfLength;
        payloadLength = (int) length;
        checkFits();
    }

    private void checkFits() {
        if ((long) payloadStart + payloadLength > end) {
            throw new RlpException("truncated RLP at offset " + pos + ": item declares " + payloadLength + " bytes, "
                    + Math.max(0, end - payloadStart) + " remain");
        }
    }
}
