package org.parkchain.state;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Hash;

/** A {@link NodeStore} in a hash map: for tests, the conformance runners and nodes started without a data folder. */
public final class InMemoryNodeStore implements NodeStore {
    private final ConcurrentHashMap<Hash, byte[]> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> get(Hash hash) {
        return Optional.ofNullable(entries.get(hash));
    }

    @Override
    public void write(WriteBatch batch) {
        // Content-addressed entries never change once written, so applying them one by one is indistinguishable
        // from an atomic write for any reader that reaches them through a root committed after this call.
        entries.putAll(batch.puts());
    }

    public int size() {
        return entries.size();
    }
}
