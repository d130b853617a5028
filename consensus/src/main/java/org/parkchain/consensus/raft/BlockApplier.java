package org.parkchain.consensus.raft;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.ExecutedBlock;
import org.parkchain.chain.InvalidBlockException;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.BlockProposer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.NodeStore;
import org.parkchain.state.WorldState;
import org.parkchain.state.WriteBatch;

/**
 * Applies committed block entries to the local chain, in log order, on one thread (Ratis' state machine updater):
 *
 * <ol>
 *   <li>an entry made on another chain (genesis hash or chain id) halts application, naming both;
 *   <li>a block whose parent is not the local head is a no-op: a deposed leader's stale block, or a block this member
 *       already has (entries after the last durable position are applied again after a restart);
 *   <li>otherwise the block is re-executed ({@link BlockExecutor#replay}: state root, receipts root, gas used and bloom
 *       are compared with its header) and appended with the entry's term and index in the block's own atomic write,
 *       so the applied position is never ahead of or behind the chain;
 *   <li>a block that does not re-execute to its header halts application: this member's state can no longer be
 *       trusted, so it stops and says "diverged at block N: …" instead of forking silently.
 * </ol>
 *
 * The leader skips re-executing a block it built itself (it holds the executed result; see {@link #expectOwn}).
 * Nothing here throws to the caller for a bad block: the outcome says what happened.
 */
public final class BlockApplier {
    private static final System.Logger LOG = System.getLogger(BlockApplier.class.getName());
    /** Where the last applied block entry's term and index are kept (written with that block). */
    static final byte[] APPLIED_KEY = "raft/applied".getBytes(StandardCharsets.US_ASCII);
    /** Prefix of the per-block positions ({@code raft/block/} + 8-byte number), for members catching up from a peer. */
    static final byte[] BLOCK_POSITION_PREFIX = "raft/block/".getBytes(StandardCharsets.US_ASCII);
    private static final long RENEW_STATE_BLOCKS = 256;
    /** The account whose balance the divergence test hook changes by one wei. */
    private static final Address CORRUPTED_ACCOUNT = Address.fromLong(0xd1ed);

    private final Blockchain chain;
    private final BlockExecutor executor;
    private final TransactionPool pool;
    private final ChainIdentity identity;
    private final OptionalLong corruptStateAtBlock;
    private volatile String halted;
    /** The block this member (as leader) built and submitted, executed; applied without re-execution. */
    private volatile ExecutedBlock own;
    /** The head's state, carried between replays; dropped after a failure or a block not replayed here. */
    private WorldState working;
    private long workingBlocks;

    /**
     * @param corruptStateAtBlock TEST ONLY, empty in production: before re-executing this block, one account's
     *     balance in the state read is off by one wei, as if a state write had been corrupted on this member; the
     *     block then fails its state-root check and this member reports divergence
     */
    public BlockApplier(Blockchain chain, BlockExecutor executor, TransactionPool pool, ChainIdentity identity,
                        OptionalLong corruptStateAtBlock) {
        this.chain = chain;
        this.executor = executor;
        this.pool = pool;
        this.identity = identity;
        this.corruptStateAtBlock = corruptStateAtBlock;
    }

    /** What applying one entry did. */
    public sealed interface Outcome {
        record Appended(Block block) implements Outcome {}

        /** The block's parent was not the head: nothing changed. */
        record Stale(long number, Hash parent, long headNumber) implements Outcome {}

        /** Application is stopped (now or earlier); nothing changed. */
        record Halted(String reason) implements Outcome {}
    }

    /** A Raft log position. */
    public record Position(long term, long index) {
        static final Position NONE = new Position(0, -1);

        byte[] encode() {
            return ByteBuffer.allocate(16).putLong(term).putLong(index).array();
        }

        static Position decode(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new Position(b.getLong(), b.getLong());
        }
    }

    public ChainIdentity identity() {
        return identity;
    }

    public Blockchain chain() {
        return chain;
    }

    /** Why application stopped ("diverged at block N: …"), or empty while it runs. */
    public Optional<String> halted() {
        return Optional.ofNullable(halted);
    }

    /** The position of the last block entry applied here, durable with that block; {@link Position#NONE} before any. */
    public Position durablePosition() {
        return chain.aux(APPLIED_KEY).map(Position::decode).orElse(Position.NONE);
    }

    /** The position of the entry that appended block {@code number} here, if it came through the log. */
    public Optional<Position> positionOf(long number) {
        return chain.aux(blockPositionKey(number)).map(Position::decode);
    }

