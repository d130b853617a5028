package org.parkchain.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.FeeMarket;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Receipt;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.pool.PooledTransaction;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.chain.pool.TransactionRejectedException;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.eth.EthBackend;
import org.parkchain.state.WorldState;

/**
 * The eth_* methods' view of this node: the {@link Blockchain} for blocks and state, the {@link TransactionPool}
 * for submissions. Blocks are immutable by hash, so recently read ones are kept with their recovered senders: a
 * client polling for receipts under load would otherwise decode the block and recover every signature per poll.
 */
final class ChainBackend implements EthBackend {
    private static final int CACHED_BLOCKS = 256;

    private final Blockchain chain;
    private final TransactionPool pool;
    private final TransactionProcessor processor;
    private final BlockExecutor executor;
    private final Map<Hash, ChainBlock> blocks = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, ChainBlock> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    private final Map<Hash, List<TransactionReceipt>> receipts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, List<TransactionReceipt>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    /**
     * Where transactions sent to this node go: the pool on a single node; on a cluster member, the pool and then the
     * leader (see {@code RaftMember#submit}).
     */
    interface TransactionIntake {
        Hash submit(byte[] raw);

        Hash submit(Transaction tx);
    }

    private TransactionIntake intake;

    /** Why submissions are refused now (production stopped, disk full), if they are. */
    private final java.util.function.Supplier<Optional<String>> admissionClosed;

    ChainBackend(Blockchain chain, TransactionPool pool, TransactionProcessor processor, BlockExecutor executor) {
        this(chain, pool, processor, executor, Optional::empty);
    }

    /** @param admissionClosed why new transactions must be refused now, if they must: never accept what won't be mined */
    ChainBackend(Blockchain chain, TransactionPool pool, TransactionProcessor processor, BlockExecutor executor,
                 java.util.function.Supplier<Optional<String>> admissionClosed) {
        this.chain = chain;
        this.pool = pool;
        this.processor = processor;
        this.executor = executor;
        this.admissionClosed = admissionClosed;
        this.intake = new TransactionIntake() {
            @Override
            public Hash submit(byte[] raw) {
                return pool.submit(raw);
            }

            @Override
            public Hash submit(Transaction tx) {
                return pool.submit(tx);
            }
        };
    }

    private void requireAdmissionOpen() {
        Optional<String> closed = admissionClosed.get();
        if (closed.isPresent()) {
            throw RpcError.ServerError.of(closed.get()).toException();
        }
    }

    /** Keeps a block the node just appended, so the first reads after it cost nothing. */
    ChainBlock remember(Block block, List<TransactionReceipt> blockReceipts) {
        ChainBlock b = toChainBlock(block);
        synchronized (this) {
            blocks.put(b.hash(), b);
            receipts.put(b.hash(), List.copyOf(blockReceipts));
        }
        return b;
    }

    @Override
    public long chainId() {
        return chain.chainId();
    }

    @Override
    public ChainBlock head() {
        BlockHeader head = chain.head();
        return block(head.hash()).orElseThrow(() -> new IllegalStateException("the head block is not readable"));
    }

    @Override
    public Optional<ChainBlock> block(Hash hash) {
        synchronized (this) {
            ChainBlock cached = blocks.get(hash);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<ChainBlock> read = chain.block(hash).map(ChainBackend::toChainBlock);
        read.ifPresent(b -> {
            synchronized (this) {
                blocks.put(hash, b);
            }
        });
        return read;
    }

    @Override
    public Optional<ChainBlock> block(long number) {
        return chain.header(number).flatMap(h -> block(h.hash()));
    }

    @Override
    public Optional<BlockHeader> header(long number) {
        return chain.header(number);
    }

    @Override
    public List<TransactionReceipt> receipts(Hash blockHash) {
        synchronized (this) {
            List<TransactionReceipt> cached = receipts.get(blockHash);
            if (cached != null) {
                return cached;
            }
        }
        Optional<ChainBlock> block = block(blockHash);
        Optional<List<Receipt>> stored = chain.receipts(blockHash);
        if (block.isEmpty() || stored.isEmpty()) {
            return List.of();
        }
        // The cached block's transactions carry their recovered senders, so deriving receipts recovers nothing.
        List<TransactionReceipt> read = TransactionReceipt.forBlock(
                new Block(block.get().header(), block.get().transactions()), stored.get());
        synchronized (this) {
            receipts.put(blockHash, read);
        }
        return read;
    }

    @Override
    public Optional<TransactionPosition> transactionPosition(Hash txHash) {
        return chain.transaction(txHash).map(t -> new TransactionPosition(t.blockHash(), t.blockNumber(), t.index()));
    }

    @Override
    public WorldState state(BlockHeader header) {
        return chain.state(header);
    }

    @Override
    public TransactionProcessor processor() {
        return processor;
    }

    /** Sends transactions through {@code value} instead of straight into the pool (a cluster member). */
    void intake(TransactionIntake value) {
        this.intake = value;
    }

    @Override
    public org.parkchain.chain.ForkSchedule forks() {
        return chain.forks();
    }

    @Override
    public Hash submit(byte[] raw) {
        requireAdmissionOpen();
        try {
            return intake.submit(raw);
        } catch (TransactionRejectedException e) {
            throw RpcError.ServerError.of(e.getMessage()).toException();
        }
    }

    @Override
    public Hash submit(Transaction tx) {
        requireAdmissionOpen();
        try {
            return intake.submit(tx);
        } catch (TransactionRejectedException e) {
            throw RpcError.ServerError.of(e.getMessage()).toException();
        }
    }

    @Override
    public long pendingNonce(Address sender) {
        return pool.pendingNonce(sender);
    }

    @Override
    public Optional<PendingTransaction> pendingTransaction(Hash hash) {
        return pool.get(hash).map(p -> new PendingTransaction(p.transaction(), p.sender()));
    }

    static PendingTransaction pending(PooledTransaction p) {
        return new PendingTransaction(p.transaction(), p.sender());
    }

    private static ChainBlock toChainBlock(Block block) {
        List<Address> senders = block.transactions().stream().map(Transaction::sender).toList();
        return new ChainBlock(block.header(), block.hash(), block.transactions(), senders, block.encode().length);
    }

    @Override
    public PoolContent poolContent() {
        Map<Address, List<PendingTransaction>> pending = new java.util.TreeMap<>(java.util.Comparator.comparing(Address::toHex));
        Map<Address, List<PendingTransaction>> queued = new java.util.TreeMap<>(java.util.Comparator.comparing(Address::toHex));
        for (Address sender : pool.senders()) {
            List<PendingTransaction> p = pool.pending(sender).stream().map(ChainBackend::pending).toList();
            List<PendingTransaction> q = pool.queued(sender).stream().map(ChainBackend::pending).toList();
            if (!p.isEmpty()) {
                pending.put(sender, p);
            }
            if (!q.isEmpty()) {
                queued.put(sender, q);
            }
        }
        return new PoolContent(pending, queued);
    }

    @Override
    public ChainBlock pendingBlock() {
        BlockHeader parent = chain.head();
        List<Transaction> candidates = pool.select(parent.gasLimit(), FeeMarket.nextBaseFee(parent)).stream()
                .map(PooledTransaction::transaction).toList();
        // Built as the sequencer would build it now, on a state of its own that is then dropped.
        BlockExecutor.Built built = executor.build(parent, chain.nodes(), chain.blockHashes(), candidates,
                new BlockExecutor.Proposal(Address.ZERO, System.currentTimeMillis() / 1000, new byte[0]));
        return toChainBlock(built.block().block());
    }
}
