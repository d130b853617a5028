package org.parkchain.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;

/**
 * The Merkle Patricia Trie of the Yellow Paper (appendix D) over raw byte keys. {@link SecureTrie} is the variant
 * Ethereum's state uses, with Keccak-256 of every key as the path.
 *
 * <p>Nodes are immutable and copy-on-write: an update rebuilds only the path from the root to the changed leaf and
 * shares everything else. Each node computes its RLP encoding and hash at most once, on demand, so a block's worth
 * of updates is hashed once by {@link #rootHash()} or {@link #commit(WriteBatch)} rather than once per update.
 * Nodes loaded from the store keep the bytes they were loaded from and are never re-encoded.
 */
public final class MerklePatriciaTrie {
    private final NodeStore store;
    private TrieNode root;

    /** An empty trie whose nodes will be read from and committed to {@code store}. */
    public MerklePatriciaTrie(NodeStore store) {
        this.store = store;
    }

    /** The trie with root hash {@code rootHash} in {@code store}; nodes are loaded lazily as paths are visited. */
    public MerklePatriciaTrie(NodeStore store, Hash rootHash) {
        this.store = store;
        this.root = rootHash.equals(Hash.EMPTY_TRIE_ROOT) ? null : new TrieNode.Stored(rootHash);
    }

    /** The value under {@code key}, empty when there is none. */
    public Optional<byte[]> get(byte[] key) {
        byte[] path = Nibbles.of(key);
        TrieNode node = root;
        int pos = 0;
        while (node != null) {
            switch (node) {
                case TrieNode.Stored s -> node = resolve(s);
                case TrieNode.Leaf leaf -> {
                    return Nibbles.equalsRange(leaf.path, path, pos) ? Optional.of(leaf.value) : Optional.empty();
                }
                case TrieNode.Extension ext -> {
                    if (!Nibbles.startsWith(path, pos, ext.path)) {
                        return Optional.empty();
                    }
                    pos += ext.path.length;
                    node = ext.child;
                }
                case TrieNode.Branch branch -> {
                    if (pos == path.length) {
                        return Optional.ofNullable(branch.value);
                    }
                    node = branch.children[path[pos++]];
                }
            }
        }
        return Optional.empty();
    }

    /** Sets the value under {@code key}; an empty value removes the key, as in every Ethereum trie. */
    public void put(byte[] key, byte[] value) {
        if (value.length == 0) {
            remove(key);
            return;
        }
        root = insert(root, Nibbles.of(key), 0, value.clone());
    }

    public void remove(byte[] key) {
        root = delete(root, Nibbles.of(key), 0);
    }

    public boolean isEmpty() {
        return root == null;
    }

    /** The root hash, hashing only the nodes changed since the last time it was asked. */
    public Hash rootHash() {
        return root == null ? Hash.EMPTY_TRIE_ROOT : root.hash();
    }

    /**
     * Adds every node created since the last commit to {@code batch} (nodes whose encoding is shorter than 32 bytes
     * live inside their parent, except the root, which is always stored by hash) and returns the root hash.
     */
    public Hash commit(WriteBatch batch) {
        if (root == null) {
            return Hash.EMPTY_TRIE_ROOT;
        }
        commit(root, batch, true);
        return root.hash();
    }

    private static void commit(TrieNode node, WriteBatch batch, boolean isRoot) {
        if (node == null || node.persisted) {
            return;
        }
        switch (node) {
            case TrieNode.Extension ext -> commit(ext.child, batch, false);
            case TrieNode.Branch branch -> {
                for (TrieNode child : branch.children) {
                    commit(child, batch, false);
                }
            }
            case TrieNode.Leaf leaf -> {}
            case TrieNode.Stored stored -> {}
        }
        byte[] encoding = node.encoding();
        if (isRoot || encoding.length >= Hash.SIZE) {
            batch.put(node.hash(), encoding);
        }
        node.persisted = true;
    }

