package org.parkchain.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Fork;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.state.NodeStore;
import org.parkchain.state.WorldState;
import org.parkchain.state.WriteBatch;

/**
 * Makes and checks blocks under the rules of the fork the schedule puts each block in (by its timestamp). {@link #build} runs candidate transactions in the given order on the
 * parent's state through the {@link TransactionProcessor} (with the EVM's native-contract hook, where the park's
 * system contracts live), leaves out those the {@link TransactionAdmission} refuses or the processor rejects, and
 * stops when no further transaction could fit the gas limit; {@link #replay} re-executes a given block and checks
 * every root and total in its header. Stateless between calls and safe to share; one block runs on one thread.
 *
 * <p>Parkchain has no beacon chain: blocks carry no withdrawals and no blobs, a zero parent beacon block root, and
 * the EIP-4788 system call is not made (no beacon-roots contract exists in a Parkchain genesis). From Prague on a block
 * starts with the EIP-2935 system call ({@link HistoryStorage}) and its header carries the hash of its (always empty)
 * EIP-7685 request list; from Osaka on its RLP is at most EIP-7934's 8 MiB.
 */
public final class BlockExecutor {
    /** The smallest gas any transaction needs; below this much room the block is full. */
    public static final long MIN_TRANSACTION_GAS = 21_000;

    /** Room kept in an EIP-7934 size check for the header and the lists' own encoding. */
    private static final int HEADER_AND_FRAMING = 1_024;

    private final UInt256 chainId;
    private final ForkSchedule forks;
    private final TransactionProcessor processor;
    private final TransactionAdmission admission;

    public BlockExecutor(long chainId, ForkSchedule forks, NativeContracts nativeContracts, TransactionAdmission admission) {
        this.chainId = UInt256.of(chainId);
        this.forks = forks;
        this.processor = new TransactionProcessor(nativeContracts);
        this.admission = admission;
    }

    /** What the block producer chooses for a new block; the rest follows from the parent and the transactions. */
    public record Proposal(Address coinbase, long timestamp, byte[] extraData) {
        public Proposal {
            extraData = extraData.clone();
            if (extraData.length > BlockHeader.MAX_EXTRA_DATA) {
                throw new IllegalArgumentException("extra data is " + extraData.length + " bytes, at most " + BlockHeader.MAX_EXTRA_DATA);
            }
        }

        @Override
        public byte[] extraData() {
            return extraData.clone();
        }
    }

    /** Why a candidate was left out of a built block. */
    public enum SkipCause {
        /** Its signature recovers to no key: it can never be included. */
        BAD_SIGNATURE,
        /** The admission policy refused it on this state. */
        NOT_ADMITTED,
        /** The processor rejected it on this state ({@link Skipped#rejection()} says why; a nonce gap or a too-large gas limit may pass later). */
        REJECTED
    }

    /** A candidate left out, with the reason. */
    public record Skipped(Transaction transaction, SkipCause cause, Optional<InvalidTransaction> rejection,
                          String detail) {}

    /**
     * A new block and what was left out. Candidates neither in the block nor in {@code skipped} were not tried
     * because the block was full.
     */
    public record Built(ExecutedBlock block, List<Skipped> skipped) {}

    /**
     * Builds the block after {@code parent} from {@code candidates}, tried in order. The timestamp is the proposal's,
     * or the parent's plus one when the proposal's is not later (block times must increase).
     *
     * @param nodes where the parent's state is
     * @param blockHashes the hashes of the canonical blocks before the new one (BLOCKHASH)
     */
    public Built build(BlockHeader parent, NodeStore nodes, BlockContext.BlockHashes blockHashes,
                       List<Transaction> candidates, Proposal proposal) {
        return build(parent, new WorldState(nodes, parent.stateRoot()), blockHashes, candidates, proposal);
    }

