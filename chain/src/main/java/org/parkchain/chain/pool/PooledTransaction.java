package org.parkchain.chain.pool;

import java.math.BigInteger;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;

/**
 * A transaction admitted to the pool, with what admission established kept beside it: the sender (recovered once,
 * at admission) and the worst-case cost, so that no later step decodes, hashes or recovers again.
 *
 * @param cost gas limit × fee cap + value: what the sender must hold for it to be executable at any base fee
 * @param sequence admission order, the tie-break between equal tips (first come, first served)
 */
public record PooledTransaction(Transaction transaction, Address sender, UInt256 cost, long sequence) {

    PooledTransaction(Transaction transaction, long sequence) {
        this(transaction, transaction.sender(), worstCaseCost(transaction), sequence);
    }

    /**
     * gas limit × fee cap + value, or null when it does not fit 256 bits (no balance can pay it). The product alone
     * fits: {@link Transaction#validate} refuses the rest.
     */
    static UInt256 worstCaseCost(Transaction tx) {
        BigInteger cost = new BigInteger(Long.toUnsignedString(tx.gasLimit()))
                .multiply(tx.maxFeePerGas().toBigInteger())
                .add(tx.value().toBigInteger());
        return cost.bitLength() > 256 ? null : UInt256.of(cost);
    }

    public Hash hash() {
        return transaction.hash();
    }

    public long nonce() {
        return transaction.nonce();
    }

    public long gasLimit() {
        return transaction.gasLimit();
    }

    public UInt256 maxFeePerGas() {
        return transaction.maxFeePerGas();
    }

    public UInt256 maxPriorityFeePerGas() {
        return transaction.maxPriorityFeePerGas();
    }

    /** EIP-1559: what a block with {@code baseFee} pays its producer per gas; zero when the fee cap does not reach it. */
    public UInt256 effectiveTip(UInt256 baseFee) {
        UInt256 maxFee = transaction.maxFeePerGas();
        if (maxFee.compareTo(baseFee) <= 0) {
            return UInt256.ZERO;
        }
        UInt256 room = maxFee.sub(baseFee);
        UInt256 tip = transaction.maxPriorityFeePerGas();
        return room.compareTo(tip) < 0 ? room : tip;
    }

    /** Whether a block with {@code baseFee} can include it at all. */
    public boolean payableAt(UInt256 baseFee) {
        return transaction.maxFeePerGas().compareTo(baseFee) >= 0;
    }
}
