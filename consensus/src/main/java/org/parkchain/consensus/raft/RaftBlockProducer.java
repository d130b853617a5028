package org.parkchain.consensus.raft;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.BlockProposer;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.state.WorldState;

/**
 * The Raft leader's block production: between Ratis' leader-ready and not-leader notifications, a thread builds a
 * block on the local head from the pool ({@link BlockProposer}, as the solo sequencer does), submits it as a log
 * entry and waits until it is committed and applied here, then builds the next. One block is in flight at a time,
 * so every block is built on the head the previous one made (a block built on a stale head would be a no-op), and
 * a leader cut off from its quorum holds at most that one uncommitted block until Ratis deposes it.
 * Instant or fixed-period blocks follow the same {@link SequencerConfig} as a single node.
 */
final class RaftBlockProducer {
    private static final System.Logger LOG = System.getLogger(RaftBlockProducer.class.getName());
    private static final long RETRY_PAUSE_MS = 200;
    private static final long RENEW_STATE_BLOCKS = 256;
    /** After this long without a commit the producer says so (it keeps waiting: see {@link #awaitSettled}). */
    private static final long COMMIT_WARNING_SECONDS = 10;
    /** How often a producer waiting for its block checks that it should still produce. */
    private static final long SETTLE_POLL_MS = 200;
    /** How long {@link #stop} waits for the producer thread to notice. */
    private static final long STOP_WAIT_SECONDS = 15;

    private final Blockchain chain;
    private final TransactionPool pool;
    private final BlockApplier applier;
    private final BlockProposer proposer;
    private final SequencerConfig config;
    private final Function<byte[], CompletableFuture<String>> submit;
    private final LongSupplier clockMillis;
    private final AtomicLong blocksProduced = new AtomicLong();
    private volatile boolean signalled;
    private volatile Thread thread;
    private AutoCloseable poolSubscription;
    private WorldState working;
    private long workingBlocks;

    /**
     * @param submit appends an encoded entry to the log; completes with the applier's reply
     *     ({@link ChainStateMachine#describe}) once the entry is applied on this member
     */
    RaftBlockProducer(Blockchain chain, TransactionPool pool, BlockApplier applier, BlockProposer proposer,
                      SequencerConfig config, Function<byte[], CompletableFuture<String>> submit, LongSupplier clockMillis) {
        this.chain = chain;
        this.pool = pool;
        this.applier = applier;
        this.proposer = proposer;
        this.config = config;
        this.submit = submit;
        this.clockMillis = clockMillis;
    }

    /** Starts producing (this member is the ready leader); a second call does nothing. */
    synchronized void start() {
        if (thread != null) {
            return;
        }
        poolSubscription = pool.onPending(tx -> wake());
        working = null;
        Thread t = new Thread(this::run, "raft-producer");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.log(System.Logger.Level.INFO, "leader: producing blocks");
    }

    /**
     * Stops producing and waits for the producer thread to end; a block in flight is left to Ratis (committed later
     * under a new leader, or truncated). A second call does nothing.
     */
    void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            thread = null;
            try {
                poolSubscription.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "cannot unsubscribe from the pool", e);
            }
        }
        LockSupport.unpark(t);
        if (t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.log(System.Logger.Level.INFO, "no longer leader: block production stopped");
    }

    boolean isProducing() {
        return thread != null;
    }

    long blocksProduced() {
        return blocksProduced.get();
    }

    private void wake() {
        signalled = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private boolean running() {
        return thread == Thread.currentThread();
    }

    private void run() {
        long period = config.blockTimeMs();
        long next = clockMillis.getAsLong() + period;
        while (running()) {
            if (applier.halted().isPresent()) {
                LOG.log(System.Logger.Level.ERROR, "not producing: " + applier.halted().get());
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            if (config.instant()) {
                signalled = false;
                boolean again = pool.pendingCount() > 0 && produceSafely(false);
                if (!again) {
                    while (running() && !signalled) {
                        LockSupport.park(this);
                    }
                }
            } else {
                long wait = next - clockMillis.getAsLong();
                if (wait > 0) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(wait));
                    continue;
                }
                produceSafely(config.emptyBlocks());
                next = Math.max(next + period, clockMillis.getAsLong());
            }
        }
    }

    /** One block; whether to go again at once (progress was made, or a failure asks for another attempt). */
    private boolean produceSafely(boolean allowEmpty) {
        try {
            return produce(allowEmpty);
        } catch (RuntimeException e) {
            working = null;
            if (running()) {
                LOG.log(System.Logger.Level.WARNING, "block production failed; retrying in " + RETRY_PAUSE_MS + " ms: " + e);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS));
            }
            return true;
        }
    }

    private boolean produce(boolean allowEmpty) {
        BlockHeader parent = chain.head();
        if (working == null || workingBlocks >= RENEW_STATE_BLOCKS) {
            working = chain.state(parent);
            workingBlocks = 0;
        }
        Optional<BlockProposer.Proposed> proposed = proposer.propose(parent, working, allowEmpty);
        if (proposed.isEmpty()) {
            return false;
        }
        BlockProposer.Proposed p = proposed.get();
        applier.expectOwn(p.built().block());
        byte[] entry = new ClusterMessages.BlockEntry(applier.identity(), p.block()).encode();
        String reply = awaitSettled(p.block().number(), submit.apply(entry));
        if (reply.startsWith("appended")) {
            workingBlocks++;
            blocksProduced.incrementAndGet();
            proposer.settle(p);
            return !p.block().transactions().isEmpty() || p.lowersBaseFee();
        }
        working = null;
        LOG.log(System.Logger.Level.WARNING, "block " + p.block().number() + " was not appended: " + reply);
        return !reply.startsWith("halted");
    }

    /**
     * Waits until the submitted block is settled: committed and applied here (the applier's reply), or failed by Ratis
     * (this member stopped leading: Ratis fails its pending entries then). It never gives up on a block while this
     * member still leads, so a leader without a quorum keeps one uncommitted block, not one more per timeout: a
     * deposed leader's divergent tail is at most one entry (plus Ratis' own), which the new leader truncates.
     */
    private String awaitSettled(long number, CompletableFuture<String> settled) {
        long started = System.nanoTime();
        boolean warned = false;
        while (true) {
            try {
                return settled.get(SETTLE_POLL_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("block " + number + " not committed: " + e.getCause(), e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                if (!running()) {
                    throw new IllegalStateException("block " + number + " left to Ratis: production stopped");
                }
                long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                if (!warned && waited >= COMMIT_WARNING_SECONDS) {
                    warned = true;
                    LOG.log(System.Logger.Level.WARNING, "block " + number + " not committed after " + waited
                            + " s (no quorum?); waiting for it before building another");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
