package org.parkchain.state;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * TEMPORARY until the primitives RLP lands on branch prim: the few RLP operations the trie needs.
 * Replace the bodies with calls to org.parkchain.primitives RLP as soon as it is merged.
 */
public final class TrieRlp {
    static final byte[] EMPTY_STRING = {(byte) 0x80};

    private TrieRlp() {}

    record Item(byte[] raw, boolean isList, int payloadOffset, int payloadLength) {
        byte[] string() {
            if (isList) {
                throw new IllegalArgumentException("expected an RLP string, found a list");
            }
            byte[] out = new byte[payloadLength];
            System.arraycopy(raw, payloadOffset, out, 0, payloadLength);
            return out;
        }
    }

    public static byte[] string(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return bytes.clone();
        }
        return withHeader(0x80, bytes, bytes.length);
    }

    public static byte[] list(List<byte[]> encodedItems) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] item : encodedItems) {
            payload.writeBytes(item);
        }
        byte[] p = payload.toByteArray();
        return withHeader(0xc0, p, p.length);
    }

    private static byte[] withHeader(int base, byte[] payload, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 9);
        if (length < 56) {
            out.write(base + length);
        } else {
            int n = 0;
            for (int l = length; l > 0; l >>>= 8) {
                n++;
            }
            out.write(base + 55 + n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.write(payload, 0, length);
        return out.toByteArray();
    }

    /** The items of the RLP list {@code encoded}. */
    static List<Item> items(byte[] encoded) {
        int[] header = header(encoded, 0);
        if (header[0] != 1) {
            throw new IllegalArgumentException("expected an RLP list");
        }
        List<Item> items = new ArrayList<>();
        int pos = header[1];
        int end = header[1] + header[2];
        while (pos < end) {
            int[] h = header(encoded, pos);
            int itemEnd = h[1] + h[2];
            byte[] raw = java.util.Arrays.copyOfRange(encoded, pos, itemEnd);
            items.add(new Item(raw, h[0] == 1, h[1] - pos, h[2]));
            pos = itemEnd;
        }
        return items;
    }

    /** {isList, payloadOffset, payloadLength} of the item at {@code pos}. */
    private static int[] header(byte[] b, int pos) {
        int p = b[pos] & 0xff;
        if (p < 0x80) {
            return new int[] {0, pos, 1};
        }
        if (p < 0xb8) {
            return new int[] {0, pos + 1, p - 0x80};
        }
        if (p < 0xc0) {
            int n = p - 0xb7;
            return new int[] {0, pos + 1 + n, length(b, pos + 1, n)};
        }
        if (p < 0xf8) {
            return new int[] {1, pos + 1, p - 0xc0};
        }
        int n = p - 0xf7;
        return new int[] {1, pos + 1 + n, length(b, pos + 1, n)};
    }

    private static int length(byte[] b, int pos, int n) {
        int l = 0;
        for (int i = 0; i < n; i++) {
            l = l << 8 | (b[pos + i] & 0xff);
        }
        return l;
    }
}
