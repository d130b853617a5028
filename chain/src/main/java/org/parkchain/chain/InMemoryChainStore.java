package org.parkchain.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Hash;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.NodeStore;

/**
 * A {@link ChainStore} in hash maps: for tests and for {@code --dev} without {@code --data-dir}. A block's entries are
 * put before the head moves to it (the head is volatile), so a reader that starts from the head finds them all.
 */
public final class InMemoryChainStore implements ChainStore {
    private final ConcurrentHashMap<Hash, byte[]> headers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, byte[]> bodies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, byte[]> receipts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Hash> canonical = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, TransactionLocation> transactions = new ConcurrentHashMap<>();
    private final InMemoryNodeStore nodes = new InMemoryNodeStore();
    /** Auxiliary entries, ordered by unsigned key bytes as RocksDB orders them. */
    private final ConcurrentSkipListMap<byte[], byte[]> aux = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private volatile Hash head;

    @Override
    public Optional<Hash> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public Optional<byte[]> header(Hash blockHash) {
        return Optional.ofNullable(headers.get(blockHash));
    }

    @Override
    public Optional<byte[]> body(Hash blockHash) {
        return Optional.ofNullable(bodies.get(blockHash));
    }

    @Override
    public Optional<byte[]> receipts(Hash blockHash) {
        return Optional.ofNullable(receipts.get(blockHash));
    }

    @Override
    public Optional<Hash> canonicalHash(long number) {
        return Optional.ofNullable(canonical.get(number));
    }

    @Override
    public Optional<TransactionLocation> transactionLocation(Hash txHash) {
        return Optional.ofNullable(transactions.get(txHash));
    }

    @Override
    public NodeStore nodes() {
        return nodes;
    }

    @Override
    public synchronized void write(BlockWrite block) {
        nodes.write(block.stateNodes());
        headers.put(block.blockHash(), block.header().clone());
        bodies.put(block.blockHash(), block.body().clone());
        receipts.put(block.blockHash(), block.receipts().clone());
        List<Hash> txs = block.transactionHashes();
        for (int i = 0; i < txs.size(); i++) {
            transactions.put(txs.get(i), new TransactionLocation(block.blockHash(), i));
        }
        canonical.put(block.number(), block.blockHash());
        putAux(block.aux());
        head = block.blockHash();
    }

    @Override
    public synchronized void rewind(long number) {
        Hash newHead = canonical.get(number);
        if (newHead == null) {
            throw new IllegalArgumentException("no canonical block " + number + " to rewind to");
        }
        java.util.Set<Hash> dropped = new java.util.HashSet<>();
        for (long n = number + 1; canonical.containsKey(n); n++) {
            dropped.add(canonical.remove(n));
        }
        transactions.values().removeIf(at -> dropped.contains(at.blockHash()));
        for (Hash h : dropped) {
            headers.remove(h);
            bodies.remove(h);
            receipts.remove(h);
        }
        // Trie nodes stay: they are addressed by content, and the kept blocks' states may share them.
        head = newHead;
    }

    @Override
    public Optional<byte[]> aux(byte[] key) {
        return Optional.ofNullable(aux.get(key)).map(byte[]::clone);
    }

    @Override
    public List<AuxEntry> auxRange(byte[] prefix, byte[] from, int limit) {
        List<AuxEntry> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : aux.tailMap(from, true).entrySet()) {
            if (out.size() >= limit || !startsWith(e.getKey(), prefix)) {
                break;
            }
            out.add(new AuxEntry(e.getKey().clone(), e.getValue().clone()));
        }
        return out;
    }

    @Override
    public synchronized void writeAux(List<AuxEntry> entries) {
        putAux(entries);
    }

    private void putAux(List<AuxEntry> entries) {
        for (AuxEntry e : entries) {
            aux.put(e.key().clone(), e.value().clone());
        }
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {}
}
