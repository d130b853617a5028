package org.parkchain.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few RLP operations the trie and the account encoding need: a byte string, a list of already encoded items,
 * and splitting a list into its items. TEMPORARY: primitives has no RLP codec yet (branch prim); once it has, these
 * bodies become calls to it and this class goes.
 */
public final class TrieRlp {
    static final byte[] EMPTY_STRING = {(byte) 0x80};

    private TrieRlp() {}

    /** One item of a decoded list: where it sits in {@code source}, and whether it is itself a list. */
    record Item(byte[] source, int offset, int end, boolean isList, int payloadOffset, int payloadLength) {
        /** The payload of a string item. */
        byte[] string() {
            if (isList) {
                throw new IllegalArgumentException("expected an RLP string, found a list");
            }
            return Arrays.copyOfRange(source, payloadOffset, payloadOffset + payloadLength);
        }

        /** The item's whole encoding, header included. */
        byte[] raw() {
            return Arrays.copyOfRange(source, offset, end);
        }
    }

    public static byte[] string(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return bytes.clone();
        }
        byte[] out = new byte[headerLength(bytes.length) + bytes.length];
        int pos = writeHeader(out, 0x80, bytes.length);
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        return out;
    }

    public static byte[] list(List<byte[]> encodedItems) {
        int length = 0;
        for (byte[] item : encodedItems) {
            length += item.length;
        }
        byte[] out = new byte[headerLength(length) + length];
        int pos = writeHeader(out, 0xc0, length);
        for (byte[] item : encodedItems) {
            System.arraycopy(item, 0, out, pos, item.length);
            pos += item.length;
        }
        return out;
    }

    private static int headerLength(int length) {
        return length < 56 ? 1 : 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
    }

    /** Writes the header for a payload of {@code length} bytes; returns where the payload starts. */
    private static int writeHeader(byte[] out, int base, int length) {
        if (length < 56) {
            out[0] = (byte) (base + length);
            return 1;
        }
        int n = 4 - Integer.numberOfLeadingZeros(length) / 8;
        out[0] = (byte) (base + 55 + n);
        for (int i = 0; i < n; i++) {
            out[1 + i] = (byte) (length >>> (8 * (n - 1 - i)));
        }
        return 1 + n;
    }

    /** The items of the RLP list {@code encoded}. */
    static List<Item> items(byte[] encoded) {
        Item whole = item(encoded, 0, encoded.length);
        if (!whole.isList() || whole.end() != encoded.length) {
            throw new IllegalArgumentException("expected exactly one RLP list");
        }
        List<Item> items = new ArrayList<>(17);
        int pos = whole.payloadOffset();
        int end = pos + whole.payloadLength();
        while (pos < end) {
            Item item = item(encoded, pos, end);
            items.add(item);
            pos = item.end();
        }
        return items;
    }

    private static Item item(byte[] b, int pos, int limit) {
        if (pos >= limit) {
            throw new IllegalArgumentException("RLP item runs past its enclosing list");
        }
        int p = b[pos] & 0xff;
        int payloadOffset;
        int length;
        boolean list = p >= 0xc0;
        if (p < 0x80) {
            payloadOffset = pos;
            length = 1;
        } else if (p < 0xb8 || (p >= 0xc0 && p < 0xf8)) {
            payloadOffset = pos + 1;
            length = p - (list ? 0xc0 : 0x80);
        } else {
            int n = p - (list ? 0xf7 : 0xb7);
            if (n > 4 || pos + 1 + n > limit) {
                throw new IllegalArgumentException("RLP length of length out of range");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | (b[pos + 1 + i] & 0xff);
            }
            payloadOffset = pos + 1 + n;
        }
        int end = payloadOffset + length;
        if (length < 0 || end > limit) {
            throw new IllegalArgumentException("RLP item runs past its enclosing list");
        }
        return new Item(b, pos, end, list, payloadOffset, length);
    }
}
