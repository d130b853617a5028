package org.parkchain.primitives;

import java.util.Arrays;

/** A 32-byte value: a Keccak-256 digest, a block or transaction hash, a state root, a storage slot. */
public final class Hash implements Comparable<Hash> {
    public static final int SIZE = 32;
    public static final Hash ZERO = new Hash(new byte[SIZE]);
    /** Keccak-256 of the empty byte string: the code hash of an account without code. */
    public static final Hash EMPTY_KECCAK = Keccak.hash(new byte[0]);
    /** Root of the empty Merkle Patricia Trie: Keccak-256 of RLP("") = 0x80. */
    public static final Hash EMPTY_TRIE_ROOT = Keccak.hash(new byte[] {(byte) 0x80});

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}, which must be 32 long; the caller must not change them afterwards. */
    public static Hash wrap(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes);
    }

    public static Hash of(byte[] bytes) {
        return wrap(bytes.clone());
    }

    /** Parses {@code 0x} followed by 64 hex digits. */
    public static Hash fromHex(String hex) {
        byte[] b = Hex.decode(hex);
        if (b.length != SIZE) {
            throw new InvalidHexException("a hash is 32 bytes (64 hex digits), got " + b.length + " bytes");
        }
        return new Hash(b);
    }

    /** A copy of the 32 bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** The 32 bytes without copying; callers must not modify them. */
    public byte[] bytesUnsafe() {
        return bytes;
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        // The bytes are (mostly) uniformly distributed digests; the first four are as good as all 32.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public int compareTo(Hash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
