package org.parkchain.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PooledTransaction;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.state.WorldState;

/**
 * The controls of a development chain ({@code --dev}) that Hardhat's and Anvil's nodes offer and their test helpers
 * use: mining on demand, moving time, snapshots, automine on and off, and state edits.
 *
 * <ul>
 *   <li><b>Time</b> is a {@link DevClock} the sequencer reads for block timestamps.
 *   <li><b>Mining</b> asks the sequencer for a block now ({@link SoloSequencer#produceBlock}), empty or not.
 *   <li><b>State edits</b> (set a balance, code, a storage slot, a nonce) are committed as a block of their own with no
 *       transactions, built on the head with the edited state: every reader sees them at "latest" and no state exists
 *       that is not a block's.
 *   <li><b>Snapshots</b> remember a block number and the clock; reverting rewinds the chain to that block
 *       ({@link Blockchain#rewindTo}, in-memory chains only), restores the clock, drops the pool's transactions and
 *       forgets that snapshot and every later one, as Hardhat does.
 *   <li><b>Automine</b> is the sequencer running: turning it off stops it, and transactions wait in the pool until
 *       {@link #mine}.
 * </ul>
 * Edits and rewinds run with the sequencer paused ({@link SoloSequencer#pausedFor}), so they never interleave with a
 * block being built.
 */
public final class DevChain {
    /** The most blocks one {@link #mine(long, long)} call may produce. */
    public static final long MAX_BLOCKS_PER_CALL = 10_000;

    private record Snapshot(long blockNumber, long clockOffsetMillis) {}

    private final Blockchain chain;
    private final BlockExecutor executor;
    private final TransactionPool pool;
    private final SoloSequencer sequencer;
    private final SequencerConfig config;
    private final DevClock clock;
    private final NavigableMap<Long, Snapshot> snapshots = new TreeMap<>();
    private long nextSnapshotId = 1;

    /** @param sequencer a sequencer of {@code chain} built with {@code clock} as its clock */
    public DevChain(Blockchain chain, BlockExecutor executor, TransactionPool pool, SoloSequencer sequencer,
                    SequencerConfig config, DevClock clock) {
        this.chain = chain;
        this.executor = executor;
        this.pool = pool;
        this.sequencer = sequencer;
        this.config = config;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------- mining

    /** Builds one block now from the pool (empty when nothing waits); answers it. */
    public Block mine() {
        return sequencer.produceBlock(true).orElseThrow(() -> new IllegalStateException("no block was produced"));
    }

    /** Builds one block with timestamp {@code epochSeconds}, which must be after the head's. */
    public Block mineAt(long epochSeconds) {
        setNextBlockTimestamp(epochSeconds);
        return mine();
    }

    /**
     * Builds {@code count} blocks, each {@code intervalSeconds} after the one before (hardhat_mine); the first gets
     * the clock's time.
     */
    public List<Block> mine(long count, long intervalSeconds) {
        if (count < 1 || count > MAX_BLOCKS_PER_CALL) {
            throw new IllegalArgumentException("the number of blocks must be 1 to " + MAX_BLOCKS_PER_CALL + ", got " + count);
        }
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("the interval must be at least 1 second, got " + intervalSeconds);
        }
        List<Block> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (i > 0) {
                setNextBlockTimestamp(chain.head().timestamp() + intervalSeconds);
            }
            out.add(mine());
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------------- time

    /** Moves the clock {@code seconds} ahead; answers the total offset from the wall clock, in seconds. */
    public long increaseTime(long seconds) {
        return clock.advance(seconds);
    }

    /** The next block's timestamp; it must be after the head's (Hardhat's rule and wording). */
    public void setNextBlockTimestamp(long epochSeconds) {
        long head = chain.head().timestamp();
        if (epochSeconds <= head) {
            throw new IllegalArgumentException("Timestamp " + epochSeconds
                    + " is lower than or equal to previous block's timestamp " + head);
        }
        clock.setNow(epochSeconds);
    }

    // ---------------------------------------------------------------------------------------------- snapshots

    /** Remembers the head and the clock; answers the snapshot's id (1, 2, …). */
    public synchronized long snapshot() {
        long id = nextSnapshotId++;
        snapshots.put(id, new Snapshot(chain.head().number(), clock.offsetMillis()));
        return id;
    }

    /**
     * Returns the chain, the clock and the pool to snapshot {@code id}, which is then forgotten with every later one.
     *
     * @return false when there is no such snapshot (never taken, or already used or forgotten)
     */
    public synchronized boolean revert(long id) {
        Snapshot s = snapshots.get(id);
        if (s == null) {
            return false;
        }
        sequencer.pausedFor(() -> {
            chain.rewindTo(s.blockNumber());
            dropPool();
            return null;
        });
        clock.restoreOffset(s.clockOffsetMillis());
        snapshots.tailMap(id, true).clear();
        return true;
    }

    private void dropPool() {
        Set<Address> senders = pool.senders();
        List<Hash> hashes = new ArrayList<>();
        for (Address a : senders) {
            pool.pending(a).forEach(p -> hashes.add(p.transaction().hash()));
            pool.queued(a).forEach(p -> hashes.add(p.transaction().hash()));
        }
        pool.remove(hashes);
        pool.onNewHead(new ChainPoolHead(chain, chain.head()), senders);
    }

    // ----------------------------------------------------------------------------------------------- automine

    /** Automine: a block as soon as transactions wait (the sequencer runs) or only on {@link #mine}. */
    public void setAutomine(boolean on) {
        if (on) {
            sequencer.start();
        } else {
            sequencer.close();
        }
    }

    public boolean automine() {
        return sequencer.isRunning() && config.instant();
    }

    // ------------------------------------------------------------------------------------------------- edits

    /**
     * Applies {@code edit} to the head's state and commits the result as a new block without transactions.
     *
     * @param touched the accounts the edit changes (the pool re-reads their nonces and balances)
     * @return the block that holds the edit
     */
    public Block edit(Consumer<WorldState> edit, Collection<Address> touched) {
        return sequencer.pausedFor(() -> {
            BlockHeader parent = chain.head();
            WorldState edited = chain.state(parent);
            edit.accept(edited);
            edited.endTransaction();
            BlockExecutor.Built built = executor.buildWithEdits(parent, edited, chain.blockHashes(),
                    new BlockExecutor.Proposal(config.coinbase(), clock.getAsLong() / 1000, config.extraData()));
            chain.append(built.block());
            Block block = built.block().block();
            pool.onNewHead(new ChainPoolHead(chain, block.header()), new HashSet<>(touched));
            return block;
        });
    }
}
