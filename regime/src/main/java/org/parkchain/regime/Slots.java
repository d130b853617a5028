package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

/**
 * Storage slot derivation, the way Solidity lays out state variables, so a storage dump of a system contract reads
 * like one of a compiled contract: numbered root slots, {@code keccak(key . slot)} for a mapping entry, the
 * elements of a dynamic array (and the data of a long string) from {@code keccak(slot)} on, struct fields at
 * consecutive slots from the entry's slot.
 */
final class Slots {
    private Slots() {}

    static UInt256 root(long n) {
        return UInt256.of(n);
    }

    /** A mapping entry's slot: which mapping ({@code slot}) and which key. */
    private record Entry(UInt256 slot, UInt256 key) {}

    /**
     * Slots derived lately. A slot is a pure function of its mapping and key, and the park's rules derive the same
     * few (a trader's registry record, its token balance, a market's book) again in every call; block production of
     * exchange orders spent about a tenth of its time hashing them. Bounded: emptied when full. Gas is charged by
     * the callers as before, whether the hash was computed or remembered.
     */
    private static final int REMEMBERED = 1 << 16;
    private static final java.util.Map<Entry, UInt256> DERIVED = new java.util.concurrent.ConcurrentHashMap<>();

    static UInt256 mapping(UInt256 slot, UInt256 key) {
        Entry entry = new Entry(slot, key);
        UInt256 derived = DERIVED.get(entry);
        if (derived == null) {
            derived = hash(slot, key.toBytes32());
            if (DERIVED.size() >= REMEMBERED) {
                DERIVED.clear();
            }
            DERIVED.put(entry, derived);
        }
        return derived;
    }

    static UInt256 mapping(UInt256 slot, byte[] key32) {
        return mapping(slot, UInt256.fromBytes(key32));
    }

    private static UInt256 hash(UInt256 slot, byte[] key32) {
        byte[] buf = new byte[64];
        System.arraycopy(key32, 0, buf, 0, 32);
        System.arraycopy(slot.toBytes32(), 0, buf, 32, 32);
        return UInt256.fromBytes(Keccak.keccak256(buf));
    }

    static UInt256 mapping(UInt256 slot, Address key) {
        return mapping(slot, key.toWord());
    }

    static UInt256 mapping(UInt256 slot, long key) {
        return mapping(slot, UInt256.of(key));
    }

    /** Where element 0 of a dynamic array (or word 0 of a byte string) stored at {@code slot} lives. */
    static UInt256 data(UInt256 slot) {
        return UInt256.fromBytes(Keccak.keccak256(slot.toBytes32()));
    }

    static UInt256 field(UInt256 base, long offset) {
        return base.add(UInt256.of(offset));
    }

    static Hash topic(Address a) {
        return Hash.wrap(a.toWord());
    }

    static Hash topic(UInt256 v) {
        return Hash.wrap(v.toBytes32());
    }

    static Hash topic(long v) {
        return topic(UInt256.of(v));
    }
}