    /**
     * A Merkle proof for {@code key} (EIP-1186): the encodings of the nodes on the path from the root towards the key,
     * root first, leaving out nodes embedded in their parent. It proves the value, or its absence, against
     * {@link #rootHash()}.
     */
    public List<byte[]> proof(byte[] key) {
        List<byte[]> proof = new ArrayList<>();
        byte[] path = Nibbles.of(key);
        TrieNode node = root;
        int pos = 0;
        boolean first = true;
        while (node != null) {
            if (node instanceof TrieNode.Stored s) {
                node = resolve(s);
            }
            byte[] encoding = node.encoding();
            if (first || encoding.length >= Hash.SIZE) {
                proof.add(encoding);
            }
            first = false;
            switch (node) {
                case TrieNode.Leaf leaf -> node = null;
                case TrieNode.Extension ext -> {
                    if (!Nibbles.startsWith(path, pos, ext.path)) {
                        node = null;
                    } else {
                        pos += ext.path.length;
                        node = ext.child;
                    }
                }
                case TrieNode.Branch branch -> node = pos == path.length ? null : branch.children[path[pos++]];
                case TrieNode.Stored s -> throw new IllegalStateException("resolved above");
            }
        }
        return proof;
    }

    /**
     * Checks a proof made by {@link #proof(byte[])}: the value under {@code key} in the trie with root {@code rootHash},
     * or empty when the proof shows the key absent.
     *
     * @throws InvalidProofException when the proof lacks a node on the path (or does not start at the root)
     */
    public static Optional<byte[]> verifyProof(Hash rootHash, byte[] key, List<byte[]> proof) {
        Map<Hash, byte[]> nodes = new HashMap<>();
        for (byte[] node : proof) {
            nodes.put(Keccak.hash(node), node);
        }
        NodeStore proofStore = new NodeStore() {
            @Override
            public Optional<byte[]> get(Hash hash) {
                return Optional.ofNullable(nodes.get(hash));
            }

            @Override
            public void write(WriteBatch batch) {
                throw new UnsupportedOperationException("a proof is read-only");
            }
        };
        try {
            return new MerklePatriciaTrie(proofStore, rootHash).get(key);
        } catch (MissingTrieNodeException e) {
            throw new InvalidProofException("proof does not cover the path to the key: " + e.getMessage());
        }
    }