    /**
     * As {@link #build(BlockHeader, NodeStore, BlockContext.BlockHashes, List, Proposal)}, on a {@link WorldState} the
     * caller keeps from block to block: it must be at {@code parent}'s state root, and is left at the new block's
     * (committed, its new nodes in the returned batch). A sequencer that appends every block it builds saves reading
     * hot accounts and storage back from the store each block; after any failure it must start again from
     * {@link Blockchain#state}. The state's caches grow with every account touched, so renew it now and then.
     *
     * @throws IllegalArgumentException when {@code state} is not at the parent's state root
     */
    public Built build(BlockHeader parent, WorldState state, BlockContext.BlockHashes blockHashes,
                       List<Transaction> candidates, Proposal proposal) {
        requireAt(state, parent);
        return buildOn(parent, state, blockHashes, candidates, proposal);
    }

    /**
     * A block without transactions whose state is the parent's changed by edits made outside any transaction (the
     * development chain's hardhat_setBalance and kin): {@code edited} is the parent's state with the edits applied.
     * Such a block cannot be replayed from its parent, so only a development chain makes one.
     */
    public Built buildWithEdits(BlockHeader parent, WorldState edited, BlockContext.BlockHashes blockHashes,
                                Proposal proposal) {
        return buildOn(parent, edited, blockHashes, List.of(), proposal);
    }

    private Built buildOn(BlockHeader parent, WorldState state, BlockContext.BlockHashes blockHashes,
                          List<Transaction> candidates, Proposal proposal) {
        long timestamp = Math.max(proposal.timestamp(), parent.timestamp() + 1);
        Fork fork = forks.forkAt(timestamp);
        BlockEnvironment env = new BlockEnvironment(fork, proposal.coinbase(), parent.number() + 1, timestamp,
                parent.gasLimit(), FeeMarket.nextBaseFee(parent), parent.hash(), 0, chainId, blockHashes);
        startBlock(state, env, parent);
        List<Transaction> included = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        long gasUsed = 0;
        long size = HEADER_AND_FRAMING;
        for (Transaction tx : candidates) {
            long remaining = env.gasLimit() - gasUsed;
            if (remaining < MIN_TRANSACTION_GAS) {
                break;
            }
            if (size + tx.encodedSize() + 8 > fork.maxBlockSize()) {
                continue; // EIP-7934: it would make the block too large; a smaller one may still fit
            }
            ExecutableTransaction etx;
            try {
                etx = ExecutableTransaction.of(tx);
            } catch (InvalidTransactionException e) {
                skipped.add(new Skipped(tx, SkipCause.BAD_SIGNATURE, Optional.empty(), e.getMessage()));
                continue;
            }
            Optional<String> refusal = admission.refusal(state, env, etx);
            if (refusal.isPresent()) {
                skipped.add(new Skipped(tx, SkipCause.NOT_ADMITTED, Optional.empty(), refusal.get()));
                continue;
            }
            switch (processor.process(state, env, etx, remaining)) {
                case TransactionResult.Rejected r ->
                        skipped.add(new Skipped(tx, SkipCause.REJECTED, Optional.of(r.reason()), r.detail()));
                case TransactionResult.Executed e -> {
                    gasUsed += e.gasUsed();
                    size += tx.encodedSize() + 8;
                    included.add(tx);
                    receipts.add(Receipt.of(tx.type(), e.success(), gasUsed, e.logs()));
                }
            }
        }
        WriteBatch batch = new WriteBatch();
        Hash stateRoot = state.commit(batch);
        BlockHeader header = new BlockHeader(parent.hash(), BlockHeader.EMPTY_OMMERS_HASH, env.coinbase(), stateRoot,
                IndexedTrie.root(encodings(included)), receiptsRoot(receipts), logsBloom(receipts), UInt256.ZERO,
                env.number(), env.gasLimit(), gasUsed, timestamp, proposal.extraData(), env.prevRandao(), 0,
                env.baseFee(), Hash.EMPTY_TRIE_ROOT, 0, 0, Hash.ZERO, requestsHash(fork));
        return new Built(new ExecutedBlock(new Block(header, included), receipts, batch), skipped);
    }

    /**
     * Re-executes {@code block} on {@code parent}'s state and checks it: the header fields that follow from the
     * parent, every transaction admitted and valid, and the gas used, state root, transactions root, receipts root and
     * logs bloom equal to the header's.
     *
     * @throws InvalidBlockException naming the first discrepancy
     */
    public ExecutedBlock replay(BlockHeader parent, NodeStore nodes, BlockContext.BlockHashes blockHashes, Block block) {
        return replay(parent, new WorldState(nodes, parent.stateRoot()), blockHashes, block);
    }

