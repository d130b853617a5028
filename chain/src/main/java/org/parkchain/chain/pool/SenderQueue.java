package org.parkchain.chain.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * One sender's transactions by nonce. Those from the account's nonce on without a gap are pending (executable in
 * order); the rest are queued until the gap fills. Guarded by its own monitor; {@link #pendingNonce} is volatile so
 * that {@code eth_getTransactionCount("pending")} reads it without locking.
 */
final class SenderQueue {
    final Address sender;
    final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>();
    /** The account's nonce and balance in the head state, read at head {@link #epoch}. */
    long stateNonce;
    UInt256 balance = UInt256.ZERO;
    long epoch = -1;
    /** Set when the queue emptied and was unlinked from the pool; an admission that finds it takes a fresh one. */
    boolean retired;
    /** Sum of the worst-case costs of every transaction held; admission keeps it at most {@link #balance}. */
    UInt256 totalCost = UInt256.ZERO;
    /**
     * One past the last pending nonce: the nonce this sender's next transaction should carry; -1 until the account
     * has been read (a lock-free reader then asks the head instead).
     */
    volatile long pendingNonce = -1;

    SenderQueue(Address sender) {
        this.sender = sender;
    }

    int size() {
        return byNonce.size();
    }

    int pendingCount() {
        return (int) (pendingNonce - stateNonce);
    }

    boolean isPending(long nonce) {
        return nonce >= stateNonce && nonce < pendingNonce;
    }

    /** The transaction with the highest nonce, the one whose removal never opens a gap. */
    PooledTransaction tail() {
        Map.Entry<Long, PooledTransaction> last = byNonce.lastEntry();
        return last == null ? null : last.getValue();
    }

    void put(PooledTransaction tx) {
        PooledTransaction old = byNonce.put(tx.nonce(), tx);
        if (old != null) {
            totalCost = totalCost.sub(old.cost());
        }
        totalCost = totalCost.add(tx.cost());
    }

    void remove(PooledTransaction tx) {
        byNonce.remove(tx.nonce());
        totalCost = totalCost.sub(tx.cost());
        if (tx.nonce() < pendingNonce) {
            // Everything below the removed nonce is still contiguous; everything from it on is queued now.
            pendingNonce = Math.max(tx.nonce(), stateNonce);
        }
    }

    /**
     * Moves the pending frontier past the transactions that are now contiguous and returns them, in nonce order:
     * the transactions that just became pending (a gap filled, or the account nonce caught up).
     */
    List<PooledTransaction> promote() {
        long next = Math.max(pendingNonce, stateNonce);
        List<PooledTransaction> promoted = List.of();
        PooledTransaction tx;
        while ((tx = byNonce.get(next)) != null) {
            if (promoted.isEmpty()) {
                promoted = new ArrayList<>();
            }
            promoted.add(tx);
            next++;
        }
        pendingNonce = next;
        return promoted;
    }

    /** The pending transactions, in nonce order. */
    List<PooledTransaction> pending() {
        return new ArrayList<>(byNonce.subMap(stateNonce, true, pendingNonce, false).values());
    }
}
