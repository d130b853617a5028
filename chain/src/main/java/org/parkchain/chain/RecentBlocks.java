package org.parkchain.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Hash;

/** A small least-recently-used cache of decoded blocks and their receipts; thread-safe. */
final class RecentBlocks {
    record Entry(Block block, List<Receipt> receipts) {}

    private final Map<Hash, Entry> entries;

    RecentBlocks(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Hash, RecentBlocks.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Entry get(Hash blockHash) {
        return entries.get(blockHash);
    }

    synchronized void remove(Hash blockHash) {
        entries.remove(blockHash);
    }

    synchronized void put(Hash blockHash, Entry entry) {
        entries.put(blockHash, entry);
    }
}
