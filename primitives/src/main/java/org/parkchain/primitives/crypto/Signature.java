package org.parkchain.primitives.crypto;

import org.parkchain.primitives.UInt256;

/** An ECDSA signature (r, s) with the recovery id (0 or 1) that selects which of two points signed. */
public record Signature(int recId, UInt256 r, UInt256 s) {
    public Signature {
        if (recId != 0 && recId != 1) {
            throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
        }
    }

    /** EIP-2: s in the lower half of the curve order, so a signature cannot be flipped into a second valid one. */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** 0 < r < n and 0 < s < n. */
    public boolean hasValidRange() {
        return !r.isZero() && !s.isZero() && r.compareTo(Secp256k1.N) < 0 && s.compareTo(Secp256k1.N) < 0;
    }

    /** The 65 bytes r ‖ s ‖ v with v = 27 + recId, as eth_sign and ecrecover callers expect. */
    public byte[] toBytes65() {
        byte[] out = new byte[65];
        System.arraycopy(r.toBytes32(), 0, out, 0, 32);
        System.arraycopy(s.toBytes32(), 0, out, 32, 32);
        out[64] = (byte) (27 + recId);
        return out;
    }
}
