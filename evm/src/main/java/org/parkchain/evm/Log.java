package org.parkchain.evm;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/** An event emitted by LOG0–LOG4 (or by a native system contract): the emitter, up to four topics, the data. */
public record Log(Address address, List<Hash> topics, byte[] data) {
    public Log {
        topics = List.copyOf(topics);
        if (topics.size() > 4) {
            throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
        }
    }
}
