package org.parkchain.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.parkchain.primitives.Hash;

/**
 * A follower's side of "transactions to any member": every transaction admitted to this member's pool is forwarded to
 * the leader, and a copy stays in the local pool, so that if the leader fails before putting it in a block the next
 * leader still has it (this member may be that leader; otherwise it forwards its copies again to whoever leads next).
 * Copies leave with the block that mines them, as on every member. A forward that fails (no leader yet, leader
 * unreachable) is retried in the background until the transaction is mined or leaves the pool; none is dropped
 * silently while the client waits.
 */
final class TransactionForwarder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionForwarder.class.getName());
    private static final long RETRY_EVERY_MS = 1_000;

    /** Sends a raw transaction to the leader's pool; the leader's answer. */
    interface Leader {
        ClusterMessages.TransactionAnswer forward(byte[] raw) throws Exception;
    }

    private final Leader leader;
    private final Predicate<Hash> stillPooled;
    /** Copies not yet accepted by the current leader, by hash. */
    private final Map<Hash, byte[]> unforwarded = new ConcurrentHashMap<>();
    /** Every copy this member forwarded that may still be mined, by hash (re-sent to a new leader). */
    private final Map<Hash, byte[]> copies = new ConcurrentHashMap<>();
    private final Thread retrier;
    private volatile boolean running = true;

    TransactionForwarder(Leader leader, Predicate<Hash> stillPooled) {
        this.leader = leader;
        this.stillPooled = stillPooled;
        this.retrier = new Thread(this::retryLoop, "raft-forwarder");
        retrier.setDaemon(true);
        retrier.start();
    }

    /**
     * Forwards a transaction this member's pool has just admitted.
     *
     * @return the leader's refusal, if it refused (the caller removes the local copy and reports it); empty when the
     *     leader accepted it or could not be reached (then it is retried in the background)
     */
    java.util.Optional<ClusterMessages.TransactionAnswer> forward(Hash hash, byte[] raw) {
        copies.put(hash, raw);
        try {
            ClusterMessages.TransactionAnswer answer = leader.forward(raw);
            if (answer.refusedForGood()) {
                copies.remove(hash);
                return java.util.Optional.of(answer);
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.INFO, () -> "cannot reach the leader for " + hash + " (" + e + "); retrying");
            unforwarded.put(hash, raw);
        }
        return java.util.Optional.empty();
    }

    /** Keeps a copy for the background retry without trying now (no leader is known: asking would only wait). */
    void later(Hash hash, byte[] raw) {
        copies.put(hash, raw);
        unforwarded.put(hash, raw);
    }

    /** A new leader: send it every copy still pooled here. */
    void leaderChanged() {
        copies.keySet().removeIf(h -> !stillPooled.test(h)); // replaced or dropped meanwhile: nothing to re-send
        copies.forEach(unforwarded::put);
        LockSupport.unpark(retrier);
    }

    /** Blocks mined these transactions: their copies go. */
    void mined(List<Hash> hashes) {
        for (Hash h : hashes) {
            copies.remove(h);
            unforwarded.remove(h);
        }
    }

    int waiting() {
        return unforwarded.size();
    }

    private void retryLoop() {
        while (running) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(RETRY_EVERY_MS));
            if (!running || unforwarded.isEmpty()) {
                continue;
            }
            for (Map.Entry<Hash, byte[]> e : new ArrayList<>(unforwarded.entrySet())) {
                if (!stillPooled.test(e.getKey())) {
                    unforwarded.remove(e.getKey());
                    copies.remove(e.getKey());
                    continue;
                }
                try {
                    ClusterMessages.TransactionAnswer answer = leader.forward(e.getValue());
                    unforwarded.remove(e.getKey());
                    if (answer.refusedForGood()) {
                        LOG.log(System.Logger.Level.WARNING, "the leader refused " + e.getKey() + ": " + answer.refusal());
                    }
                } catch (Exception ex) {
                    break; // still no leader: try the rest next round
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(retrier);
    }
}
