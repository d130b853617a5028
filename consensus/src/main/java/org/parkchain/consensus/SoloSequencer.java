package org.parkchain.consensus;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.primitives.Address;
import org.parkchain.state.WorldState;

/**
 * The single block producer of a one-node chain: takes the pool's best pending transactions, has the
 * {@link BlockExecutor} build a block on the head, appends it to the {@link Blockchain} (one atomic, durable write)
 * and tells the pool, which drops what was mined.
 *
 * <ul>
 *   <li><b>Instant mode</b> ({@code blockTimeMs == 0}): a block as soon as transactions wait. The sequencer sleeps
 *       until the pool announces a pending transaction, then builds blocks while any wait; everything that arrived
 *       while the previous block was being built goes into the next one, up to the gas limit, so blocks grow with the
 *       load instead of one block per transaction. No empty blocks, except when the only transactions waiting pay
 *       less than the base fee: each empty block lowers it by an eighth until they fit.
 *   <li><b>Fixed period</b>: one block every {@code blockTimeMs}, empty ones included unless configured otherwise
 *       (see {@link SequencerConfig#period}). A block that takes longer than the period delays the next one; missed
 *       periods are not made up in a burst.
 * </ul>
 *
 * A bad transaction never stops production: the executor leaves it out with a reason, which is logged, and it is
 * removed from the pool (unless it may fit a later block). A failure to build or to store a block is logged and
 * retried after a pause; the chain stays at its last complete block.
 *
 * <p>Block timestamps are the wall clock in seconds, or the parent's plus one when several blocks fall in the same
 * second (they must increase); after a burst the ledger's clock runs ahead by at most the burst's extra blocks and
 * waits for the wall clock when the burst ends.
 */
