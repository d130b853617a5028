package org.parkchain.consensus.raft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;

/**
 * A follower's copies of the transactions clients sent straight to the leader, held as they came, unchecked, until
 * a block mines them or the leader changes. Admitting each copy on arrival (decoding, recovering its sender) made
 * every transaction cost three admissions on a three-member cluster; held, a copy costs a hash until it is needed:
 * when the leader changes, the copies still held are admitted here (and go to the new leader from this member's
 * pool, see {@link TransactionForwarder}), so a leader that dies before mining them does not take them along.
 * At most {@link #MAX_HELD} are held; the oldest go first (a copy whose block came before the copy itself).
 */
final class HeldCopies {
    static final int MAX_HELD = 100_000;

    private final LinkedHashMap<Hash, byte[]> held = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, byte[]> eldest) {
            return size() > MAX_HELD;
        }
    };

    /** Holds copies sent by the leader. */
    synchronized void hold(List<byte[]> raws) {
        for (byte[] raw : raws) {
            held.put(Keccak.hash(raw), raw);
        }
    }

    /** A block mined these: their copies go. */
    synchronized void mined(List<Hash> hashes) {
        hashes.forEach(held::remove);
    }

    /** Every copy still held, oldest first; none is held afterwards. */
    synchronized List<byte[]> release() {
        List<byte[]> all = new ArrayList<>(held.values());
        held.clear();
        return all;
    }

    synchronized int size() {
        return held.size();
    }
}
