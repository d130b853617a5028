package org.parkchain.regime;

import java.nio.charset.StandardCharsets;
import org.parkchain.evm.gas.GasCalc;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Typed access to one system contract's storage slots, charging each read and write what SLOAD and SSTORE cost
 * (EIP-2929 cold/warm, EIP-2200 and EIP-3529 net metering with refunds) by the EVM's own {@link GasCalc} rules. All contract state goes through here,
 * so it lives in the state trie like any contract's storage and is journaled by the world's snapshots.
 */
final class ContractStorage {
    private final Frame frame;
    private final Address self;

    ContractStorage(Frame frame, Address self) {
        this.frame = frame;
        this.self = self;
    }

    UInt256 load(UInt256 slot) {
        WorldView world = frame.world;
        frame.charge(GasCalc.sload(NativeGas.FORK.gas(), !world.warmSlot(self, slot)));
        return world.storage(self, slot);
    }

    void store(UInt256 slot, UInt256 value) {
        frame.requireWritable();
        WorldView world = frame.world;
        boolean cold = !world.warmSlot(self, slot);
        GasCalc.StorageCharge charge = GasCalc.sstore(NativeGas.FORK.gas(), cold, world.committedStorage(self, slot),
                world.storage(self, slot), value);
        frame.charge(charge.gas());
        if (charge.refund() != 0) {
            world.addRefund(charge.refund());
        }
        world.setStorage(self, slot, value);
    }

    /**
     * A mapping entry's slot, {@code keccak(key . slot)}, charged as the KECCAK256 of 64 bytes that computes it (a
     * caller that keeps the slot, as Solidity keeps a storage pointer, hashes once).
     */
    UInt256 mapping(UInt256 slot, UInt256 key) {
        frame.charge(GasCalc.keccak256(NativeGas.FORK, 64));
        return Slots.mapping(slot, key);
    }

    UInt256 mapping(UInt256 slot, long key) {
        return mapping(slot, UInt256.of(key));
    }

    // --- typed views of a slot ---------------------------------------------------------------------------------

    Address address(UInt256 slot) {
        return Address.fromWord(load(slot).toBytes32());
    }

    void store(UInt256 slot, Address value) {
        store(slot, UInt256.fromBytes(value.toWord()));
    }

    boolean flag(UInt256 slot) {
        return !load(slot).isZero();
    }

    void store(UInt256 slot, boolean value) {
        store(slot, value ? UInt256.ONE : UInt256.ZERO);
    }

    /** A value the contract itself only ever stores below 2^64 (timestamps, counters, enum members). */
    long small(UInt256 slot) {
        return load(slot).u0;
    }

    void store(UInt256 slot, long value) {
        store(slot, UInt256.of(value));
    }

    Hash hash(UInt256 slot) {
        return Hash.wrap(load(slot).toBytes32());
    }

    void store(UInt256 slot, Hash value) {
        store(slot, UInt256.fromBytes(value.bytesUnsafe()));
    }

    /**
     * A byte string (a {@code string} or {@code bytes}): its length at {@code slot}, its data in whole words from
     * {@code keccak(slot)} on. (Solidity packs short strings into the length slot; one layout for all lengths keeps
     * this simple and costs one slot more for short names.)
     */
    byte[] bytes(UInt256 slot) {
        UInt256 length = load(slot);
        // Only this class writes the length, bounded by the call data that carried the string.
        int n = (int) length.u0;
        byte[] out = new byte[n];
        UInt256 data = Slots.data(slot);
        for (int word = 0; word * 32 < n; word++) {
            byte[] w = load(Slots.field(data, word)).toBytes32();
            System.arraycopy(w, 0, out, word * 32, Math.min(32, n - word * 32));
        }
        return out;
    }

    void store(UInt256 slot, byte[] value) {
        store(slot, UInt256.of(value.length));
        UInt256 data = Slots.data(slot);
        for (int word = 0; word * 32 < value.length; word++) {
            byte[] w = new byte[32];
            System.arraycopy(value, word * 32, w, 0, Math.min(32, value.length - word * 32));
            store(Slots.field(data, word), UInt256.fromBytes(w));
        }
    }

    String text(UInt256 slot) {
        return new String(bytes(slot), StandardCharsets.UTF_8);
    }

    // --- address lists (a dynamic array: length at the slot, elements from keccak(slot)) ----------------------

    java.util.List<Address> addresses(UInt256 slot) {
        long n = small(slot);
        UInt256 data = Slots.data(slot);
        java.util.List<Address> out = new java.util.ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            out.add(address(Slots.field(data, i)));
        }
        return out;
    }

    void push(UInt256 slot, Address value) {
        long n = small(slot);
        store(Slots.field(Slots.data(slot), n), value);
        store(slot, n + 1);
    }
}
