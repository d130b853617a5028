package org.parkchain.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.FeeMarket;
import org.parkchain.chain.pool.PooledTransaction;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.state.WorldState;
import org.parkchain.primitives.tx.InvalidTransaction;

/**
 * What a block producer does before a block becomes the head, shared by the solo sequencer and the Raft leader:
 * choose the pool's best pending transactions, have the {@link BlockExecutor} build a block on the parent, and
 * afterwards settle the pool (transactions the block left out are logged and removed unless they may fit later).
 * Appending the block is the caller's business: the solo sequencer appends at once, the Raft leader submits the
 * block to the log and every member appends it when the entry is committed.
 */
public final class BlockProposer {
    private static final System.Logger LOG = System.getLogger(BlockProposer.class.getName());

    /**
     * How many gas limits' worth of transactions to offer the block builder. The pool can only count declared gas
     * limits, but a block fills by the gas actually used (a wallet's limit carries a margin over its estimate: an
     * ERC-20 transfer declares ~57k and uses ~35k), so selecting exactly one gas limit's worth would leave blocks
     * a third empty under load. The builder stops once the block is full; whatever it did not take stays pooled.
     */
    private static final long SELECTION_GAS_LIMITS = 2;

    private final Blockchain chain;
    private final BlockExecutor executor;
    private final TransactionPool pool;
    private final SequencerConfig config;
    private final LongSupplier clockMillis;

    public BlockProposer(Blockchain chain, BlockExecutor executor, TransactionPool pool, SequencerConfig config,
                         LongSupplier clockMillis) {
        this.chain = chain;
        this.executor = executor;
        this.pool = pool;
        this.config = config;
        this.clockMillis = clockMillis;
    }

    /**
     * A block built on {@code parent}, not yet appended.
     *
     * @param lowersBaseFee the block is empty on purpose: transactions wait whose fee cap is below the base fee
     */
    public record Proposed(BlockExecutor.Built built, boolean lowersBaseFee) {
        public Block block() {
            return built.block().block();
        }
    }

    /**
     * Builds the next block on {@code parent} from the pool's best pending transactions.
     *
     * @param state the parent's state (left at the new block's; see {@link BlockExecutor#build})
     * @param allowEmpty whether to build a block when nothing can be included
     * @return empty when there was nothing to include and {@code allowEmpty} is false
     */
    public Optional<Proposed> propose(BlockHeader parent, WorldState state, boolean allowEmpty) {
        UInt256 baseFee = FeeMarket.nextBaseFee(parent);
        List<PooledTransaction> selected = pool.select(saturatingMultiply(parent.gasLimit(), SELECTION_GAS_LIMITS), baseFee);
        // Transactions wait, yet none pays the base fee: an empty block lowers it, if it still can (EIP-1559's
        // integer step stops shrinking it at 7 wei, and an endless run of empty blocks helps nobody).
        boolean lowersBaseFee = selected.isEmpty() && pool.pendingCount() > 0
                && FeeMarket.nextBaseFee(parent.gasLimit(), 0, baseFee).compareTo(baseFee) < 0;
        if (selected.isEmpty() && !allowEmpty && !lowersBaseFee) {
            return Optional.empty();
        }
        List<Transaction> candidates = new ArrayList<>(selected.size());
        for (PooledTransaction p : selected) {
            candidates.add(p.transaction());
        }
        long nowSeconds = clockMillis.getAsLong() / 1000;
        BlockExecutor.Built built = executor.build(parent, state, chain.blockHashes(), candidates,
                new BlockExecutor.Proposal(config.coinbase(), nowSeconds, config.extraData()));
        return Optional.of(new Proposed(built, lowersBaseFee));
    }

    /**
     * After the block became the head: transactions it left out are logged and removed from the pool, except those
     * that may fit a later block.
     */
    public void settle(Proposed proposed) {
        Block block = proposed.block();
        List<Hash> invalid = new ArrayList<>();
        Set<Address> sendersLeftOut = new HashSet<>();
        for (BlockExecutor.Skipped s : proposed.built().skipped()) {
            boolean keep = mayFitLater(s, sendersLeftOut);
            // Kept or removed, a left-out transaction leaves a gap its sender's later nonces fall into.
            senderOf(s.transaction()).ifPresent(sendersLeftOut::add);
            // One that merely waits for the next block is routine under load (the pool offers more than fits, so
            // blocks fill by gas used): thousands of INFO lines per second would cost the producer real time.
            LOG.log(keep ? System.Logger.Level.DEBUG : System.Logger.Level.INFO, () -> "block " + block.number()
                    + ": left out " + s.transaction().hash()
                    + " (" + s.cause() + s.rejection().map(r -> " " + r).orElse("") + ": " + s.detail() + ")"
                    + (keep ? "; it stays in the pool" : "; removed from the pool"));
            if (!keep) {
                invalid.add(s.transaction().hash());
            }
        }
        if (!invalid.isEmpty()) {
            pool.remove(invalid);
        }
    }

    /** The distinct senders of a block's transactions (recovered at admission and kept by the transaction). */
    public static Set<Address> senders(Block block) {
        Set<Address> senders = new HashSet<>();
        for (Transaction tx : block.transactions()) {
            senderOf(tx).ifPresent(senders::add);
        }
        return senders;
    }

    /**
     * Whether a transaction the executor left out may succeed in a later block: one that did not fit the gas left in
     * this one, or a later nonce of a sender whose earlier transaction was left out of this block (deferred, or
     * removed: the removal queues it until the gap is filled again). Anything else — refused by the admission policy,
     * unaffordable, a contract as sender, a nonce the pool got wrong — would be selected and left out again and
     * again, so it goes.
     */
    private static boolean mayFitLater(BlockExecutor.Skipped s, Set<Address> sendersLeftOut) {
        if (s.cause() != BlockExecutor.SkipCause.REJECTED || s.rejection().isEmpty()) {
            return false;
        }
        InvalidTransaction reason = s.rejection().get();
        return reason == InvalidTransaction.BLOCK_GAS_EXHAUSTED
                || reason == InvalidTransaction.NONCE_TOO_HIGH && senderOf(s.transaction()).filter(sendersLeftOut::contains).isPresent();
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }

    private static Optional<Address> senderOf(Transaction tx) {
        try {
            return Optional.of(tx.sender());
        } catch (RuntimeException e) {
            return Optional.empty(); // a signature that recovers to no key has no sender
        }
    }
}
