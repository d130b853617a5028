package org.parkchain.primitives.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;

/** A secp256k1 private key: 32 bytes, 0 < k < n. Never printed. */
public final class PrivateKey {
    private final byte[] key;
    private final PublicKey publicKey;

    private PrivateKey(byte[] key) {
        this.key = key;
        this.publicKey = PublicKey.fromUncompressed(Secp256k1.publicKeyOf(key));
    }

    /** @throws IllegalArgumentException unless {@code key32} is 32 bytes in the range 1..n-1 */
    public static PrivateKey of(byte[] key32) {
        if (!Secp256k1.isValidPrivateKey(key32)) {
            throw new IllegalArgumentException("not a secp256k1 private key: must be 32 bytes in 1..n-1");
        }
        return new PrivateKey(key32.clone());
    }

    public static PrivateKey fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    public static PrivateKey random(SecureRandom random) {
        byte[] k = new byte[32];
        do {
            random.nextBytes(k);
        } while (!Secp256k1.isValidPrivateKey(k));
        return new PrivateKey(k);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Address address() {
        return publicKey.address();
    }

    /** RFC 6979 deterministic, low-s signature over a 32-byte message hash, with its recovery id. */
    public Signature sign(Hash messageHash) {
        return Secp256k1.sign(messageHash.bytesUnsafe(), key, publicKey);
    }

    /** A copy of the 32 key bytes (for the keystore; keep it out of logs). */
    public byte[] toArray() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey p && Arrays.equals(key, p.key);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    @Override
    public String toString() {
        return "PrivateKey[" + address() + "]";
    }
}
