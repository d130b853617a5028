package org.parkchain.primitives.crypto;

import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;

/** A secp256k1 public key as the 64 bytes x ‖ y (the uncompressed form without its 0x04 prefix). */
public final class PublicKey {
    private final byte[] xy;

    private PublicKey(byte[] xy) {
        this.xy = xy;
    }

    /** From 65 bytes 0x04 ‖ x ‖ y. */
    static PublicKey fromUncompressed(byte[] uncompressed) {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new IllegalArgumentException("an uncompressed public key is 65 bytes starting with 0x04");
        }
        return new PublicKey(Arrays.copyOfRange(uncompressed, 1, 65));
    }

    /** From the 64 bytes x ‖ y; the point must lie on the curve. */
    public static PublicKey of(byte[] xy64) {
        if (xy64.length != 64) {
            throw new IllegalArgumentException("a public key is 64 bytes (x ‖ y), got " + xy64.length);
        }
        byte[] prefixed = new byte[65];
        prefixed[0] = 4;
        System.arraycopy(xy64, 0, prefixed, 1, 64);
        try {
            fr.acinq.secp256k1.Secp256k1.Companion.get().pubkeyParse(prefixed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a point on secp256k1: " + Hex.encode(xy64));
        }
        return new PublicKey(xy64.clone());
    }

    /** The account address: the low 20 bytes of keccak(x ‖ y). */
    public Address address() {
        return Address.of(Secp256k1.keccakAddressBytes(xy));
    }

    /** The 33-byte SEC1 compressed form: 0x02 (y even) or 0x03 (y odd), then x. BIP-32 hashes keys in this form. */
    public byte[] toCompressed() {
        byte[] out = new byte[33];
        out[0] = (byte) (2 + (xy[63] & 1));
        System.arraycopy(xy, 0, out, 1, 32);
        return out;
    }

    /** A copy of x ‖ y. */
    public byte[] toArray() {
        return xy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey p && Arrays.equals(xy, p.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return Hex.encode(xy);
    }
}
