package org.parkchain.consensus.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parkchain.chain.Block;
import org.parkchain.chain.pool.TransactionRejectedException;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpWriter;
import org.parkchain.primitives.tx.InvalidTransaction;

/**
 * What members say to each other through Ratis, as RLP lists whose first item is the kind. One kind goes into the
 * log: a {@link BlockEntry}. The others are queries answered from a member's own state without touching the log:
 * transactions forwarded to the leader's pool ({@link #TRANSACTIONS}; the pool is not replicated state),
 * copies of the leader's clients' transactions for the followers' pools ({@link #COPIES}), blocks for a
 * member catching up ({@link #BLOCKS}), a member's identity ({@link #IDENTITY}), and which block a member holds at
 * a height ({@link #CANONICAL}: a follower checking that its chain is the leader's).
 */
final class ClusterMessages {
    static final int BLOCK = 1;
    static final int BLOCKS = 3;
    static final int IDENTITY = 4;
    static final int COPIES = 5;
    static final int TRANSACTIONS = 6;
    static final int CANONICAL = 7;
    /** The most blocks one {@link #BLOCKS} answer carries (Ratis' gRPC messages stay far below their size limit). */
    static final int MAX_BLOCKS_PER_ANSWER = 64;

    private ClusterMessages() {}

    /** A sealed block proposed by a leader, with the identity of the chain it was made on. */
    record BlockEntry(ChainIdentity identity, Block block) {
        byte[] encode() {
            return new RlpWriter(block.encode().length + 64).startList().writeLong(BLOCK).writeLong(identity.chainId())
                    .writeHash(identity.genesisHash()).writeBytes(block.encode()).endList().toByteArray();
        }

