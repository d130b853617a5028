package org.parkchain.state;

import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;

/**
 * The trie as Ethereum's state uses it: the path of a key is Keccak-256 of the key, which keeps the trie balanced
 * whatever keys the users choose (account addresses, storage slots).
 */
public final class SecureTrie {
    private final MerklePatriciaTrie trie;

    public SecureTrie(NodeStore store) {
        this.trie = new MerklePatriciaTrie(store);
    }

    public SecureTrie(NodeStore store, Hash rootHash) {
        this.trie = new MerklePatriciaTrie(store, rootHash);
    }

    public Optional<byte[]> get(byte[] key) {
        return trie.get(Keccak.keccak256(key));
    }

    /** Sets the value under {@code key}; an empty value removes the key. */
    public void put(byte[] key, byte[] value) {
        trie.put(Keccak.keccak256(key), value);
    }

    public void remove(byte[] key) {
        trie.remove(Keccak.keccak256(key));
    }

    public Hash rootHash() {
        return trie.rootHash();
    }

    public Hash commit(WriteBatch batch) {
        return trie.commit(batch);
    }

    /** A Merkle proof for {@code key}, checked by {@link #verifyProof}. */
    public List<byte[]> proof(byte[] key) {
        return trie.proof(Keccak.keccak256(key));
    }

    public static Optional<byte[]> verifyProof(Hash rootHash, byte[] key, List<byte[]> proof) {
        return MerklePatriciaTrie.verifyProof(rootHash, Keccak.keccak256(key), proof);
    }
}
