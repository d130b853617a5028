package org.parkchain.chain;

import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.MerklePatriciaTrie;

/**
 * The roots a header commits to a block's lists by: a trie mapping {@code RLP(index)} to the index-th item's
 * encoding (the transactions root over EIP-2718 transaction encodings, the receipts root over receipt encodings).
 */
public final class IndexedTrie {
    private IndexedTrie() {}

    /** The root of the trie of {@code RLP(i) -> encodings[i]}; the empty trie's root for an empty list. */
    public static Hash root(List<byte[]> encodings) {
        if (encodings.isEmpty()) {
            return Hash.EMPTY_TRIE_ROOT;
        }
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        for (int i = 0; i < encodings.size(); i++) {
            trie.put(Rlp.encodeLong(i), encodings.get(i));
        }
        return trie.rootHash();
    }
}