    /** The leader hands over the block it is about to submit, so applying it needs no second execution. */
    void expectOwn(ExecutedBlock executed) {
        own = executed;
    }

    /** Applies the block entry at {@code position}. */
    public synchronized Outcome apply(Position position, ClusterMessages.BlockEntry entry) {
        if (halted != null) {
            return new Outcome.Halted(halted);
        }
        if (!entry.identity().equals(identity)) {
            return haltWith("the log holds blocks of another chain: entry " + position.index() + " was made on "
                    + entry.identity() + ", but this member was started with " + identity
                    + " (another genesis file or chain id?)");
        }
        return append(position, entry.block());
    }

    /** Appends a block fetched from a peer (catching up past the purged log), re-executing it as any other. */
    synchronized Outcome applyFetched(ClusterMessages.PositionedBlock fetched) {
        if (halted != null) {
            return new Outcome.Halted(halted);
        }
        return append(new Position(fetched.term(), fetched.index()), fetched.block());
    }

    private Outcome append(Position position, Block block) {
        BlockHeader head = chain.head();
        if (!block.header().parentHash().equals(head.hash()) || block.number() != head.number() + 1) {
            LOG.log(System.Logger.Level.DEBUG, () -> "entry " + position.index() + ": block " + block.number()
                    + " does not follow the head " + head.number() + "; a no-op");
            return new Outcome.Stale(block.number(), block.header().parentHash(), head.number());
        }
        ExecutedBlock executed;
        ExecutedBlock mine = own;
        try {
            if (mine != null && mine.block().hash().equals(block.hash())) {
                executed = mine;
                working = null; // not replayed here: the carried state is behind the head now
            } else {
                executed = replay(head, block);
            }
            own = null;
            List<ChainStore.AuxEntry> aux = List.of(new ChainStore.AuxEntry(APPLIED_KEY, position.encode()),
                    new ChainStore.AuxEntry(blockPositionKey(block.number()), position.encode()));
            chain.append(executed, aux);
        } catch (InvalidBlockException e) {
            working = null;
            return haltWith("diverged at block " + block.number() + " (" + block.hash() + "): " + e.getMessage());
        } catch (RuntimeException e) {
            working = null;
            return haltWith("cannot apply block " + block.number() + " (" + block.hash() + "): " + e);
        }
        pool.onNewHead(new ChainPoolHead(chain, block.header()), BlockProposer.senders(block));
        return new Outcome.Appended(block);
    }

    private ExecutedBlock replay(BlockHeader parent, Block block) {
        if (corruptStateAtBlock.isPresent() && corruptStateAtBlock.getAsLong() == block.number()) {
            LOG.log(System.Logger.Level.WARNING, "TEST HOOK: corrupting one state write before block " + block.number());
            return executor.replay(parent, corrupted(parent), chain.blockHashes(), block);
        }
        if (working == null || workingBlocks >= RENEW_STATE_BLOCKS) {
            working = chain.state(parent);
            workingBlocks = 0;
        }
        ExecutedBlock executed = executor.replay(parent, working, chain.blockHashes(), block);
        workingBlocks++;
        return executed;
    }

    /**
     * The parent's state as a member with one corrupted state write would read it: the state nodes say one account
     * holds one wei more than it does. The root hash read is still the parent's, so execution starts normally and the
     * block's state root comes out different from its header's.
     */
    private NodeStore corrupted(BlockHeader parent) {
        WorldState state = chain.state(parent);
        state.setBalance(CORRUPTED_ACCOUNT, state.balance(CORRUPTED_ACCOUNT).add(UInt256.ONE));
        state.endTransaction();
        WriteBatch nodes = new WriteBatch();
        Hash corruptedRoot = state.commit(nodes);
        NodeStore stored = chain.nodes();
        return new NodeStore() {
            @Override
            public Optional<byte[]> get(Hash hash) {
                Hash wanted = hash.equals(parent.stateRoot()) ? corruptedRoot : hash;
                byte[] node = nodes.puts().get(wanted);
                return node != null ? Optional.of(node) : stored.get(wanted);
            }

            @Override
            public void write(WriteBatch batch) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }

    /** Stops application for a reason found outside the log (a peer serving another chain). */
    void halt(String reason) {
        haltWith(reason);
    }

    private Outcome haltWith(String reason) {
        halted = reason;
        LOG.log(System.Logger.Level.ERROR, "block application stopped: " + reason);
        return new Outcome.Halted(reason);
    }

    static byte[] blockPositionKey(long number) {
        return ByteBuffer.allocate(BLOCK_POSITION_PREFIX.length + 8).put(BLOCK_POSITION_PREFIX).putLong(number).array();
    }
}
