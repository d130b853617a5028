package org.parkchain.evm;

import org.parkchain.primitives.UInt256;

/**
 * The storage instructions' gas as pure functions of a slot's values, so the interpreter and the native system
 * contracts price storage by one rule (revm keeps the same rules in {@code gas/calc.rs}). Nothing here reads or
 * writes state: the caller reports whether the slot was cold and what it held, and applies the answer.
 */
public final class StorageGas {
    private StorageGas() {}

    /** What one SSTORE costs and what it adds to (or, negative, takes from) the transaction's refund counter. */
    public record Charge(long gas, long refund) {}

    /** SLOAD: a cold slot costs the EIP-2929 cold price, a warm one the warm read. */
    public static long sload(GasSchedule g, boolean cold) {
        return cold ? g.coldSload() : g.warmStorageRead();
    }

    /**
     * SSTORE under EIP-2200 as amended by EIP-2929 and EIP-3529: a write that leaves the slot as it is costs a
     * warm read; the first change of a clean slot in a transaction costs 20,000 (from zero) or 2,900 (otherwise);
     * later changes of a dirty slot cost a warm read. Refunds track the net effect on the slot's value at the start
     * of the transaction ({@code original}); a cold slot adds the cold surcharge.
     */
    public static Charge sstore(GasSchedule g, boolean cold, UInt256 original, UInt256 current, UInt256 value) {
        long cost = cold ? g.coldSload() : 0;
        long refund = 0;
        // EIP-2929 folds the cold surcharge into SSTORE_RESET (5,000 - 2,100 = 2,900 for a warm slot).
        long reset = g.sstoreReset() - g.coldSload();
        if (current.equals(value)) {
            cost += g.warmStorageRead();
        } else if (original.equals(current)) {
            cost += original.isZero() ? g.sstoreSet() : reset;
            if (!original.isZero() && value.isZero()) {
                refund += g.sstoreClearsRefund();
            }
        } else {
            cost += g.warmStorageRead();
            if (!original.isZero()) {
                if (current.isZero()) {
                    refund -= g.sstoreClearsRefund();
                } else if (value.isZero()) {
                    refund += g.sstoreClearsRefund();
                }
            }
            if (original.equals(value)) {
                refund += (original.isZero() ? g.sstoreSet() : reset) - g.warmStorageRead();
            }
        }
        return new Charge(cost, refund);
    }
}
