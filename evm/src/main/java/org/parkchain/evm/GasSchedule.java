package org.parkchain.evm;

/**
 * The gas prices a fork charges beyond each instruction's static cost (those are in {@link InstructionTable}).
 * Values are Cancun's; a later fork that changes a price builds a copy with the EIP's numbers.
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
        long txBase,
        long txCreate,
        long txDataZero,
        long txDataNonZero,
        long txAccessListAddress,
        long txAccessListStorageKey,
        long maxRefundQuotient) {

    public static final GasSchedule CANCUN = new GasSchedule(
            3, 512, 3, 6, 50, 8, 375,
            2600, 2100, 100,
            20_000, 5_000, 4_800, 2_300,
            9_000, 2_300, 25_000,
            200, 2, 25_000,
            24_576, 49_152, 1024,
            21_000, 32_000, 4, 16, 2_400, 1_900, 5);

    /** Total memory cost of {@code words} 32-byte words: 3·w + w²/512 (Yellow Paper, C_mem). */
    public long memoryCost(long words) {
        return memoryWord * words + words * words / quadraticDivisor;
    }

    /**
     * The intrinsic gas of a transaction (EIP-2028 data prices, EIP-2930 access list, EIP-3860 init code words),
     * paid before the first instruction runs; the transaction processor charges it.
     */
    public long intrinsicGas(byte[] data, boolean isCreate, int accessListAddresses, int accessListStorageKeys) {
        long gas = txBase;
        int zeros = 0;
        for (byte b : data) {
            if (b == 0) zeros++;
        }
        gas += zeros * txDataZero + (long) (data.length - zeros) * txDataNonZero;
        if (isCreate) {
            gas += txCreate + initCodeWord * ((data.length + 31L) / 32);
        }
        return gas + accessListAddresses * txAccessListAddress + accessListStorageKeys * txAccessListStorageKey;
    }
}
