package org.parkchain.explorer.index;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.parkchain.chain.Block;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.Receipt;

/**
 * Keeps the explorer's index beside the chain. In the steady state it is a {@link Blockchain.BlockIndexer}: each
 * block's entries, and the index's head ({@code idx/meta}), go into that block's own atomic write, so after a crash
 * the index is exactly as complete as the chain. When the index is missing (a chain that ran without the explorer)
 * or behind, a background thread rebuilds it from the chain, a batch of blocks per atomic write that also moves the
 * index's head, and logs its progress; pages show it via {@link #progress()}. Appending never waits for the
 * rebuild: while the index lags, the block indexer contributes nothing and the rebuild catches up with that block
 * too.
 */
public final class ChainIndex implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChainIndex.class.getName());
    /** Blocks per atomic write while rebuilding; small enough that one batch is a short pause for readers. */
    private static final int REBUILD_BATCH_BLOCKS = 200;
    private static final int REBUILD_BATCH_ENTRIES = 50_000;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Lag caught up on the attaching thread, before serving; more is rebuilt in the background. */
    private static final long SMALL_LAG = 16;

    /** Where the index stands against the chain. */
    public record Progress(long indexedUpTo, long head, boolean rebuilding, long indexingMillis) {
        /** The share of blocks indexed, 0 to 100. */
        public int percent() {
            return head <= 0 ? 100 : (int) Math.min(100, Math.max(0, (indexedUpTo + 1) * 100 / (head + 1)));
        }

        public boolean complete() {
            return indexedUpTo >= head;
        }
    }

    private final Blockchain chain;
    /** Held while computing entries: by the appending thread for one block, by the rebuild for one batch. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Semaphore behind = new Semaphore(0);
    private final Thread rebuild;
    private volatile long indexedUpTo;
    private volatile boolean rebuilding;
    private volatile boolean closed;
    /** Set once the chain was rewound below the index's head (only a dev chain in memory can be). */
    private volatile boolean rewound;
    /** Time spent computing entries on the appending thread: what the index costs block production. */
    private final java.util.concurrent.atomic.LongAdder indexingNanos = new java.util.concurrent.atomic.LongAdder();

    private ChainIndex(Blockchain chain) {
        this.chain = chain;
        this.indexedUpTo = storedHead(chain).orElse(-1L);
        this.rebuild = Thread.ofPlatform().daemon().name("explorer-index").unstarted(this::rebuildLoop);
    }

    /** Attaches an index to {@code chain}: registers the block indexer and starts catching up if behind. */
    public static ChainIndex attach(Blockchain chain) {
        ChainIndex index = new ChainIndex(chain);
        if (chain.head().number() - index.indexedUpTo <= SMALL_LAG) {
            // A new chain (just its genesis) or one a few blocks behind: complete before anyone reads it.
            index.catchUp();
        }
        chain.addIndexer(index::entries);
        chain.addListener(block -> index.wakeIfBehind());
        index.rebuild.start();
        index.wakeIfBehind();
        return index;
    }

    /** The index's head as stored, if the index exists. */
    static Optional<Long> storedHead(Blockchain chain) {
        return chain.aux(IndexKeys.META).filter(v -> v.length == 9 && v[0] == IndexKeys.VERSION)
                .map(v -> IndexKeys.longAt(v, 1));
    }

    /**
     * The entries a rebuild from nothing writes for blocks 0 to {@code upTo}, computed in memory and written nowhere:
     * what an index kept block by block must equal (the tests compare the two).
     */
    public static List<ChainStore.AuxEntry> recompute(Blockchain chain, long upTo) {
        java.util.Map<String, byte[]> written = new java.util.HashMap<>();
        BlockIndexing.Pending pending = new BlockIndexing.Pending(
                key -> Optional.ofNullable(written.get(java.util.HexFormat.of().formatHex(key))));
        List<ChainStore.AuxEntry> out = new java.util.ArrayList<>();
        for (long n = 0; n <= upTo; n++) {
            Block block = chain.block(n).orElseThrow();
            BlockIndexing.index(block, chain.receipts(block.hash()).orElse(List.of()), pending);
            for (ChainStore.AuxEntry e : pending.drain()) {
                written.put(java.util.HexFormat.of().formatHex(e.key()), e.value());
                out.add(e);
            }
        }
        return out;
    }

    public Progress progress() {
        return new Progress(indexedUpTo, chain.head().number(), rebuilding, indexingNanos.sum() / 1_000_000);
    }

    public IndexReader reader() {
        return new IndexReader(chain, () -> rewound);
    }

    /** The block indexer: this block's entries when the index is complete up to its parent, else none. */
    private List<ChainStore.AuxEntry> entries(Block block, List<Receipt> receipts) {
        if (!lock.tryLock()) {
            return List.of(); // the rebuild holds it: it will index this block too
        }
        try {
            if (block.number() <= indexedUpTo) {
                // The chain was rewound (a dev chain's evm_revert): index on from here. Entries are never deleted, so
                // rows written for the dropped blocks that this and later blocks do not overwrite stay behind.
                LOG.log(System.Logger.Level.WARNING, "the chain was rewound below block " + indexedUpTo
                        + "; the explorer's index continues from block " + block.number()
                        + " and may still list rows of the dropped blocks");
                indexedUpTo = block.number() - 1;
                rewound = true;
            }
            if (indexedUpTo != block.number() - 1) {
                return List.of();
            }
            long started = System.nanoTime();
            BlockIndexing.Pending pending = new BlockIndexing.Pending(chain::aux);
            BlockIndexing.index(block, receipts, pending);
            indexingNanos.add(System.nanoTime() - started);
            // The append writes these with the block; a failed write fails the node, so counting it now is safe.
            indexedUpTo = block.number();
            return pending.drain();
        } finally {
            lock.unlock();
        }
    }

    private void wakeIfBehind() {
        if (indexedUpTo < chain.head().number()) {
            behind.release();
        }
    }

    private void rebuildLoop() {
        while (!closed) {
            try {
                behind.acquire();
                behind.drainPermits();
                catchUp();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.ERROR, "explorer index rebuild failed at block " + (indexedUpTo + 1), e);
                }
                rebuilding = false;
                return;
            }
        }
    }

    /** Indexes blocks up to the chain's head, a batch per atomic write. */
    private void catchUp() {
        long startedAt = indexedUpTo;
        long lastLog = System.nanoTime();
        while (!closed && indexedUpTo < chain.head().number()) {
            rebuilding = true;
            lock.lock();
            try {
                BlockIndexing.Pending pending = new BlockIndexing.Pending(chain::aux);
                long next = indexedUpTo + 1;
                long last = Math.min(chain.head().number(), indexedUpTo + REBUILD_BATCH_BLOCKS);
                long n = next;
                for (; n <= last && pending.size() < REBUILD_BATCH_ENTRIES; n++) {
                    long number = n;
                    Block block = chain.block(number).orElseThrow(() -> new IllegalStateException("block " + number
                            + " is missing from the chain"));
                    // The genesis block has no stored receipts; it has no transactions either.
                    List<Receipt> receipts = chain.receipts(block.hash()).or(() -> block.transactions().isEmpty()
                            ? Optional.of(List.of()) : Optional.empty()).orElseThrow(() -> new IllegalStateException(
                            "receipts of block " + number + " are missing"));
                    BlockIndexing.index(block, receipts, pending);
                }
                chain.writeAux(pending.drain());
                indexedUpTo = n - 1;
            } finally {
                lock.unlock();
            }
            if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
                lastLog = System.nanoTime();
                Progress p = progress();
                LOG.log(System.Logger.Level.INFO, "explorer index: block " + p.indexedUpTo() + " of " + p.head()
                        + " (" + p.percent() + "%)");
            }
        }
        if (rebuilding && indexedUpTo > startedAt + 1) {
            LOG.log(System.Logger.Level.INFO, "explorer index caught up at block " + indexedUpTo);
        }
        rebuilding = false;
    }

    @Override
    public void close() {
        closed = true;
        rebuild.interrupt();
        try {
            rebuild.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
