package org.parkchain.state;

import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpReader;
import org.parkchain.primitives.rlp.RlpSlice;
import org.parkchain.primitives.rlp.RlpWriter;

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
        return enc.length < EMBED_LIMIT ? enc : Rlp.encodeBytes(hash().bytesUnsafe());
    }

    /** Writes {@link #reference()} into a parent's encoding without building it as a separate array. */
    void writeReference(RlpWriter out) {
        byte[] enc = encoding();
        if (enc.length < EMBED_LIMIT) {
            out.writeRaw(enc);
        } else {
            out.writeHash(hash());
        }
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
            byte[] hexPrefix = Nibbles.hexPrefix(path, true);
            return new RlpWriter(hexPrefix.length + value.length + 12).startList().writeBytes(hexPrefix).writeBytes(value)
                    .endList().toByteArray();
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
            byte[] hexPrefix = Nibbles.hexPrefix(path, false);
            RlpWriter out = new RlpWriter(hexPrefix.length + 40).startList().writeBytes(hexPrefix);
            child.writeReference(out);
            return out.endList().toByteArray();
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
            // Sixteen 33-byte hash references, the value and a 3-byte list header at most: one buffer, no growth.
            RlpWriter out = new RlpWriter(16 * 33 + 3 + (value == null ? 1 : value.length + 9)).startList();
            for (TrieNode child : children) {
                if (child == null) {
                    out.writeRaw(Rlp.EMPTY_STRING);
                } else {
                    child.writeReference(out);
                }
            }
            out.writeBytes(value == null ? EMPTY : value);
            return out.endList().toByteArray();
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
            return Rlp.encodeBytes(hash.bytesUnsafe());
        }

        @Override
        void writeReference(RlpWriter out) {
            out.writeHash(hash);
        }

        @Override
        byte[] encode() {
            throw new IllegalStateException("a stored node is resolved before its encoding is used");
        }
    }

    /**
     * Decodes a node read from the store (or embedded in one), remembering its bytes so it is never re-encoded. The
     * reader works by offsets into {@code encoding}; only paths, values and child hashes are copied out.
     *
     * @throws RlpException when the bytes are not canonical RLP
     * @throws IllegalArgumentException when they are RLP but not a trie node
     */
    static TrieNode decode(byte[] encoding) {
        RlpReader items = RlpReader.of(encoding).readList();
        int count = items.remainingItems();
        TrieNode node;
        if (count == 2) {
            byte[] encodedPath = items.readBytes();
            byte[] path = Nibbles.fromHexPrefix(encodedPath);
            node = Nibbles.isLeaf(encodedPath)
                    ? new Leaf(path, items.readBytes())
                    : new Extension(path, child(items));
        } else if (count == 17) {
            TrieNode[] children = new TrieNode[16];
            for (int i = 0; i < 16; i++) {
                children[i] = child(items);
            }
            byte[] value = items.readBytes();
            node = new Branch(children, value.length == 0 ? null : value);
        } else {
            throw new IllegalArgumentException("a trie node is a list of 2 or 17 items, got " + count);
        }
        node.encoding = encoding;
        node.persisted = true;
        return node;
    }

    private static final byte[] EMPTY = new byte[0];

    /** The next item of a node as a child: empty (none), a 32-byte hash (stored), or an embedded node (a list). */
    private static TrieNode child(RlpReader items) {
        if (items.nextIsList()) {
            return decode(items.readRaw().toArray());
        }
        RlpSlice ref = items.readSlice();
        if (ref.length() == 0) {
            return null;
        }
        if (ref.length() != Hash.SIZE) {
            throw new IllegalArgumentException("a child reference is a 32-byte hash or an embedded node, got " + ref.length() + " bytes");
        }
        return new Stored(Hash.wrap(ref.toArray()));
    }
}
