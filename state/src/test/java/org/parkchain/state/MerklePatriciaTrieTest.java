package org.parkchain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hash;

class MerklePatriciaTrieTest {
    /** One step of a random workload: put (value may be empty, which deletes) or remove. */
    record Op(boolean remove, byte[] key, byte[] value) {}

    @Provide
    Arbitrary<List<Op>> workloads() {
        // Few short keys over a tiny alphabet, so keys share prefixes, extend each other and collide often;
        // values from 1 to 40 bytes cross the 32-byte embedding threshold in both directions.
        Arbitrary<byte[]> keys = Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(3)
                .map(b -> { for (int i = 0; i < b.length; i++) b[i] = (byte) (b[i] * 0x11); return b; });
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40);
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3), keys, values)
                .as((kind, k, v) -> new Op(kind == 0, k, v));
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void rootMatchesTheYellowPaperDefinitionAfterAnyUpdates(@ForAll("workloads") List<Op> ops) {
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        ReferenceTrie reference = new ReferenceTrie();
        for (Op op : ops) {
            if (op.remove()) {
                trie.remove(op.key());
                reference.remove(op.key());
            } else {
                trie.put(op.key(), op.value());
                reference.put(op.key(), op.value());
            }
        }
        assertThat(trie.rootHash()).isEqualTo(reference.rootHash());
        for (Op op : ops) {
            assertThat(trie.get(op.key()).orElse(null)).isEqualTo(reference.get(op.key()));
        }
    }

    @Property(tries = 200)
    void committedTrieReloadsAndKeepsChangingCorrectly(@ForAll("workloads") List<Op> first, @ForAll("workloads") List<Op> second) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
        ReferenceTrie reference = new ReferenceTrie();
        apply(first, trie, reference);
        WriteBatch batch = new WriteBatch();
        Hash root = trie.commit(batch);
        store.write(batch);

        MerklePatriciaTrie reloaded = new MerklePatriciaTrie(store, root);
        assertThat(reloaded.rootHash()).isEqualTo(root);
        apply(second, reloaded, reference);
        assertThat(reloaded.rootHash()).isEqualTo(reference.rootHash());
        for (Op op : second) {
            assertThat(reloaded.get(op.key()).orElse(null)).isEqualTo(reference.get(op.key()));
        }
    }

    @Property(tries = 200)
    void proofsProveValuesAndAbsences(@ForAll("workloads") List<Op> ops) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
        ReferenceTrie reference = new ReferenceTrie();
        apply(ops, trie, reference);
        Hash root = trie.rootHash();
        for (Op op : ops) {
            Optional<byte[]> proven = MerklePatriciaTrie.verifyProof(root, op.key(), trie.proof(op.key()));
            assertThat(proven.orElse(null)).isEqualTo(reference.get(op.key()));
        }
    }

    private static void apply(List<Op> ops, MerklePatriciaTrie trie, ReferenceTrie reference) {
        for (Op op : ops) {
            if (op.remove()) {
                trie.remove(op.key());
                reference.remove(op.key());
            } else {
                trie.put(op.key(), op.value());
                reference.put(op.key(), op.value());
            }
        }
    }

    @Test
    void emptyTrieHasTheWellKnownEmptyRoot() {
        assertThat(new MerklePatriciaTrie(new InMemoryNodeStore()).rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    }

    @Test
    void rootOfTheDogsExampleMatchesEthereumTests() {
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        trie.put(utf8("doe"), utf8("reindeer"));
        trie.put(utf8("dog"), utf8("puppy"));
        trie.put(utf8("dogglesworth"), utf8("cat"));
        assertThat(trie.rootHash())
                .isEqualTo(Hash.fromHex("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));
    }

    @Test
    void proofWithAMissingNodeIsRejected() {
        MerklePatriciaTrie trie = new MerklePatriciaTrie(new InMemoryNodeStore());
        for (int i = 0; i < 50; i++) {
            trie.put(utf8("key" + i), utf8("a value long enough to be stored by hash " + i));
        }
        List<byte[]> proof = trie.proof(utf8("key7"));
        assertThat(proof.size()).isGreaterThan(1);
        assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(trie.rootHash(), utf8("key7"), proof.subList(0, 1)))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void commitWritesOnlyNewNodes() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerklePatriciaTrie trie = new MerklePatriciaTrie(store);
        for (int i = 0; i < 100; i++) {
            trie.put(utf8("key" + i), utf8("a value long enough to be stored by hash " + i));
        }
        WriteBatch first = new WriteBatch();
        trie.commit(first);
        store.write(first);
        trie.put(utf8("key5"), utf8("changed"));
        WriteBatch second = new WriteBatch();
        trie.commit(second);
        // Only the path from the root to key5 is new: a handful of nodes, not the whole trie.
        assertThat(second.size()).isBetween(1, 5);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
