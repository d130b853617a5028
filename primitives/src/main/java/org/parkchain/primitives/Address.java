package org.parkchain.primitives;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 20-byte Ethereum account address, printed with its EIP-55 mixed-case checksum. */
public final class Address implements Comparable<Address> {
    public static final int SIZE = 20;
    public static final Address ZERO = new Address(new byte[SIZE]);

    private final byte[] bytes;
    private final int hash;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Copies exactly 20 bytes. */
    public static Address of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    /** The low 20 bytes of a 32-byte word (as the EVM converts a stack item to an address). */
    public static Address fromWord(byte[] word32) {
        return new Address(Arrays.copyOfRange(word32, 12, 32));
    }

    /** The address whose low bits are {@code value}: {@code fromLong(0x1000)} is 0x…1000. */
    public static Address fromLong(long value) {
        byte[] b = new byte[SIZE];
        for (int i = 0; i < 8; i++) {
            b[SIZE - 1 - i] = (byte) (value >>> (8 * i));
        }
        return new Address(b);
    }

    /**
     * Parses {@code 0x} followed by 40 hex digits. All-lower or all-upper case is accepted as is; mixed case
     * must carry a valid EIP-55 checksum, because a mixed-case address with a wrong checksum is a typo.
     */
    public static Address fromHex(String hex) {
        byte[] b = Hex.decode(hex);
        if (b.length != SIZE) {
            throw new InvalidHexException("an address is 20 bytes (40 hex digits), got " + b.length + " bytes");
        }
        Address address = new Address(b);
        String digits = Hex.hasPrefix(hex) ? hex.substring(2) : hex;
        boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixed && !address.toChecksumHex().substring(2).equals(digits)) {
            throw new InvalidHexException("address " + hex + " has an invalid EIP-55 checksum");
        }
        return address;
    }

    /** A copy of the 20 bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    /** The 20 bytes without copying; callers must not modify them. */
    public byte[] bytesUnsafe() {
        return bytes;
    }

    /** The address left-padded to a 32-byte word. */
    public byte[] toWord() {
        byte[] w = new byte[32];
        System.arraycopy(bytes, 0, w, 12, SIZE);
        return w;
    }

    /** Lower-case {@code 0x} hex. */
    public String toHex() {
        return Hex.encode(bytes);
    }

    /** EIP-55: a hex letter is upper case when the matching nibble of keccak(lower-case hex) is >= 8. */
    public String toChecksumHex() {
        String lower = Hex.encodeNoPrefix(bytes);
        byte[] digest = Keccak.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder(42).append("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && hash == a.hash && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toChecksumHex();
    }
}
