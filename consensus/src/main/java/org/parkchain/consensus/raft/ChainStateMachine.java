package org.parkchain.consensus.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockHeader;
import org.parkchain.primitives.Hash;

/**
 * The adapter between Ratis and the chain: Ratis' vocabulary on one side (log entries, term and index, snapshots,
 * leadership notifications), {@link BlockApplier} and {@link Callbacks} on the other.
 *
 * <ul>
 *   <li>{@link #applyTransaction}: one committed entry, on Ratis' single updater thread, in log order; never throws
 *       (Ratis shuts the server down when it does): a bad block halts the applier, which the outcome reports.
 *   <li>Snapshots: the chain database is the snapshot. Every block is written with its entry's term and index in one
 *       synced batch, so {@link #takeSnapshot} only reports that durable position; the log before it may be purged.
 *       Ratis' own snapshot shipping is off: a member behind the purged log is told to install a snapshot
 *       ({@link #notifyInstallSnapshotFromLeader}) and fetches the missing blocks from the leader, re-executing
 *       each (so the head's state root is checked against its header before the member serves it).
 *   <li>Leadership: {@code notifyLeaderReady}/{@code notifyNotLeader} bound block production.
 * </ul>
 */
final class ChainStateMachine extends BaseStateMachine {
    private static final System.Logger LOG = System.getLogger(ChainStateMachine.class.getName());

    /** What the member does on Ratis' events. */
    interface Callbacks {
        /** This member became leader and has applied every entry of earlier terms: it may produce blocks. */
        void leaderReady();

        /** This member is no longer leader: stop producing. */
        void notLeader();

        /** Another member (or none, {@code null}) leads now. */
        void leaderChanged(RaftPeerId leader);

        /** Transactions forwarded by a follower: admit them to the pool; one answer each, in order. */
        List<ClusterMessages.TransactionAnswer> forwarded(List<byte[]> raws);

        /** Copies of transactions the leader admitted: keep them for a failover (not forwarded again). */
        void copies(List<byte[]> raws);

        /** Fetch the blocks this member misses from {@code leader} and apply them; the position of the last one. */
        TermIndex catchUp(RaftPeerId leader, TermIndex firstAvailable);
    }

    private final BlockApplier applier;
    private final Callbacks callbacks;

    ChainStateMachine(BlockApplier applier, Callbacks callbacks) {
        this.applier = applier;
        this.callbacks = callbacks;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
        super.initialize(server, groupId, storage);
        getLifeCycle().startAndTransition(this::loadDurablePosition);
    }

    /**
     * Before Ratis reloads this state machine after a catch-up from a peer ({@link #notifyInstallSnapshotFromLeader}):
     * it requires a paused state machine. Nothing is applied meanwhile; the chain database is already consistent.
     */
    @Override
    public void pause() {
        LifeCycle life = getLifeCycle();
        if (life.getCurrentState() == LifeCycle.State.RUNNING) {
            life.transition(LifeCycle.State.PAUSING);
            life.transition(LifeCycle.State.PAUSED);
        }
    }

    /** The chain database after a catch-up: its durable position is where Ratis continues the log. */
    @Override
    public void reinitialize() throws IOException {
        loadDurablePosition();
        LifeCycle life = getLifeCycle();
        if (life.getCurrentState() == LifeCycle.State.PAUSED) {
            life.transition(LifeCycle.State.STARTING);
            life.transition(LifeCycle.State.RUNNING);
        }
    }

    private void loadDurablePosition() {
        BlockApplier.Position p = applier.durablePosition();
        if (p.index() >= 0) {
            setLastAppliedTermIndex(TermIndex.valueOf(p.term(), p.index()));
        }
    }

    /** The durable position is the snapshot: the chain database holds everything up to it. */
    @Override
    public SnapshotInfo getLatestSnapshot() {
        BlockApplier.Position p = applier.durablePosition();
        if (p.index() < 0) {
            return null;
        }
        TermIndex at = TermIndex.valueOf(p.term(), p.index());
        return new SnapshotInfo() {
            @Override
            public TermIndex getTermIndex() {
                return at;
            }

            @Override
            public List<FileInfo> getFiles() {
                return List.of();
            }
        };
    }

