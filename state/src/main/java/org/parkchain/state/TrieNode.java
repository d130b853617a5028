package org.parkchain.state;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;

/**
 * The four kinds of trie node. Leaves, extensions and branches are immutable once built (an update builds new ones)
 * and remember their RLP encoding and hash after the first time either is asked for; {@link Stored} is a reference by
 * hash to a node still in the store, resolved when a path first goes through it.
 */
abstract sealed class TrieNode {
    /** A child reference shorter than this is embedded in its parent instead of being referenced by hash. */
    private static final int EMBED_LIMIT = Hash.SIZE;

    private byte[] encoding;
    private Hash hash;
    /** Whether the node is already in the store (loaded from it, or written by an earlier commit). */
    boolean persisted;

    final byte[] encoding() {
        if (encoding == null) {
            encoding = encode();
        }
        return encoding;
    }

    Hash hash() {
        if (hash == null) {
            hash = Keccak.hash(encoding());
        }
        return hash;
    }

    abstract byte[] encode();

    /** How a parent refers to this node: its encoding inline when shorter than 32 bytes, else the RLP of its hash. */
    byte[] reference() {
        byte[] enc = encoding();
        return enc.length < EMBED_LIMIT ? enc : TrieRlp.string(hash().bytesUnsafe());
    }

    static final class Leaf extends TrieNode {
        final byte[] path;
        final byte[] value;

        Leaf(byte[] path, byte[] value) {
            this.path = path;
            this.value = value;
        }

        @Override
        byte[] encode() {
            return TrieRlp.list(List.of(TrieRlp.string(Nibbles.hexPrefix(path, true)), TrieRlp.string(value)));
        }
    }

    static final class Extension extends TrieNode {
        final byte[] path;
        final TrieNode child;

        Extension(byte[] path, TrieNode child) {
            this.path = path;
            this.child = child;
        }

        @Override
        byte[] encode() {
            return TrieRlp.list(List.of(TrieRlp.string(Nibbles.hexPrefix(path, false)), child.reference()));
        }
    }

    static final class Branch extends TrieNode {
        /** Sixteen children, {@code null} where there is none. */
        final TrieNode[] children;
        /** The value of the key that ends here, {@code null} when none does. */
        final byte[] value;

        Branch(TrieNode[] children, byte[] value) {
            this.children = children;
            this.value = value;
        }

        @Override
        byte[] encode() {
            List<byte[]> items = new ArrayList<>(17);
            for (TrieNode child : children) {
                items.add(child == null ? TrieRlp.EMPTY_STRING : child.reference());
            }
            items.add(TrieRlp.string(value == null ? new byte[0] : value));
            return TrieRlp.list(items);
        }
    }

    static final class Stored extends TrieNode {
        final Hash hash;
        /** The node once loaded; kept so a path is decoded only once per trie. */
        TrieNode resolved;

        Stored(Hash hash) {
            this.hash = hash;
            this.persisted = true;
        }

        @Override
        Hash hash() {
            return hash;
        }

        @Override
        byte[] reference() {
            return TrieRlp.string(hash.bytesUnsafe());
        }

        @Override
        byte[] encode() {
            throw new IllegalStateException("a stored node is resolved before its encoding is used");
        }
    }

    /** Decodes a node read from the store (or embedded in one), remembering its bytes so it is never re-encoded. */
    static TrieNode decode(byte[] encoding) {
        List<TrieRlp.Item> items = TrieRlp.items(encoding);
        TrieNode node;
        if (items.size() == 2) {
            byte[] encodedPath = items.get(0).string();
            byte[] path = Nibbles.fromHexPrefix(encodedPath);
            node = Nibbles.isLeaf(encodedPath)
                    ? new Leaf(path, items.get(1).string())
                    : new Extension(path, child(items.get(1)));
        } else if (items.size() == 17) {
            TrieNode[] children = new TrieNode[16];
            for (int i = 0; i < 16; i++) {
                children[i] = child(items.get(i));
            }
            byte[] value = items.get(16).string();
            node = new Branch(children, value.length == 0 ? null : value);
        } else {
            throw new IllegalArgumentException("a trie node is a list of 2 or 17 items, got " + items.size());
        }
        node.encoding = encoding;
        node.persisted = true;
        return node;
    }

    private static TrieNode child(TrieRlp.Item item) {
        if (item.isList()) {
            return decode(item.raw());
        }
        byte[] ref = item.string();
        if (ref.length == 0) {
            return null;
        }
        if (ref.length != Hash.SIZE) {
            throw new IllegalArgumentException("a child reference is a 32-byte hash or an embedded node, got " + ref.length + " bytes");
        }
        return new Stored(Hash.of(ref));
    }
}