    /** Calls {@code action} for every key and value, in ascending key order. */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        walk(root, new byte[0], action);
    }

    private void walk(TrieNode node, byte[] prefix, BiConsumer<byte[], byte[]> action) {
        if (node == null) {
            return;
        }
        switch (node) {
            case TrieNode.Stored s -> walk(resolve(s), prefix, action);
            case TrieNode.Leaf leaf -> action.accept(Nibbles.toBytes(Nibbles.concat(prefix, leaf.path)), leaf.value);
            case TrieNode.Extension ext -> walk(ext.child, Nibbles.concat(prefix, ext.path), action);
            case TrieNode.Branch branch -> {
                if (branch.value != null) {
                    action.accept(Nibbles.toBytes(prefix), branch.value);
                }
                for (int i = 0; i < 16; i++) {
                    walk(branch.children[i], Nibbles.concat(prefix, new byte[] {(byte) i}), action);
                }
            }
        }
    }

    // --- updates ------------------------------------------------------------------------------------------------

    private TrieNode insert(TrieNode node, byte[] path, int pos, byte[] value) {
        if (node == null) {
            return new TrieNode.Leaf(Arrays.copyOfRange(path, pos, path.length), value);
        }
        switch (node) {
            case TrieNode.Stored s -> {
                return insert(resolve(s), path, pos, value);
            }
            case TrieNode.Leaf leaf -> {
                int common = Nibbles.commonPrefix(leaf.path, 0, path, pos);
                if (common == leaf.path.length && pos + common == path.length) {
                    return Arrays.equals(leaf.value, value) ? leaf : new TrieNode.Leaf(leaf.path, value);
                }
                TrieNode[] children = new TrieNode[16];
                byte[] branchValue = null;
                if (common == leaf.path.length) {
                    branchValue = leaf.value;
                } else {
                    children[leaf.path[common]] =
                            new TrieNode.Leaf(Arrays.copyOfRange(leaf.path, common + 1, leaf.path.length), leaf.value);
                }
                int rest = pos + common;
                if (rest == path.length) {
                    branchValue = value;
                } else {
                    children[path[rest]] = new TrieNode.Leaf(Arrays.copyOfRange(path, rest + 1, path.length), value);
                }
                TrieNode branch = new TrieNode.Branch(children, branchValue);
                return common == 0 ? branch : new TrieNode.Extension(Arrays.copyOf(leaf.path, common), branch);
            }
            case TrieNode.Extension ext -> {
                int common = Nibbles.commonPrefix(ext.path, 0, path, pos);
                if (common == ext.path.length) {
                    TrieNode child = insert(ext.child, path, pos + common, value);
                    return child == ext.child ? ext : new TrieNode.Extension(ext.path, child);
                }
                TrieNode[] children = new TrieNode[16];
                byte[] branchValue = null;
                children[ext.path[common]] = common + 1 == ext.path.length
                        ? ext.child
                        : new TrieNode.Extension(Arrays.copyOfRange(ext.path, common + 1, ext.path.length), ext.child);
                int rest = pos + common;
                if (rest == path.length) {
                    branchValue = value;
                } else {
                    children[path[rest]] = new TrieNode.Leaf(Arrays.copyOfRange(path, rest + 1, path.length), value);
                }
                TrieNode branch = new TrieNode.Branch(children, branchValue);
                return common == 0 ? branch : new TrieNode.Extension(Arrays.copyOf(ext.path, common), branch);
            }
            case TrieNode.Branch branch -> {
                if (pos == path.length) {
                    return Arrays.equals(branch.value, value) ? branch : new TrieNode.Branch(branch.children.clone(), value);
                }
                int index = path[pos];
                TrieNode child = insert(branch.children[index], path, pos + 1, value);
                if (child == branch.children[index]) {
                    return branch;
                }
                TrieNode[] children = branch.children.clone();
                children[index] = child;
                return new TrieNode.Branch(children, branch.value);
            }
        }
    }

    /** The node without the key; {@code node} itself when the key was absent, so nothing is re-hashed. */
    private TrieNode delete(TrieNode node, byte[] path, int pos) {
        if (node == null) {
            return null;
        }
        switch (node) {
            case TrieNode.Stored s -> {
                TrieNode resolved = resolve(s);
                TrieNode result = delete(resolved, path, pos);
                return result == resolved ? s : result;
            }
            case TrieNode.Leaf leaf -> {
                return Nibbles.equalsRange(leaf.path, path, pos) ? null : leaf;
            }
            case TrieNode.Extension ext -> {
                if (!Nibbles.startsWith(path, pos, ext.path)) {
                    return ext;
                }
                TrieNode child = delete(ext.child, path, pos + ext.path.length);
                if (child == ext.child) {
                    return ext;
                }
                return child == null ? null : prefixed(ext.path, child);
            }
            case TrieNode.Branch branch -> {
                TrieNode[] children = branch.children;
                byte[] value = branch.value;
                if (pos == path.length) {
                    if (value == null) {
                        return branch;
                    }
                    value = null;
                } else {
                    int index = path[pos];
                    TrieNode child = delete(children[index], path, pos + 1);
                    if (child == children[index]) {
                        return branch;
                    }
                    children = children.clone();
                    children[index] = child;
                }
                return normalized(children, value);
            }
        }
    }

    /** A branch left with a single entry is no longer a branch: it folds into a leaf or an extension. */
    private TrieNode normalized(TrieNode[] children, byte[] value) {
        int only = -1;
        int count = value == null ? 0 : 1;
        for (int i = 0; i < 16; i++) {
            if (children[i] != null) {
                count++;
                only = i;
            }
        }
        if (count >= 2) {
            return new TrieNode.Branch(children, value);
        }
        if (count == 0) {
            return null;
        }
        if (only < 0) {
            return new TrieNode.Leaf(new byte[0], value);
        }
        return prefixed(new byte[] {(byte) only}, children[only]);
    }

    /** {@code child} reached through {@code path}: merged into the child's own path when it is a leaf or extension. */
    private TrieNode prefixed(byte[] path, TrieNode child) {
        TrieNode resolved = child instanceof TrieNode.Stored s ? resolve(s) : child;
        return switch (resolved) {
            case TrieNode.Leaf leaf -> new TrieNode.Leaf(Nibbles.concat(path, leaf.path), leaf.value);
            case TrieNode.Extension ext -> new TrieNode.Extension(Nibbles.concat(path, ext.path), ext.child);
            default -> new TrieNode.Extension(path, child);
        };
    }

    private TrieNode resolve(TrieNode.Stored stored) {
        if (stored.resolved == null) {
            byte[] encoding = store.get(stored.hash)
                    .orElseThrow(() -> new MissingTrieNodeException("trie node " + stored.hash + " is not in the store"));
            stored.resolved = TrieNode.decode(encoding);
        }
        return stored.resolved;
    }
}
