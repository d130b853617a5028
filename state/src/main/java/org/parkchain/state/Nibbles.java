package org.parkchain.state;

import java.util.Arrays;

/** Trie paths as arrays of nibbles (half-bytes, 0–15), and the hex-prefix encoding of the Yellow Paper (appendix C). */
final class Nibbles {
    private Nibbles() {}

    static byte[] of(byte[] key) {
        byte[] nibbles = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            nibbles[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
            nibbles[2 * i + 1] = (byte) (key[i] & 0x0f);
        }
        return nibbles;
    }

    /** Packs an even number of nibbles back into bytes. */
    static byte[] toBytes(byte[] nibbles) {
        if ((nibbles.length & 1) != 0) {
            throw new IllegalArgumentException("a key has an even number of nibbles, got " + nibbles.length);
        }
        byte[] key = new byte[nibbles.length / 2];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (nibbles[2 * i] << 4 | nibbles[2 * i + 1]);
        }
        return key;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int commonPrefix(byte[] a, int aFrom, byte[] b, int bFrom) {
        int n = Math.min(a.length - aFrom, b.length - bFrom);
        int i = 0;
        while (i < n && a[aFrom + i] == b[bFrom + i]) {
            i++;
        }
        return i;
    }

    /** Whether {@code path} from {@code pos} on is exactly {@code part}. */
    static boolean equalsRange(byte[] part, byte[] path, int pos) {
        return path.length - pos == part.length && Arrays.equals(part, 0, part.length, path, pos, path.length);
    }

    /** Whether {@code path} from {@code pos} on starts with {@code prefix}. */
    static boolean startsWith(byte[] path, int pos, byte[] prefix) {
        return path.length - pos >= prefix.length
                && Arrays.equals(prefix, 0, prefix.length, path, pos, pos + prefix.length);
    }

    /**
     * Hex-prefix encoding: the first nibble carries two flags (bit 1: the node is a leaf; bit 0: the path has an odd
     * length, in which case the path's first nibble shares the first byte), then the path packed two nibbles a byte.
     */
    static byte[] hexPrefix(byte[] nibbles, boolean leaf) {
        int flag = (leaf ? 2 : 0) + (nibbles.length & 1);
        byte[] out = new byte[nibbles.length / 2 + 1];
        int i = 0;
        if ((nibbles.length & 1) == 1) {
            out[0] = (byte) (flag << 4 | nibbles[0]);
            i = 1;
        } else {
            out[0] = (byte) (flag << 4);
        }
        for (int o = 1; i < nibbles.length; i += 2, o++) {
            out[o] = (byte) (nibbles[i] << 4 | nibbles[i + 1]);
        }
        return out;
    }

    /** Decodes {@link #hexPrefix}: the nibbles, and (through the return of {@link #isLeaf}) the leaf flag. */
    static byte[] fromHexPrefix(byte[] encoded) {
        if (encoded.length == 0) {
            throw new IllegalArgumentException("hex-prefix encoded path is empty");
        }
        boolean odd = (encoded[0] & 0x10) != 0;
        byte[] nibbles = new byte[(encoded.length - 1) * 2 + (odd ? 1 : 0)];
        int o = 0;
        if (odd) {
            nibbles[o++] = (byte) (encoded[0] & 0x0f);
        }
        for (int i = 1; i < encoded.length; i++) {
            nibbles[o++] = (byte) ((encoded[i] >> 4) & 0x0f);
            nibbles[o++] = (byte) (encoded[i] & 0x0f);
        }
        return nibbles;
    }

    static boolean isLeaf(byte[] hexPrefixEncoded) {
        return (hexPrefixEncoded[0] & 0x20) != 0;
    }
}
