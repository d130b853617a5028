package org.parkchain.primitives;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). */
public final class Keccak {
    /** Digests are not thread-safe; one per thread avoids both locking and allocation. */
    private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

    private Keccak() {}

    public static byte[] keccak256(byte[] data) {
        return keccak256(data, 0, data.length);
    }

    public static byte[] keccak256(byte[] data, int offset, int length) {
        KeccakDigest digest = DIGEST.get();
        digest.update(data, offset, length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    public static Hash hash(byte[] data) {
        return Hash.wrap(keccak256(data));
    }
}
