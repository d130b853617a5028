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

    @Override
    void close();

    /** A transaction's place: the block that holds it and its index there. */
    record TransactionLocation(Hash blockHash, int index) {}

    /**
     * Everything one block adds to the store.
     *
     * @param transactionHashes the hashes of the block's transactions in order, for the transaction index
     * @param stateNodes the trie nodes and code the block's state commit produced
     */
    record BlockWrite(Hash blockHash, long number, byte[] header, byte[] body, byte[] receipts,
                      List<Hash> transactionHashes, WriteBatch stateNodes) {
        public BlockWrite {
            transactionHashes = List.copyOf(transactionHashes);
        }
    }
}
