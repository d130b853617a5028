package org.parkchain.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parkchain.primitives.Hash;

/**
 * The content-addressed writes one commit produces (trie nodes and new code). Entries are keyed by the hash of
 * their value, so putting the same key twice is harmless and nothing is ever overwritten with different bytes.
 */
public final class WriteBatch {
    private final Map<Hash, byte[]> puts = new LinkedHashMap<>();

    public void put(Hash hash, byte[] value) {
        puts.put(hash, value);
    }

    public int size() {
        return puts.size();
    }

    public Map<Hash, byte[]> puts() {
        return Collections.unmodifiableMap(puts);
    }
}