    /**
     * As {@link #replay(BlockHeader, NodeStore, BlockContext.BlockHashes, Block)} on a state the caller keeps (see
     * {@link #build(BlockHeader, WorldState, BlockContext.BlockHashes, List, Proposal)}); after an
     * {@link InvalidBlockException} the state is spoilt and must be dropped.
     */
    public ExecutedBlock replay(BlockHeader parent, WorldState state, BlockContext.BlockHashes blockHashes, Block block) {
        requireAt(state, parent);
        BlockHeader h = block.header();
        require(h.parentHash().equals(parent.hash()), "parent hash " + h.parentHash() + " is not the parent's " + parent.hash());
        require(h.number() == parent.number() + 1, "number " + h.number() + " does not follow " + parent.number());
        require(h.timestamp() > parent.timestamp(), "timestamp " + h.timestamp() + " not after the parent's " + parent.timestamp());
        require(h.gasLimit() == parent.gasLimit() || FeeMarket.isValidGasLimit(parent.gasLimit(), h.gasLimit()),
                "gas limit " + h.gasLimit() + " too far from the parent's " + parent.gasLimit());
        UInt256 baseFee = FeeMarket.nextBaseFee(parent);
        require(h.baseFeePerGas().equals(baseFee), "base fee " + h.baseFeePerGas() + ", expected " + baseFee);
        require(h.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH), "a Parkchain block has no ommers");
        require(h.withdrawalsRoot().equals(Hash.EMPTY_TRIE_ROOT), "a Parkchain block has no withdrawals");
        require(h.difficulty().isZero() && h.nonce() == 0, "difficulty and nonce are zero after the merge");
        require(h.blobGasUsed() == 0 && h.excessBlobGas() == 0, "a Parkchain block carries no blobs");
        require(h.parentBeaconBlockRoot().equals(Hash.ZERO), "the parent beacon block root is zero on Parkchain");
        Fork fork = forks.forkAt(h.timestamp());
        require(h.requestsHash().equals(requestsHash(fork)), "requests hash " + h.requestsHash().map(Hash::toString).orElse("absent")
                + ", expected " + requestsHash(fork).map(Hash::toString).orElse("none") + " under " + fork.name());
        if (fork.maxBlockSize() != Long.MAX_VALUE) {
            int encoded = block.encode().length;
            require(encoded <= fork.maxBlockSize(), "block RLP is " + encoded + " bytes, above " + fork.name()
                    + "'s limit of " + fork.maxBlockSize() + " (EIP-7934)");
        }