    /**
     * Every block is already durable with its position (a synced write), and entries are applied synchronously, so
     * no apply is in flight: the snapshot is the durable position, nothing to write.
     */
    @Override
    public long takeSnapshot() {
        long index = applier.durablePosition().index();
        LOG.log(System.Logger.Level.INFO, () -> "snapshot: the chain database up to log index " + index);
        return index;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        RaftProtos.LogEntryProto entry = trx.getLogEntry();
        TermIndex at = TermIndex.valueOf(entry);
        BlockApplier.Outcome outcome;
        try {
            ClusterMessages.BlockEntry block = ClusterMessages.BlockEntry.decode(
                    entry.getStateMachineLogEntry().getLogData().toByteArray());
            outcome = applier.apply(new BlockApplier.Position(at.getTerm(), at.getIndex()), block);
        } catch (RuntimeException e) {
            // An entry that is not a block: nothing we wrote; say so and go on (the log is the same on every member).
            LOG.log(System.Logger.Level.ERROR, "log entry " + at + " is not a block entry: " + e);
            outcome = new BlockApplier.Outcome.Halted("log entry " + at.getIndex() + " is unreadable: " + e.getMessage());
        }
        updateLastAppliedTermIndex(at.getTerm(), at.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(describe(outcome)));
    }

    /** The reply the producer reads: "appended N", "stale N", or "halted: reason". */
    static String describe(BlockApplier.Outcome outcome) {
        return switch (outcome) {
            case BlockApplier.Outcome.Appended a -> "appended " + a.block().number();
            case BlockApplier.Outcome.Stale s -> "stale " + s.number();
            case BlockApplier.Outcome.Halted h -> "halted: " + h.reason();
        };
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        try {
            byte[] bytes = request.getContent().toByteArray();
            byte[] answer = switch (ClusterMessages.kind(bytes)) {
                case ClusterMessages.BLOCKS -> blocks(ClusterMessages.BlocksQuery.decode(bytes)).encode();
                case ClusterMessages.TRANSACTIONS -> ClusterMessages.encodeAnswers(
                        callbacks.forwarded(ClusterMessages.copiesOf(bytes)));
                case ClusterMessages.COPIES -> {
                    callbacks.copies(ClusterMessages.copiesOf(bytes));
                    yield new byte[0];
                }
                case ClusterMessages.CANONICAL -> {
                    long number = ClusterMessages.canonicalNumberOf(bytes);
                    yield new ClusterMessages.CanonicalAnswer(applier.chain().head().number(), applier.chain()
                            .header(number).map(BlockHeader::hash).orElse(Hash.ZERO)).encode();
                }
                case ClusterMessages.IDENTITY -> {
                    BlockHeader head = applier.chain().head();
                    yield new ClusterMessages.IdentityAnswer(applier.identity(), head.number(), head.hash()).encode();
                }
                default -> throw new IllegalArgumentException("unknown query kind");
            };
            return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(answer)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Queries are answered from this member's own state, whatever its applied index (peers ask who we are). */
    @Override
    public CompletableFuture<Message> queryStale(Message request, long minIndex) {
        return query(request);
    }

    private ClusterMessages.BlocksAnswer blocks(ClusterMessages.BlocksQuery q) {
        long head = applier.chain().head().number();
        List<ClusterMessages.PositionedBlock> blocks = new ArrayList<>();
        for (long n = Math.max(1, q.from()); n <= head && blocks.size() < q.max(); n++) {
            Block block = applier.chain().block(n).orElseThrow();
            BlockApplier.Position p = applier.positionOf(n).orElse(BlockApplier.Position.NONE);
            blocks.add(new ClusterMessages.PositionedBlock(block, p.term(), p.index()));
        }
        return new ClusterMessages.BlocksAnswer(applier.identity(), head, blocks);
    }

    @Override
    public void notifyLeaderReady() {
        callbacks.leaderReady();
    }

    @Override
    public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
        callbacks.notLeader();
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId groupMemberId, RaftPeerId newLeaderId) {
        callbacks.leaderChanged(newLeaderId);
    }

    @Override
    public CompletableFuture<TermIndex> notifyInstallSnapshotFromLeader(RaftProtos.RoleInfoProto roleInfo,
                                                                       TermIndex firstTermIndexInLog) {
        RaftPeerId leader = RaftPeerId.valueOf(roleInfo.getFollowerInfo().getLeaderInfo().getId().getId());
        LOG.log(System.Logger.Level.INFO, () -> "behind the leader's purged log (its first entry is " + firstTermIndexInLog
                + "): fetching the missing blocks from " + leader);
        return CompletableFuture.supplyAsync(() -> callbacks.catchUp(leader, firstTermIndexInLog));
    }
}
