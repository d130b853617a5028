package org.parkchain.primitives.tx;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.Signature;

/**
 * The recognisable signature a development chain puts on a transaction whose sender is asserted rather than proven
 * (Hardhat's {@code hardhat_impersonateAccount}): r = 2^160 + the sender's address, s = {@link #MARK}, y parity 0.
 * The sender travels inside the transaction's own encoding, so the pool, the block, the store, a restart and every
 * replay (receipts, traces, the explorer's index, the regime's checks by sender) see the same sender without a record
 * kept beside the block; and because r and s are part of the hash, two senders with otherwise equal transactions get
 * different hashes.
 *
 * <p>r and s lie in the range a signature may take (0 < r < n, 0 < s ≤ n/2), so the strict decoder reads such a
 * transaction like any other. A real signature has this shape with probability about 2^-350 (r below 2^161 and s
 * equal to a 254-bit constant). Only a development chain admits one: everywhere else the chain's admission refuses it
 * ({@code org.parkchain.chain.ImpersonatedTransactions}).
 */
public final class ImpersonatedSender {
    /**
     * The s of every impersonation signature: Keccak-256 of a fixed phrase with its top two bits cleared, so that it
     * is below n/2 (EIP-2) and can be told from a real s.
     */
    public static final UInt256 MARK = UInt256.fromBytes(Keccak.hash(
            "parkchain: impersonated sender, development chains only".getBytes(StandardCharsets.US_ASCII)).bytesUnsafe())
            .shl(2).shr(2);

    /** 2^160: set in r so that even the zero address gives a non-zero r. */
    private static final UInt256 R_BASE = UInt256.ONE.shl(160);

    private ImpersonatedSender() {}

    /** The signature that asserts {@code sender}. */
    public static Signature signature(Address sender) {
        return new Signature(0, R_BASE.or(UInt256.fromBytes(sender.bytesUnsafe())), MARK);
    }

    /** The sender {@code signature} asserts, when it is an impersonation signature. */
    public static Optional<Address> of(Signature signature) {
        if (!signature.s().equals(MARK) || signature.recId() != 0 || !signature.r().shr(160).equals(UInt256.ONE)) {
            return Optional.empty();
        }
        return Optional.of(Address.fromWord(signature.r().toBytes32()));
    }
}
