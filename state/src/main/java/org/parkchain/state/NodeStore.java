package org.parkchain.state;

import java.util.Optional;
import org.parkchain.primitives.Hash;

/**
 * Where trie nodes and contract code live, addressed by their Keccak-256 hash. Reads go straight to the store;
 * writes are collected in a {@link WriteBatch} and applied together, so a block's state changes land in one atomic
 * write (RocksDB's write batch maps onto this one to one).
 */
public interface NodeStore {
    /** The bytes stored under {@code hash}: an RLP-encoded trie node or a contract's code. */
    Optional<byte[]> get(Hash hash);

    /** Applies every put of {@code batch} at once: a reader sees all of them or none. */
    void write(WriteBatch batch);
}