        static BlockEntry decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            long kind = r.readLong();
            if (kind != BLOCK) {
                throw new IllegalArgumentException("not a block entry (kind " + kind + ")");
            }
            ChainIdentity identity = new ChainIdentity(r.readLong(), r.readHash());
            return new BlockEntry(identity, Block.decode(r.readBytes()));
        }
    }

    static int kind(byte[] bytes) {
        return (int) RlpReader.of(bytes).readList().readLong();
    }

    /**
     * The leader's answer to a forwarded transaction: its hash, or why its pool refused it.
     *
     * @param reason the name of the pool's {@link InvalidTransaction} when refused
     */
    record TransactionAnswer(Hash hash, String reason, String refusal) {
        static TransactionAnswer accepted(Hash hash) {
            return new TransactionAnswer(hash, null, null);
        }

        static TransactionAnswer refused(TransactionRejectedException e) {
            return new TransactionAnswer(null, e.reason().name(), e.getMessage());
        }

        /** Refused, and not merely because the leader has it already. */
        boolean refusedForGood() {
            return reason != null && !reason.equals(InvalidTransaction.ALREADY_KNOWN.name());
        }

        TransactionRejectedException toException() {
            InvalidTransaction r;
            try {
                r = InvalidTransaction.valueOf(reason);
            } catch (IllegalArgumentException e) {
                r = InvalidTransaction.MALFORMED;
            }
            return new TransactionRejectedException(r, refusal);
        }

        byte[] encode() {
            RlpWriter w = new RlpWriter().startList();
            if (hash != null) {
                w.writeLong(0).writeHash(hash);
            } else {
                w.writeLong(1).writeBytes(reason.getBytes(StandardCharsets.UTF_8)).writeBytes(refusal.getBytes(StandardCharsets.UTF_8));
            }
            return w.endList().toByteArray();
        }

        static TransactionAnswer decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            return r.readLong() == 0 ? accepted(r.readHash())
                    : new TransactionAnswer(null, new String(r.readBytes(), StandardCharsets.UTF_8),
                            new String(r.readBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Copies of transactions a leader admitted, for a follower's pool (so a failover does not lose them). */
    static byte[] copiesQuery(List<byte[]> raws) {
        RlpWriter w = new RlpWriter().startList().writeLong(COPIES).startList();
        for (byte[] raw : raws) {
            w.writeBytes(raw);
        }
        return w.endList().endList().toByteArray();
    }

    /** Several forwarded transactions in one query (concurrent client calls on a follower travel together). */
    static byte[] transactionsQuery(List<byte[]> raws) {
        RlpWriter w = new RlpWriter().startList().writeLong(TRANSACTIONS).startList();
        for (byte[] raw : raws) {
            w.writeBytes(raw);
        }
        return w.endList().endList().toByteArray();
    }

    static byte[] encodeAnswers(List<TransactionAnswer> answers) {
        RlpWriter w = new RlpWriter().startList();
        for (TransactionAnswer a : answers) {
            w.writeBytes(a.encode());
        }
        return w.endList().toByteArray();
    }

    static List<TransactionAnswer> decodeAnswers(byte[] bytes) {
        RlpReader r = RlpReader.of(bytes).readList();
        List<TransactionAnswer> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(TransactionAnswer.decode(r.readBytes()));
        }
        return out;
    }

    /** The raw transactions of a {@link #COPIES} or {@link #TRANSACTIONS} query. */
    static List<byte[]> copiesOf(byte[] query) {
        RlpReader r = RlpReader.of(query).readList();
        r.readLong();
        RlpReader list = r.readList();
        List<byte[]> raws = new ArrayList<>();
        while (list.hasNext()) {
            raws.add(list.readBytes());
        }
        return raws;
    }

    static byte[] blocksQuery(long from, int max) {
        return new RlpWriter().startList().writeLong(BLOCKS).writeLong(from).writeLong(max).endList().toByteArray();
    }

    record BlocksQuery(long from, int max) {
        static BlocksQuery decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            r.readLong();
            return new BlocksQuery(r.readLong(), (int) Math.min(r.readLong(), MAX_BLOCKS_PER_ANSWER));
        }
    }

    /** A stored block with the Raft log position whose entry made it the head there. */
    record PositionedBlock(Block block, long term, long index) {}

    /** Blocks from a peer, and the peer's identity and head number when it answered. */
    record BlocksAnswer(ChainIdentity identity, long headNumber, List<PositionedBlock> blocks) {
        byte[] encode() {
            RlpWriter w = new RlpWriter().startList().writeLong(identity.chainId()).writeHash(identity.genesisHash())
                    .writeLong(headNumber).startList();
            for (PositionedBlock b : blocks) {
                w.startList().writeBytes(b.block().encode()).writeLong(b.term()).writeLong(b.index()).endList();
            }
            return w.endList().endList().toByteArray();
        }

        static BlocksAnswer decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            ChainIdentity identity = new ChainIdentity(r.readLong(), r.readHash());
            long head = r.readLong();
            RlpReader list = r.readList();
            List<PositionedBlock> blocks = new ArrayList<>();
            while (list.hasNext()) {
                RlpReader b = list.readList();
                blocks.add(new PositionedBlock(Block.decode(b.readBytes()), b.readLong(), b.readLong()));
            }
            return new BlocksAnswer(identity, head, blocks);
        }
    }

    static byte[] identityQuery() {
        return new RlpWriter().startList().writeLong(IDENTITY).endList().toByteArray();
    }

    record IdentityAnswer(ChainIdentity identity, long headNumber, Hash headHash) {
        byte[] encode() {
            return new RlpWriter().startList().writeLong(identity.chainId()).writeHash(identity.genesisHash())
                    .writeLong(headNumber).writeHash(headHash).endList().toByteArray();
        }

        static IdentityAnswer decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            return new IdentityAnswer(new ChainIdentity(r.readLong(), r.readHash()), r.readLong(), r.readHash());
        }
    }

    static byte[] canonicalQuery(long number) {
        return new RlpWriter().startList().writeLong(CANONICAL).writeLong(number).endList().toByteArray();
    }

    static long canonicalNumberOf(byte[] query) {
        RlpReader r = RlpReader.of(query).readList();
        r.readLong();
        return r.readLong();
    }

    /**
     * A member's answer to {@link #canonicalQuery}: its head's number, and the hash of its block at the height asked
     * ({@link Hash#ZERO} when it has none there yet).
     */
    record CanonicalAnswer(long headNumber, Hash hash) {
        byte[] encode() {
            return new RlpWriter().startList().writeLong(headNumber).writeHash(hash).endList().toByteArray();
        }

        static CanonicalAnswer decode(byte[] bytes) {
            RlpReader r = RlpReader.of(bytes).readList();
            return new CanonicalAnswer(r.readLong(), r.readHash());
        }
    }
}
