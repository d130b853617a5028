package org.parkchain.evm;

import org.parkchain.evm.gas.GasCalc;
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

    /** SSTORE, priced by {@link GasCalc#sstore}. */
    static void sstore(Frame f) {
        if (f.isStatic) throw EvmHalt.STATIC;
        GasSchedule g = f.ex.gas;
        // EIP-2200: SSTORE may not run on the call stipend alone.
        if (f.gas <= g.sstoreSentry()) throw EvmHalt.OUT_OF_GAS;
        UInt256 key = f.pop(), value = f.pop();
        WorldView w = f.ex.world;
        boolean cold = !w.warmSlot(f.self, key);
        GasCalc.StorageCharge charge = GasCalc.sstore(g, cold, w.committedStorage(f.self, key), w.storage(f.self, key), value);
        if (charge.refund() != 0) w.addRefund(charge.refund());
        f.useGas(charge.gas());
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