        BlockEnvironment env = new BlockEnvironment(fork, h.coinbase(), h.number(), h.timestamp(), h.gasLimit(), baseFee,
                h.mixHash(), 0, chainId, blockHashes);
        startBlock(state, env, parent);
        List<Receipt> receipts = new ArrayList<>();
        long gasUsed = 0;
        List<Transaction> txs = block.transactions();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            ExecutableTransaction etx;
            try {
                etx = ExecutableTransaction.of(tx);
            } catch (InvalidTransactionException e) {
                throw new InvalidBlockException("transaction " + i + " (" + tx.hash() + "): " + e.getMessage());
            }
            Optional<String> refusal = admission.refusal(state, env, etx);
            if (refusal.isPresent()) {
                throw new InvalidBlockException("transaction " + i + " (" + tx.hash() + ") not admitted: " + refusal.get());
            }
            switch (processor.process(state, env, etx, h.gasLimit() - gasUsed)) {
                case TransactionResult.Rejected r -> throw new InvalidBlockException(
                        "transaction " + i + " (" + tx.hash() + ") is invalid: " + r.reason() + ": " + r.detail());
                case TransactionResult.Executed e -> {
                    gasUsed += e.gasUsed();
                    receipts.add(Receipt.of(tx.type(), e.success(), gasUsed, e.logs()));
                }
            }
        }
        require(gasUsed == h.gasUsed(), "gas used " + gasUsed + ", header says " + h.gasUsed());
        Hash txRoot = block.computeTransactionsRoot();
        require(txRoot.equals(h.transactionsRoot()), "transactions root " + txRoot + ", header says " + h.transactionsRoot());
        Hash receiptsRoot = receiptsRoot(receipts);
        require(receiptsRoot.equals(h.receiptsRoot()), "receipts root " + receiptsRoot + ", header says " + h.receiptsRoot());
        Bloom bloom = logsBloom(receipts);
        require(bloom.equals(h.logsBloom()), "logs bloom differs from the header's");
        WriteBatch batch = new WriteBatch();
        Hash stateRoot = state.commit(batch);
        require(stateRoot.equals(h.stateRoot()), "state root " + stateRoot + ", header says " + h.stateRoot());
        return new ExecutedBlock(block, receipts, batch);
    }

    /**
     * Re-executes the transactions of {@code block} up to and including index {@code last} on {@code parent}'s
     * state, as {@link #replay} does but checking nothing, each watched by the tracer {@code tracerFor} gives for its
     * index (null for none). debug_trace* use it; the state is the caller's to drop.
     */
    public List<TransactionResult> trace(BlockHeader parent, WorldState state, BlockContext.BlockHashes blockHashes,
                                         Block block, int last, java.util.function.IntFunction<org.parkchain.evm.Tracer> tracerFor) {
        BlockHeader h = block.header();
        Fork fork = forks.forkAt(h.timestamp());
        BlockEnvironment env = new BlockEnvironment(fork, h.coinbase(), h.number(), h.timestamp(), h.gasLimit(),
                h.baseFeePerGas(), h.mixHash(), 0, chainId, blockHashes);
        startBlock(state, env, parent);
        List<TransactionResult> results = new ArrayList<>();
        long gasUsed = 0;
        List<Transaction> txs = block.transactions();
        for (int i = 0; i <= last && i < txs.size(); i++) {
            ExecutableTransaction etx;
            try {
                etx = ExecutableTransaction.of(txs.get(i));
            } catch (InvalidTransactionException e) {
                throw new IllegalStateException("transaction " + i + " of a stored block: " + e.getMessage(), e);
            }
            TransactionResult result = processor.process(state, env, etx, h.gasLimit() - gasUsed, tracerFor.apply(i));
            if (result instanceof TransactionResult.Executed e) gasUsed += e.gasUsed();
            results.add(result);
        }
        return results;
    }

    /** The fork's block-start system calls: from Prague, EIP-2935's storing of the parent's hash. */
    private void startBlock(WorldState state, BlockEnvironment env, BlockHeader parent) {
        if (env.fork().historyStorage()) {
            HistoryStorage.storeParentHash(processor.evm(env.fork()), state, env.toBlockContext(), parent.hash());
        }
    }

    /** EIP-7685: the header's requests hash, present from Prague on; a Parkchain block never has requests. */
    static java.util.Optional<Hash> requestsHash(Fork fork) {
        return fork.requestsHash() ? java.util.Optional.of(BlockHeader.EMPTY_REQUESTS_HASH) : java.util.Optional.empty();
    }

    /** The fork schedule this executor follows. */
    public ForkSchedule forks() {
        return forks;
    }

    private static void requireAt(WorldState state, BlockHeader parent) {
        // With nothing changed since its last commit this only reads the root: no hashing, no writes.
        Hash root = state.commit(new WriteBatch());
        if (!root.equals(parent.stateRoot())) {
            throw new IllegalArgumentException("the state given is at root " + root + ", not at block "
                    + parent.number() + "'s state root " + parent.stateRoot());
        }
    }

    static Hash receiptsRoot(List<Receipt> receipts) {
        List<byte[]> encodings = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            encodings.add(r.encode());
        }
        return IndexedTrie.root(encodings);
    }

    static Bloom logsBloom(List<Receipt> receipts) {
        List<Bloom> blooms = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            blooms.add(r.bloom());
        }
        return Bloom.union(blooms);
    }

    private static List<byte[]> encodings(List<Transaction> txs) {
        return Arrays.asList(txs.stream().map(Transaction::encode).toArray(byte[][]::new));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidBlockException(message);
        }
    }
}