public final class SoloSequencer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SoloSequencer.class.getName());
    /** The pause after a failed block before trying again, so a persistent fault does not spin the CPU. */
    private static final long RETRY_PAUSE_MS = 200;
    /**
     * The world state is carried from block to block (hot accounts and storage stay cached instead of being read back
     * from the store), and renewed this often so its caches stay bounded.
     */
    private static final long RENEW_STATE_BLOCKS = 256;

    private final Blockchain chain;
    private final TransactionPool pool;
    private final SequencerConfig config;
    private final LongSupplier clockMillis;
    private final BlockProposer proposer;
    private final Object production = new Object();
    private final AtomicLong blocksProduced = new AtomicLong();
    private volatile boolean running;
    private volatile boolean signalled;
    /** Why the last attempt to produce a block failed; null once one succeeds. */
    private volatile RuntimeException lastFailure;
    /** The error that stopped production for good (such as running out of memory); null while producing. */
    private volatile Throwable fatal;
    private volatile Thread thread;
    private AutoCloseable poolSubscription;
    /** The head's state, kept between blocks; only touched under {@link #production}. */
    private WorldState working;
    private long workingBlocks;

    public SoloSequencer(Blockchain chain, BlockExecutor executor, TransactionPool pool, SequencerConfig config) {
        this(chain, executor, pool, config, System::currentTimeMillis);
    }

    /** @param clockMillis the wall clock in milliseconds, for block timestamps (tests pass their own) */
    public SoloSequencer(Blockchain chain, BlockExecutor executor, TransactionPool pool, SequencerConfig config,
                         LongSupplier clockMillis) {
        this.chain = chain;
        this.pool = pool;
        this.config = config;
        this.clockMillis = clockMillis;
        this.proposer = new BlockProposer(chain, executor, pool, config, clockMillis);
    }

    /** Starts producing on a thread of its own; a second call does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        poolSubscription = pool.onPending(tx -> wake());
        Thread t = new Thread(config.instant() ? this::runInstant : this::runPeriodic, "sequencer");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.log(System.Logger.Level.INFO, () -> "sequencer started: " + (config.instant()
                ? "instant blocks" : "a block every " + config.blockTimeMs() + " ms" + (config.emptyBlocks() ? "" : " with transactions")));
    }

    /** Stops production and waits for the block in progress, if any, to be appended; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            poolSubscription.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot unsubscribe from the pool", e);
        }
        Thread t = thread;
        LockSupport.unpark(t);
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "sequencer thread did not stop within 30 s");
        }
        thread = null;
        LOG.log(System.Logger.Level.INFO, "sequencer stopped");
    }

    public boolean isRunning() {
        return running;
    }

    /** Blocks this sequencer appended since it was made. */
    public long blocksProduced() {
        return blocksProduced.get();
    }

    private void wake() {
        signalled = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void runInstant() {
        while (running) {
            signalled = false;
            boolean again = false;
            if (pool.pendingCount() > 0) {
                // Go again at once after a block that made progress (included something, or lowered the base fee
                // for transactions that wait for it): the pool may hold more. A block whose candidates were all left
                // out made none; the next pending transaction wakes us.
                again = produceSafely(false).progress();
            }
            if (!again) {
                // The flag is set before unpark and park returns at once on a pending permit, so a transaction that
                // arrives between the check above and the park is not missed.
                while (running && !signalled) {
                    LockSupport.park(this);
                }
            }
        }
    }

    private void runPeriodic() {
        long period = config.blockTimeMs();
        long next = clockMillis.getAsLong() + period;
        while (running) {
            long wait = next - clockMillis.getAsLong();
            if (wait > 0) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(wait));
                continue; // re-check: woken early by close() or a spurious return
            }
            produceSafely(config.emptyBlocks());
            // Missed periods are skipped rather than produced back to back.
            next = Math.max(next + period, clockMillis.getAsLong());
        }
    }

    /** Why the last attempt to produce a block failed, while failures go on (empty once a block succeeds). */
    public Optional<RuntimeException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** The error that stopped production for good, if one did: the node must not go on accepting transactions. */
    public Optional<Throwable> fatalError() {
        return Optional.ofNullable(fatal);
    }

    /**
     * One block, or after a failure a pause and an outcome that asks for another attempt. An {@link Error} (out of
     * memory, a broken class) is not retried: production stops, loudly, and {@link #fatalError} says why.
     */
    private Outcome produceSafely(boolean allowEmpty) {
        try {
            Outcome outcome = produce(allowEmpty);
            lastFailure = null;
            return outcome;
        } catch (RuntimeException e) {
            lastFailure = e;
            LOG.log(System.Logger.Level.ERROR, "block production failed; retrying in " + RETRY_PAUSE_MS + " ms", e);
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS));
            return new Outcome(Optional.empty(), true);
        } catch (Error e) {
            fatal = e;
            running = false;
            LOG.log(System.Logger.Level.ERROR, "BLOCK PRODUCTION STOPPED: " + e, e);
            return new Outcome(Optional.empty(), false);
        }
    }

    /**
     * Builds, appends and announces one block now, from the pool's best pending transactions.
     *
     * @param allowEmpty whether to produce a block when nothing can be included
     * @return the block appended, or empty when there was nothing to include and {@code allowEmpty} is false
     */
    public Optional<Block> produceBlock(boolean allowEmpty) {
        return produce(allowEmpty).block();
    }

    /**
     * Runs {@code change} while no block is being produced, then forgets the state carried between blocks: for changes
     * made to the chain outside production (the development chain's state edits and rewinds, see {@link DevChain}).
     */
    public <T> T pausedFor(java.util.function.Supplier<T> change) {
        synchronized (production) {
            try {
                return change.get();
            } finally {
                working = null;
            }
        }
    }

    /**
     * @param block the block appended, if any
     * @param progress whether to go again at once: the block included a transaction, or (empty) lowered the base
     *     fee under transactions that wait for it, or production failed and must be retried
     */
    private record Outcome(Optional<Block> block, boolean progress) {}

    private Outcome produce(boolean allowEmpty) {
        synchronized (production) {
            BlockHeader parent = chain.head();
            if (working == null || workingBlocks >= RENEW_STATE_BLOCKS) {
                working = chain.state(parent);
                workingBlocks = 0;
            }
            Optional<BlockProposer.Proposed> proposed;
            try {
                proposed = proposer.propose(parent, working, allowEmpty);
                if (proposed.isEmpty()) {
                    return new Outcome(Optional.empty(), false);
                }
                chain.append(proposed.get().built().block());
            } catch (RuntimeException e) {
                working = null; // it may be past the head now, or half-way through a block: start again from the store
                throw e;
            }
            workingBlocks++;
            blocksProduced.incrementAndGet();
            Block block = proposed.get().block();
            Set<Address> senders = BlockProposer.senders(block);
            // The working state is the new block's: the pool reads its senders' accounts from memory.
            pool.onNewHead(ChainPoolHead.withAccounts(chain, block.header(), senders, working::account), senders);
            proposer.settle(proposed.get());
            return new Outcome(Optional.of(block), !block.transactions().isEmpty() || proposed.get().lowersBaseFee());
        }
    }
}
