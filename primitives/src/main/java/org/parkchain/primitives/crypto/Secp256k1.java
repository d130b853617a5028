package org.parkchain.primitives.crypto;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/**
 * The thin adapter over native libsecp256k1 (ACINQ's secp256k1-kmp): everything else in Parkchain speaks
 * {@link PrivateKey}, {@link PublicKey}, {@link Signature} and {@link Address}, never the library's byte layouts.
 */
public final class Secp256k1 {
    /** The order n of the curve's base point. */
    public static final UInt256 N = UInt256.parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    /** n / 2: EIP-2 requires transaction signatures to have s at most this. */
    public static final UInt256 HALF_N = UInt256.parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    private static final fr.acinq.secp256k1.Secp256k1 NATIVE = fr.acinq.secp256k1.Secp256k1.Companion.get();

    private Secp256k1() {}

    /**
     * The address that signed {@code hash32}, as the ecrecover precompile needs it: any 0 < r, s < n (high s
     * allowed), recovery id 0 or 1; empty for anything that does not recover to a point.
     */
    public static Optional<Address> recover(byte[] hash32, int recId, byte[] r32, byte[] s32) {
        return recoverPublicKey(hash32, recId, r32, s32).map(PublicKey::address);
    }

    /** As {@link #recover(byte[], int, byte[], byte[])}, giving the public key. */
    public static Optional<PublicKey> recoverPublicKey(byte[] hash32, int recId, byte[] r32, byte[] s32) {
        if (hash32.length != 32 || r32.length != 32 || s32.length != 32 || (recId != 0 && recId != 1)) {
            return Optional.empty();
        }
        UInt256 r = UInt256.fromBytes(r32);
        UInt256 s = UInt256.fromBytes(s32);
        if (r.isZero() || s.isZero() || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return Optional.empty();
        }
        byte[] compact = new byte[64];
        System.arraycopy(r32, 0, compact, 0, 32);
        System.arraycopy(s32, 0, compact, 32, 32);
        try {
            byte[] uncompressed = NATIVE.ecdsaRecover(compact, hash32, recId);
            return Optional.of(PublicKey.fromUncompressed(uncompressed));
        } catch (Secp256k1Exception | IllegalArgumentException e) {
            // No point has this r as x-coordinate, or the key is the point at infinity: not a signature.
            return Optional.empty();
        }
    }

    /** The public key that made {@code signature} over {@code hash32}, or empty when it does not recover. */
    public static Optional<PublicKey> recoverPublicKey(byte[] hash32, Signature signature) {
        return recoverPublicKey(hash32, signature.recId(), signature.r().toBytes32(), signature.s().toBytes32());
    }

    static boolean isValidPrivateKey(byte[] key32) {
        return key32.length == 32 && NATIVE.secKeyVerify(key32);
    }

    static byte[] publicKeyOf(byte[] key32) {
        return NATIVE.pubkeyCreate(key32);
    }

    /**
     * RFC 6979 deterministic ECDSA; libsecp256k1 always returns the low-s form. The library gives no recovery id,
     * so it is found by recovering with 0 and with 1 and keeping the one that yields our own key (ids 2 and 3 need
     * r >= p - n, which happens with probability about 2^-127).
     */
    static Signature sign(byte[] hash32, byte[] key32, PublicKey publicKey) {
        if (hash32.length != 32) {
            throw new IllegalArgumentException("a signed message hash is 32 bytes, got " + hash32.length);
        }
        byte[] compact = NATIVE.sign(hash32, key32, null); // no extra entropy: pure RFC 6979
        byte[] r = Arrays.copyOfRange(compact, 0, 32);
        byte[] s = Arrays.copyOfRange(compact, 32, 64);
        for (int recId = 0; recId <= 1; recId++) {
            Optional<PublicKey> recovered = recoverPublicKey(hash32, recId, r, s);
            if (recovered.isPresent() && recovered.get().equals(publicKey)) {
                return new Signature(recId, UInt256.fromBytes(r), UInt256.fromBytes(s));
            }
        }
        throw new IllegalStateException("signature does not recover to the signing key with recovery id 0 or 1");
    }

    static byte[] keccakAddressBytes(byte[] xy64) {
        byte[] digest = Keccak.keccak256(xy64);
        return Arrays.copyOfRange(digest, 12, 32);
    }
}
