package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.parkchain.evm.BlockContext;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;
import org.parkchain.state.NodeStore;
import org.parkchain.state.WorldState;

/**
 * The chain as the node uses it: a {@link ChainStore} started from a {@link Genesis} (or reopened where it
 * stopped), the head, blocks, transactions and receipts by hash or number, the state at any block, and
 * {@link #append} for the next executed block with listeners told of each new head.
 *
 * <p>Threading: one writer ({@link #append} is synchronized; the sequencer or importer calls it), any number of
 * concurrent readers. Readers never see a half-written block: the store writes a block atomically and the head
 * moves only after the write, so everything reachable from {@link #head()} is complete. A reader holding an older
 * header keeps a consistent view of that block (blocks are never changed or removed).
 */
public final class Blockchain implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Blockchain.class.getName());

    private final ChainStore store;
    private final long chainId;
    private final BlockHeader genesisHeader;
    private final List<Consumer<NewBlock>> listeners = new CopyOnWriteArrayList<>();
    private final List<BlockIndexer> indexers = new CopyOnWriteArrayList<>();
    private volatile BlockHeader head;
    private final NodeStore nodes;
    /**
     * Recently appended or read blocks with their receipts, decoded: receipt polling and subscriptions look at the
     * newest blocks again and again, and a cached block's transactions keep their recovered senders.
     */
    private final RecentBlocks recent = new RecentBlocks(RECENT_BLOCKS);
    private static final int RECENT_BLOCKS = 128;

    /**
     * Derives auxiliary entries (an explorer's indexes, say) from each appended block; they are written in the block's
     * own atomic write, so an index is never ahead of or behind the chain. Runs on the appending thread inside
     * {@link #append}: keep it to computing entries, and never throw (a throw fails the append).
     */
    @FunctionalInterface
    public interface BlockIndexer {
        List<ChainStore.AuxEntry> entries(Block block, List<Receipt> receipts);
    }

    /** What listeners receive after a block became the head: the block and its receipts as JSON-RPC shows them. */
    public record NewBlock(Block block, List<TransactionReceipt> receipts) {}

    private Blockchain(ChainStore store, long chainId, BlockHeader genesisHeader, BlockHeader head) {
        this.store = store;
        this.chainId = chainId;
        this.genesisHeader = genesisHeader;
        this.head = head;
        NodeStore stored = store.nodes();
        this.nodes = new NodeStore() {
            @Override
            public Optional<byte[]> get(Hash hash) {
                return stored.get(hash);
            }

            @Override
            public void write(org.parkchain.state.WriteBatch batch) {
                throw new UnsupportedOperationException("stored states are read-only: nodes reach the store only with "
                        + "their block, through Blockchain.append (use WorldState.commit(WriteBatch), not commit())");
            }
        };
    }

    /**
     * Opens the chain in {@code store}: writes the genesis block into an empty store, or reopens a store at its last
     * complete block after checking that it was started from the same genesis.
     *
     * @throws GenesisException when the store holds a chain with another genesis
     * @throws StoreException when the store is damaged (its head block is missing or unreadable)
     */
    public static Blockchain open(ChainStore store, Genesis genesis) {
        Genesis.State state = genesis.buildState();
        BlockHeader genesisHeader = genesis.header(state.root());
        Optional<Hash> headHash = store.head();
        if (headHash.isEmpty()) {
            Block block = new Block(genesisHeader, List.of());
            store.write(new ChainStore.BlockWrite(genesisHeader.hash(), 0, genesisHeader.encode(), block.encodeBody(),
                    encodeReceipts(List.of()), List.of(), state.nodes()));
            return new Blockchain(store, genesis.chainId(), genesisHeader, genesisHeader);
        }
        Hash storedGenesis = store.canonicalHash(0)
                .orElseThrow(() -> new StoreException("the chain database has a head but no block 0"));
        if (!storedGenesis.equals(genesisHeader.hash())) {
            throw new GenesisException("the chain database was started from genesis " + storedGenesis
                    + ", but the genesis given is " + genesisHeader.hash() + " (another genesis file or chain id?)");
        }
        BlockHeader head = readHeader(store, headHash.get())
                .orElseThrow(() -> new StoreException("the head block " + headHash.get() + " is not in the database"));
        return new Blockchain(store, genesis.chainId(), genesisHeader, head);
    }

    public long chainId() {
        return chainId;
    }

    public BlockHeader genesisHeader() {
        return genesisHeader;
    }

    /** The last block appended. */
    public BlockHeader head() {
        return head;
    }

    public Optional<BlockHeader> header(Hash blockHash) {
        return readHeader(store, blockHash);
    }

    /** The canonical header at {@code number}; empty beyond the head. */
    public Optional<BlockHeader> header(long number) {
        if (number < 0 || number > head.number()) {
            return Optional.empty();
        }
        return store.canonicalHash(number).flatMap(this::header);
    }

    public Optional<Block> block(Hash blockHash) {
        return loaded(blockHash).map(RecentBlocks.Entry::block);
    }

    /** The block and its receipts, from the cache or decoded from the store (and then cached). */
    private Optional<RecentBlocks.Entry> loaded(Hash blockHash) {
        RecentBlocks.Entry cached = recent.get(blockHash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<BlockHeader> header = header(blockHash);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = store.body(blockHash)
                .orElseThrow(() -> new StoreException("the body of block " + blockHash + " is missing"));
        byte[] receipts = store.receipts(blockHash)
                .orElseThrow(() -> new StoreException("the receipts of block " + blockHash + " are missing"));
        RecentBlocks.Entry entry;
        try {
            entry = new RecentBlocks.Entry(Block.fromBody(header.get(), body), decodeReceipts(receipts));
        } catch (RlpException e) {
            throw new StoreException("stored block " + blockHash + " is unreadable: " + e.getMessage(), e);
        }
        recent.put(blockHash, entry);
        return Optional.of(entry);
    }

    public Optional<Block> block(long number) {
        return header(number).flatMap(h -> block(h.hash()));
    }

    /** The consensus receipts of a block. */
    public Optional<List<Receipt>> receipts(Hash blockHash) {
        return loaded(blockHash).map(RecentBlocks.Entry::receipts);
    }

    /** The JSON-RPC receipts of a block ({@code eth_getBlockReceipts}). */
    public Optional<List<TransactionReceipt>> transactionReceipts(Hash blockHash) {
        return loaded(blockHash).map(e -> TransactionReceipt.forBlock(e.block(), e.receipts()));
    }

    /** A transaction of the canonical chain by its hash. */
    public Optional<ChainTransaction> transaction(Hash txHash) {
        return store.transactionLocation(txHash).flatMap(loc -> block(loc.blockHash())
                .map(b -> new ChainTransaction(b.transactions().get(loc.index()), b.hash(), b.number(), loc.index())));
    }

    /** A transaction's receipt by the transaction's hash ({@code eth_getTransactionReceipt}). */
    public Optional<TransactionReceipt> receipt(Hash txHash) {
        return store.transactionLocation(txHash)
                .flatMap(loc -> loaded(loc.blockHash()).map(e -> TransactionReceipt.of(e.block(), e.receipts(), loc.index())));
    }

    /**
     * The state after block {@code header}: a fresh {@link WorldState} for reading ({@code eth_call},
     * {@code eth_getBalance}, {@code eth_getProof}). Changes made to it stay in it; nothing reaches the store.
     */
    public WorldState state(BlockHeader header) {
        return new WorldState(nodes, header.stateRoot());
    }

    /**
     * The trie nodes and code of every stored state, for the block executor; read-only (a block's nodes are written
     * with the block by {@link #append}).
     */
    public NodeStore nodes() {
        return nodes;
    }

    /** BLOCKHASH for blocks built on the head: the canonical hash by number, zero when unknown. */
    public BlockContext.BlockHashes blockHashes() {
        return number -> number >= 0 && number <= head.number() ? store.canonicalHash(number).orElse(Hash.ZERO) : Hash.ZERO;
    }

    /**
     * Appends the next block, made by {@link BlockExecutor#build} or checked by {@link BlockExecutor#replay}, in one
     * atomic durable write; then it is the head and the listeners hear of it (on this thread, in order).
     *
     * @throws IllegalArgumentException when the block does not follow the head
     */
    public void append(ExecutedBlock executed) {
        append(executed, List.of());
    }

    /**
     * As {@link #append(ExecutedBlock)}, with {@code extra} auxiliary entries written in the same atomic write as the
     * block (the consensus layer's applied log position, for instance), besides those of the indexers.
     */
    public synchronized void append(ExecutedBlock executed, List<ChainStore.AuxEntry> extra) {
        Block block = executed.block();
        BlockHeader current = head;
        if (!block.header().parentHash().equals(current.hash()) || block.number() != current.number() + 1) {
            throw new IllegalArgumentException("block " + block.number() + " (parent " + block.header().parentHash()
                    + ") does not follow the head " + current.number() + " (" + current.hash() + ")");
        }
        List<Hash> txHashes = new ArrayList<>(block.transactions().size());
        block.transactions().forEach(tx -> txHashes.add(tx.hash()));
        Hash hash = block.hash();
        List<ChainStore.AuxEntry> aux = new ArrayList<>(extra);
        for (BlockIndexer indexer : indexers) {
            aux.addAll(indexer.entries(block, executed.receipts()));
        }
        store.write(new ChainStore.BlockWrite(hash, block.number(), block.header().encode(), block.encodeBody(),
                encodeReceipts(executed.receipts()), txHashes, executed.stateNodes(), aux));
        recent.put(hash, new RecentBlocks.Entry(block, executed.receipts()));
        head = block.header();
        if (!listeners.isEmpty()) {
            NewBlock event = new NewBlock(block, TransactionReceipt.forBlock(block, executed.receipts()));
            for (Consumer<NewBlock> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    // A subscriber's bug must not stop the chain: the block is already durable.
                    LOG.log(System.Logger.Level.WARNING, "new-block listener failed on block " + block.number(), e);
                }
            }
        }
    }

    /**
     * Makes the canonical block {@code number} the head again and forgets the blocks above it: the development chain's
     * evm_revert. Listeners are not told (no block was appended); whoever rewinds resets what depends on the head,
     * such as the pool.
     *
     * @throws IllegalArgumentException when {@code number} is not a block of this chain
     * @throws UnsupportedOperationException when the store cannot rewind (a chain stored on disk)
     */
    public synchronized void rewindTo(long number) {
        BlockHeader current = head;
        if (number < 0 || number > current.number()) {
            throw new IllegalArgumentException("cannot rewind to block " + number + ": the head is " + current.number());
        }
        BlockHeader target = header(number).orElseThrow(() -> new StoreException("block " + number + " is missing"));
        List<Hash> dropped = new ArrayList<>();
        for (long n = number + 1; n <= current.number(); n++) {
            store.canonicalHash(n).ifPresent(dropped::add);
        }
        store.rewind(number);
        dropped.forEach(recent::remove);
        head = target;
    }

    /** Adds an indexer whose entries go into every block appended from now on (see {@link BlockIndexer}). */
    public void addIndexer(BlockIndexer indexer) {
        indexers.add(indexer);
    }

    /** An auxiliary entry kept beside the chain (see {@link ChainStore.AuxEntry}). */
    public Optional<byte[]> aux(byte[] key) {
        return store.aux(key);
    }

    /** Auxiliary entries by key prefix, ascending from {@code from}; see {@link ChainStore#auxRange}. */
    public List<ChainStore.AuxEntry> auxRange(byte[] prefix, byte[] from, int limit) {
        return store.auxRange(prefix, from, limit);
    }

    /** Writes auxiliary entries outside a block, atomically and durably (an index rebuilt from the chain). */
    public void writeAux(List<ChainStore.AuxEntry> entries) {
        store.writeAux(entries);
    }

    /** Calls {@code listener} after every appended block, on the appending thread; keep it short. */
    public void addListener(Consumer<NewBlock> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<NewBlock> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        store.close();
    }

    private static Optional<BlockHeader> readHeader(ChainStore store, Hash hash) {
        return store.header(hash).map(bytes -> {
            try {
                return BlockHeader.decode(bytes);
            } catch (RlpException e) {
                throw new StoreException("stored header " + hash + " is unreadable: " + e.getMessage(), e);
            }
        });
    }

    static byte[] encodeReceipts(List<Receipt> receipts) {
        RlpWriter w = new RlpWriter(64 + receipts.size() * 300);
        w.startList();
        for (Receipt r : receipts) {
            w.writeBytes(r.encode());
        }
        w.endList();
        return w.toByteArray();
    }

    static List<Receipt> decodeReceipts(byte[] stored) {
        RlpReader r = RlpReader.of(stored).readList();
        List<Receipt> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(Receipt.decode(r.readBytes()));
        }
        return out;
    }
}
