package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Hash;
import org.parkchain.state.Account;
import org.parkchain.state.MerklePatriciaTrie;
import org.parkchain.state.NodeStore;

/**
 * Checks that a {@link ChainStore} holds a chain that can be served: what {@code ./parkchain db check} reports and
 * what a node verifies before it serves. {@link #quick} looks at the head only (its header, body, receipts and
 * state root are present and agree), cheap enough for every start; {@link #full} also walks the canonical headers
 * back to genesis (each the parent of the next, with its body and receipts, receipts matching the header's root) and
 * every node of the head's state (accounts and their storage).
 */
public final class ChainCheck {
    /** What a check found: problems (empty when the store is sound) and what it looked at. */
    public record Report(List<String> problems, long headNumber, long blocksChecked, long stateEntries) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean sound() {
            return problems.isEmpty();
        }
    }

    private ChainCheck() {}

    /** The head's header, body, receipts and state root node: a missing piece here means the store cannot serve. */
    public static Report quick(ChainStore store) {
        List<String> problems = new ArrayList<>();
        Optional<BlockHeader> head = head(store, problems);
        head.ifPresent(h -> {
            checkBlock(store, h, problems);
            if (!h.stateRoot().equals(Hash.EMPTY_TRIE_ROOT) && store.nodes().get(h.stateRoot()).isEmpty()) {
                problems.add("the state root " + h.stateRoot() + " of the head block " + h.number()
                        + " is missing from the database");
            }
        });
        return new Report(problems, head.map(BlockHeader::number).orElse(-1L), head.isPresent() ? 1 : 0, 0);
    }

    /** Every canonical block back to genesis, and the whole state of the head. */
    public static Report full(ChainStore store) {
        List<String> problems = new ArrayList<>();
        Optional<BlockHeader> head = head(store, problems);
        if (head.isEmpty()) {
            return new Report(problems, -1, 0, 0);
        }
        long blocks = 0;
        BlockHeader current = head.get();
        while (true) {
            blocks++;
            checkBlock(store, current, problems);
            Optional<Hash> canonical = store.canonicalHash(current.number());
            if (canonical.isEmpty() || !canonical.get().equals(current.hash())) {
                problems.add("the canonical index at block " + current.number() + " does not point at " + current.hash());
            }
            if (current.number() == 0 || problems.size() > 20) {
                break;
            }
            Optional<BlockHeader> parent = readHeader(store, current.parentHash(), problems);
            if (parent.isEmpty()) {
                problems.add("block " + current.number() + "'s parent " + current.parentHash() + " is missing");
                break;
            }
            if (parent.get().number() != current.number() - 1) {
                problems.add("block " + current.number() + "'s parent has number " + parent.get().number());
                break;
            }
            current = parent.get();
        }
        long entries = 0;
        try {
            entries = walkState(store.nodes(), head.get().stateRoot());
        } catch (RuntimeException e) {
            problems.add("the state of the head block " + head.get().number() + " is incomplete: " + e.getMessage());
        }
        return new Report(problems, head.get().number(), blocks, entries);
    }

    private static Optional<BlockHeader> head(ChainStore store, List<String> problems) {
        Optional<Hash> headHash;
        try {
            headHash = store.head();
        } catch (RuntimeException e) {
            problems.add("the head pointer is unreadable: " + e.getMessage());
            return Optional.empty();
        }
        if (headHash.isEmpty()) {
            problems.add("the database has no head block (an empty or damaged store)");
            return Optional.empty();
        }
        Optional<BlockHeader> head = readHeader(store, headHash.get(), problems);
        if (head.isEmpty()) {
            problems.add("the head points at block " + headHash.get() + ", which is not in the database");
        }
        return head;
    }

    private static Optional<BlockHeader> readHeader(ChainStore store, Hash hash, List<String> problems) {
        try {
            return store.header(hash).map(BlockHeader::decode);
        } catch (RuntimeException e) {
            problems.add("the header of " + hash + " is unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkBlock(ChainStore store, BlockHeader header, List<String> problems) {
        Hash hash = header.hash();
        try {
            if (store.body(hash).isEmpty()) {
                problems.add("block " + header.number() + " (" + hash + ") has no body");
            }
            Optional<byte[]> receipts = store.receipts(hash);
            if (receipts.isEmpty()) {
                problems.add("block " + header.number() + " (" + hash + ") has no receipts");
            } else if (!BlockExecutor.receiptsRoot(Blockchain.decodeReceipts(receipts.get())).equals(header.receiptsRoot())) {
                problems.add("block " + header.number() + "'s receipts do not match its header's receipts root");
            }
        } catch (RuntimeException e) {
            problems.add("block " + header.number() + " (" + hash + ") is unreadable: " + e.getMessage());
        }
    }

    /** Reads every account and storage entry under {@code root}; a missing node throws. */
    private static long walkState(NodeStore nodes, Hash root) {
        long[] entries = {0};
        List<Hash> storageRoots = new ArrayList<>();
        new MerklePatriciaTrie(nodes, root).forEach((key, value) -> {
            entries[0]++;
            Hash storageRoot = Account.fromRlp(value).storageRoot();
            if (!storageRoot.equals(Hash.EMPTY_TRIE_ROOT)) {
                storageRoots.add(storageRoot);
            }
        });
        for (Hash storageRoot : storageRoots) {
            new MerklePatriciaTrie(nodes, storageRoot).forEach((key, value) -> entries[0]++);
        }
        return entries[0];
    }
}
