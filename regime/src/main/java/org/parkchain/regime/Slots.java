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

    static UInt256 mapping(UInt256 slot, byte[] key32) {
        byte[] buf = new byte[64];
        System.arraycopy(key32, 0, buf, 0, 32);
        System.arraycopy(slot.toBytes32(), 0, buf, 32, 32);
        return UInt256.fromBytes(Keccak.keccak256(buf));
    }

    static UInt256 mapping(UInt256 slot, Address key) {
        return mapping(slot, key.toWord());
    }

    static UInt256 mapping(UInt256 slot, UInt256 key) {
        return mapping(slot, key.toBytes32());
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
