package org.parkchain.evm.gas;

import org.parkchain.evm.Fork;
import org.parkchain.evm.GasSchedule;
import org.parkchain.evm.Opcodes;
import org.parkchain.primitives.UInt256;

/**
 * The gas of the EVM's work as pure functions of a fork's prices and the facts of one operation (revm keeps the same
 * rules in {@code gas/calc.rs}). Nothing here reads or writes state: the caller says whether a slot or an account
 * was cold and what a slot held, and applies the answer. The interpreter's SSTORE is priced here, and the park's
 * system contracts price all their work here (storage, logs, hashing, payouts, creation), so one rule prices a
 * Solidity contract and a native one alike.
 */
public final class GasCalc {
    private GasCalc() {}

    /** What one SSTORE costs and what it adds to (or, negative, takes from) the transaction's refund counter. */
    public record StorageCharge(long gas, long refund) {}

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
    public static StorageCharge sstore(GasSchedule g, boolean cold, UInt256 original, UInt256 current, UInt256 value) {
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
        return new StorageCharge(cost, refund);
    }

    /** LOG0…LOG4 with {@code topics} topics and {@code dataBytes} of data (memory expansion aside). */
    public static long log(Fork fork, int topics, long dataBytes) {
        if (topics < 0 || topics > 4) {
            throw new IllegalArgumentException("a log has 0 to 4 topics, not " + topics);
        }
        return fork.instructions().staticGas(Opcodes.LOG0 + topics) + fork.gas().logData() * dataBytes;
    }

    /** KECCAK256 over {@code bytes} bytes (memory expansion aside). */
    public static long keccak256(Fork fork, long bytes) {
        return fork.instructions().staticGas(Opcodes.KECCAK256) + fork.gas().keccakWord() * words(bytes);
    }

    /** Growing memory from {@code fromWords} to {@code toWords} 32-byte words (0 when it does not grow). */
    public static long memoryExpansion(GasSchedule g, long fromWords, long toWords) {
        return toWords <= fromWords ? 0 : g.memoryCost(toWords) - g.memoryCost(fromWords);
    }

    /**
     * A CALL that moves value to an account without code, net of what comes back: the access (cold or warm, EIP-2929),
     * the value transfer and, for an empty account, its creation; the 2,300 stipend the callee gets comes back
     * unused, since no code runs.
     */
    public static long valueTransfer(Fork fork, boolean coldAccount, boolean newAccount) {
        GasSchedule g = fork.gas();
        long access = fork.instructions().staticGas(Opcodes.CALL) + (coldAccount ? g.coldAccountAccess() - g.warmStorageRead() : 0);
        return access + g.callValue() + (newAccount ? g.newAccount() : 0) - g.callStipend();
    }

    /** CREATE's own price (the init code's execution and the code deposit aside). */
    public static long create(Fork fork) {
        return fork.instructions().staticGas(Opcodes.CREATE);
    }

    /** Whole 32-byte words covering {@code bytes} bytes. */
    public static long words(long bytes) {
        return (bytes + 31) / 32;
    }
}
