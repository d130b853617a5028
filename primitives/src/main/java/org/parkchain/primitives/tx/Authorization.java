package org.parkchain.primitives.tx;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Secp256k1;
import org.parkchain.primitives.crypto.Signature;
import org.parkchain.primitives.rlp.RlpWriter;

/**
 * One signed EIP-7702 authorization of a set-code transaction: the signer (the authority) lets its account run the
 * code at {@code address} from now on. A tuple whose signature does not recover, or whose chain id or nonce does not
 * fit, is skipped at execution, not refused with the transaction; so decoding only checks the field types.
 *
 * @param chainId the chain it is valid on, or 0 for every chain
 * @param address the delegate; the zero address clears a delegation
 * @param nonce the authority's nonce it is valid at (unsigned 64-bit)
 * @param yParity the recovery id, valid when 0 or 1 (the wire format allows up to 255)
 */
public record Authorization(UInt256 chainId, Address address, long nonce, int yParity, UInt256 r, UInt256 s) {
    /** EIP-7702 MAGIC: the byte that starts the signed message, so it can never be mistaken for a transaction. */
    private static final byte MAGIC = 0x05;

    public Authorization {
        if (yParity < 0 || yParity > 255) {
            throw new IllegalArgumentException("yParity is a byte, got " + yParity);
        }
    }

    /** Keccak-256(0x05 ‖ rlp([chainId, address, nonce])): what the authority signs. */
    public static Hash signingHash(UInt256 chainId, Address address, long nonce) {
        RlpWriter w = new RlpWriter(64);
        w.writeRaw(new byte[] {MAGIC});
        w.startList().writeUInt256(chainId).writeAddress(address).writeLong(nonce).endList();
        return Keccak.hash(w.toByteArray());
    }

    /** The authorization {@code key} gives for {@code address} at {@code nonce} on {@code chainId}. */
    public static Authorization sign(PrivateKey key, UInt256 chainId, Address address, long nonce) {
        Signature sig = key.sign(signingHash(chainId, address, nonce));
        return new Authorization(chainId, address, nonce, sig.recId(), sig.r(), sig.s());
    }

    public Hash signingHash() {
        return signingHash(chainId, address, nonce);
    }

    /**
     * The account that signed, or empty when the signature is not one EIP-7702 accepts: y parity 0 or 1,
     * 0 < r < n, 0 < s ≤ n/2 (EIP-2's low s), and a point that recovers.
     */
    public Optional<Address> authority() {
        if (yParity > 1 || r.isZero() || r.compareTo(Secp256k1.N) >= 0 || s.isZero() || s.compareTo(Secp256k1.HALF_N) > 0) {
            return Optional.empty();
        }
        return Secp256k1.recover(signingHash().bytesUnsafe(), yParity, r.toBytes32(), s.toBytes32());
    }

    /** Appends {@code [chainId, address, nonce, yParity, r, s]}. */
    void writeTo(RlpWriter w) {
        w.startList().writeUInt256(chainId).writeAddress(address).writeLong(nonce).writeLong(yParity)
                .writeUInt256(r).writeUInt256(s).endList();
    }
}
