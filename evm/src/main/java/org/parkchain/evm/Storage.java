package org.parkchain.evm;

import org.parkchain.primitives.UInt256;

/** SLOAD, SSTORE (EIP-2200 with EIP-2929 costs and EIP-3529 refunds), TLOAD and TSTORE (EIP-1153). */
final class Storage {
    private Storage() {}

    static void sload(Frame f) {
        UInt256 key = f.pop();
        WorldView w = f.ex.world;
        if (!w.warmSlot(f.self, key)) f.useGas(f.ex.gas.coldSload() - f.ex.gas.warmStorageRead());
        f.push(w.storage(f.self, key));
    }

    /**
     * EIP-2200 as amended: a write that leaves the slot as it is costs a warm read; the first change of a clean
     * slot in a transaction costs 20,000 (from zero) or 2,900 (otherwise); later changes of a dirty slot cost a
     * warm read. Refunds track the net effect on the slot's value at the start of the transaction.
     */
    static void sstore(Frame f) {
        if (f.isStatic) throw EvmHalt.STATIC;
        GasSchedule g = f.ex.gas;
        // EIP-2200: SSTORE may not run on the call stipend alone.
        if (f.gas <= g.sstoreSentry()) throw EvmHalt.OUT_OF_GAS;
        UInt256 key = f.pop(), value = f.pop();
        WorldView w = f.ex.world;
        long cost = 0;
        if (!w.warmSlot(f.self, key)) cost += g.coldSload();
        UInt256 current = w.storage(f.self, key);
        if (current.equals(value)) {
            cost += g.warmStorageRead();
        } else {
            UInt256 original = w.committedStorage(f.self, key);
            if (original.equals(current)) {
                if (original.isZero()) {
                    cost += g.sstoreSet();
                } else {
                    cost += g.sstoreReset() - g.coldSload();
                    if (value.isZero()) w.addRefund(g.sstoreClearsRefund());
                }
            } else {
                cost += g.warmStorageRead();
                if (!original.isZero()) {
                    if (current.isZero()) {
                        w.addRefund(-g.sstoreClearsRefund());
                    } else if (value.isZero()) {
                        w.addRefund(g.sstoreClearsRefund());
                    }
                }
                if (original.equals(value)) {
                    w.addRefund(original.isZero()
                            ? g.sstoreSet() - g.warmStorageRead()
                            : g.sstoreReset() - g.coldSload() - g.warmStorageRead());
                }
            }
        }
        f.useGas(cost);
        w.setStorage(f.self, key, value);
    }

    static void tload(Frame f) {
        UInt256 key = f.pop();
        f.push(f.ex.world.transientStorage(f.self, key));
    }

    static void tstore(Frame f) {
        if (f.isStatic) throw EvmHalt.STATIC;
        UInt256 key = f.pop(), value = f.pop();
        f.ex.world.setTransientStorage(f.self, key, value);
    }
}
