package org.parkchain.chain.pool;

import org.parkchain.primitives.UInt256;

/**
 * The pool's limits, all explicit (DESIGN.md: "limits are explicit and configurable").
 *
 * @param maxTransactions transactions held in total, pending and queued together; when full, a newcomer paying more
 *     evicts the cheapest tail transaction, otherwise it is refused
 * @param maxPerSender transactions one sender may hold (pending and queued)
 * @param maxNonceGap how far past the sender's pending nonce a queued (future) transaction may be: nonce
 *     {@code pendingNonce + maxNonceGap} is refused, so a sender cannot park transactions that may never execute
 * @param maxTransactionSize largest accepted encoding in bytes (geth: 128 KiB)
 * @param minPriorityFee the smallest tip (EIP-1559 priority fee; a legacy gas price counts whole) the pool accepts
 * @param priceBumpPercent how much more a replacement must offer, on both fee cap and tip (geth: 10)
 * @param allowUnprotected whether pre-EIP-155 legacy transactions (signed without a chain id, replayable on any
 *     chain) are accepted; geth refuses them over RPC unless {@code --rpc.allow-unprotected-txs}, and so do we
 */
public record PoolConfig(
        int maxTransactions,
        int maxPerSender,
        int maxNonceGap,
        int maxTransactionSize,
        UInt256 minPriorityFee,
        int priceBumpPercent,
        boolean allowUnprotected) {

    /**
     * Sized for the load generator: tens of thousands of transactions in flight from a few hundred senders; a zero
     * minimum tip because a permissioned chain's fee is its base fee, and tools such as Hardhat's send zero tips.
     */
    public static final PoolConfig DEFAULT = new PoolConfig(100_000, 10_000, 1_000, 128 * 1024, UInt256.ZERO, 10, false);

    public PoolConfig {
        if (maxTransactions < 1 || maxPerSender < 1 || maxNonceGap < 1 || maxTransactionSize < 1 || priceBumpPercent < 0) {
            throw new IllegalArgumentException("pool limits must be positive: " + maxTransactions + " total, " + maxPerSender
                    + " per sender, nonce gap " + maxNonceGap + ", size " + maxTransactionSize + ", bump " + priceBumpPercent);
        }
        if (minPriorityFee == null) {
            throw new IllegalArgumentException("minPriorityFee is required");
        }
    }

    public PoolConfig withMaxTransactions(int value) {
        return new PoolConfig(value, maxPerSender, maxNonceGap, maxTransactionSize, minPriorityFee, priceBumpPercent, allowUnprotected);
    }

    public PoolConfig withMaxPerSender(int value) {
        return new PoolConfig(maxTransactions, value, maxNonceGap, maxTransactionSize, minPriorityFee, priceBumpPercent, allowUnprotected);
    }

    public PoolConfig withMaxNonceGap(int value) {
        return new PoolConfig(maxTransactions, maxPerSender, value, maxTransactionSize, minPriorityFee, priceBumpPercent, allowUnprotected);
    }

    public PoolConfig withMaxTransactionSize(int value) {
        return new PoolConfig(maxTransactions, maxPerSender, maxNonceGap, value, minPriorityFee, priceBumpPercent, allowUnprotected);
    }

    public PoolConfig withMinPriorityFee(UInt256 value) {
        return new PoolConfig(maxTransactions, maxPerSender, maxNonceGap, maxTransactionSize, value, priceBumpPercent, allowUnprotected);
    }

    public PoolConfig withAllowUnprotected(boolean value) {
        return new PoolConfig(maxTransactions, maxPerSender, maxNonceGap, maxTransactionSize, minPriorityFee, priceBumpPercent, value);
    }
}
