package org.parkchain.chain;

import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Hash;
import org.parkchain.state.NodeStore;
import org.parkchain.state.WriteBatch;

/**
 * Where the chain lives: encoded headers, bodies and receipts by block hash, the canonical hash by number, the
 * location of every transaction by its hash, the state's trie nodes and code, and the head pointer. The store knows
 * bytes and indexes, not their meaning; {@link Blockchain} encodes and decodes.
 *
 * <p>{@link #write} is the only way to change a store, and it is all-or-nothing: a block's header, body, receipts,
 * state nodes, indexes and the new head land together (a durable, synced write on disk), so a reader or a restarted
 * node sees every block complete or not at all. Reads may run on any thread concurrently with one writer.
 */
public interface ChainStore extends AutoCloseable {
    /** The hash of the last completely written block; empty for a new store. */
    Optional<Hash> head();

    Optional<byte[]> header(Hash blockHash);

    /** The block body's RLP: {@code [transactions, ommers, withdrawals]}. */
    Optional<byte[]> body(Hash blockHash);

    /** The RLP list of the block's receipt encodings. */
    Optional<byte[]> receipts(Hash blockHash);

    /** The hash of the block at {@code number} on the chain ending at the head. */
    Optional<Hash> canonicalHash(long number);

    /** Where the transaction with hash {@code txHash} is on the canonical chain. */
    Optional<TransactionLocation> transactionLocation(Hash txHash);

    /** The trie nodes and contract code, read-only here: their writes come with {@link #write}. */
    NodeStore nodes();

    /** Writes one block and makes it the head, atomically and durably. */
    void write(BlockWrite block);

    /** An auxiliary entry: see {@link AuxEntry}. */
    Optional<byte[]> aux(byte[] key);

    /**
     * Auxiliary entries whose key starts with {@code prefix}, in ascending key order, starting at the first key
     * {@code >= from} ({@code from} = {@code prefix} to start at the beginning), at most {@code limit} of them.
     */
    List<AuxEntry> auxRange(byte[] prefix, byte[] from, int limit);

    /**
     * Writes auxiliary entries outside a block, atomically and durably (an index rebuilt from the chain, a snapshot's
     * bookkeeping). Entries that belong to a block go in its {@link BlockWrite#aux()} instead.
     */
    void writeAux(List<AuxEntry> entries);

    /**
     * Makes the canonical block {@code number} the head again, forgetting the blocks above it (their headers, bodies,
     * receipts and transaction locations). Only a development chain does this (evm_revert); a store that keeps a
     * real chain refuses.
     *
     * @throws UnsupportedOperationException when this store cannot rewind
     */
    default void rewind(long number) {
        throw new UnsupportedOperationException("this chain store cannot rewind (only an in-memory --dev chain can)");
    }

    @Override
    void close();

    /** A transaction's place: the block that holds it and its index there. */
    record TransactionLocation(Hash blockHash, int index) {}

    /**
     * An entry that parts of the node above the chain keep beside it, so that it is exactly as durable as the blocks:
     * the consensus layer's applied log position, the explorer's indexes. Keys are namespaced by their owner with a
     * short ASCII prefix ({@code "raft/"}, {@code "idx/"}); the store knows bytes, not their meaning.
     */
    record AuxEntry(byte[] key, byte[] value) {
        public AuxEntry {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Everything one block adds to the store.
     *
     * @param transactionHashes the hashes of the block's transactions in order, for the transaction index
     * @param stateNodes the trie nodes and code the block's state commit produced
     * @param aux auxiliary entries that must land with this block and never without it
     */
    record BlockWrite(Hash blockHash, long number, byte[] header, byte[] body, byte[] receipts,
                      List<Hash> transactionHashes, WriteBatch stateNodes, List<AuxEntry> aux) {
        public BlockWrite {
            transactionHashes = List.copyOf(transactionHashes);
            aux = List.copyOf(aux);
        }

        public BlockWrite(Hash blockHash, long number, byte[] header, byte[] body, byte[] receipts,
                          List<Hash> transactionHashes, WriteBatch stateNodes) {
            this(blockHash, number, header, body, receipts, transactionHashes, stateNodes, List.of());
        }
    }
}
