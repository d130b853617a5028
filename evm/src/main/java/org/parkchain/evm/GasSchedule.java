package org.parkchain.evm;

/**
 * The gas prices a fork charges beyond each instruction's static cost (those are in {@link InstructionTable}).
 * Values are Cancun's; a later fork that changes a price builds a copy with the EIP's numbers. A transaction's
 * intrinsic gas is not here: it is priced before the EVM starts, by primitives' {@code IntrinsicGas}.
 */
public record GasSchedule(
        long memoryWord,
        long quadraticDivisor,
        long copyWord,
        long keccakWord,
        long expByte,
        long logData,
        long logTopic,
        long coldAccountAccess,
        long coldSload,
        long warmStorageRead,
        long sstoreSet,
        long sstoreReset,
        long sstoreClearsRefund,
        long sstoreSentry,
        long callValue,
        long callStipend,
        long newAccount,
        long createData,
        long initCodeWord,
        long selfDestructNewAccount,
        int maxCodeSize,
        int maxInitCodeSize,
        int callDepthLimit,
        long maxRefundQuotient) {

    public static final GasSchedule CANCUN = new GasSchedule(
            3, 512, 3, 6, 50, 8, 375,
            2600, 2100, 100,
            20_000, 5_000, 4_800, 2_300,
            9_000, 2_300, 25_000,
            200, 2, 25_000,
            24_576, 49_152, 1024, 5);

    /** Total memory cost of {@code words} 32-byte words: 3·w + w²/512 (Yellow Paper, C_mem). */
    public long memoryCost(long words) {
        return memoryWord * words + words * words / quadraticDivisor;
    }
}
