package org.parkchain.primitives.tx;

import java.util.List;

/**
 * The gas a transaction pays before its first instruction runs: a base price, a price per byte of data (EIP-2028
 * makes zero bytes cheaper), contract creation plus EIP-3860's price per word of init code, EIP-2930's price per
 * declared address and storage key, and EIP-7702's price per authorization. Since Prague a transaction also pays at
 * least EIP-7623's calldata floor. This is the one definition Parkchain has: the transaction, the pool and execution
 * all ask it, with the prices of the fork in force (a fork specification holds one of these constants).
 *
 * @param authorization EIP-7702 PER_EMPTY_ACCOUNT_COST, charged per authorization tuple
 * @param floorPerToken EIP-7623 TOTAL_COST_FLOOR_PER_TOKEN; 0 where the fork has no floor
 */
public record IntrinsicGas(
        long base,
        long create,
        long dataZeroByte,
        long dataNonZeroByte,
        long initCodeWord,
        long accessListAddress,
        long accessListStorageKey,
        long authorization,
        long floorPerToken) {

    public static final IntrinsicGas CANCUN = new IntrinsicGas(21_000, 32_000, 4, 16, 2, 2_400, 1_900, 0, 0);
    /** Prague: EIP-7702's 25,000 per authorization and EIP-7623's floor of 10 gas per calldata token. */
    public static final IntrinsicGas PRAGUE = new IntrinsicGas(21_000, 32_000, 4, 16, 2, 2_400, 1_900, 25_000, 10);

    /** The intrinsic gas of a transaction with this data, target, access-list size and no authorizations. */
    public long of(byte[] data, boolean isCreate, int accessListAddresses, int accessListStorageKeys) {
        return of(data, isCreate, accessListAddresses, accessListStorageKeys, 0);
    }

    /** The intrinsic gas of a transaction with this data, target, access-list size and authorization count. */
    public long of(byte[] data, boolean isCreate, int accessListAddresses, int accessListStorageKeys, int authorizations) {
        int zeros = zeros(data);
        long gas = base + zeros * dataZeroByte + (long) (data.length - zeros) * dataNonZeroByte;
        if (isCreate) {
            gas += create + initCodeWord * ((data.length + 31L) / 32);
        }
        return gas + accessListAddresses * accessListAddress + accessListStorageKeys * accessListStorageKey
                + authorizations * authorization;
    }

    /** As {@link #of(byte[], boolean, int, int, int)}, counting the entries and keys of {@code accessList}. */
    public long of(byte[] data, boolean isCreate, List<AccessListEntry> accessList, int authorizations) {
        int keys = 0;
        for (AccessListEntry e : accessList) {
            keys += e.storageKeys().size();
        }
        return of(data, isCreate, accessList.size(), keys, authorizations);
    }

    /** As {@link #of(byte[], boolean, List, int)} without authorizations. */
    public long of(byte[] data, boolean isCreate, List<AccessListEntry> accessList) {
        return of(data, isCreate, accessList, 0);
    }

    /**
     * EIP-7623's floor: base + floorPerToken × tokens, a zero byte one token and any other byte four. A transaction
     * is charged at least this much in the end, and its gas limit must cover it. 0 where the fork has no floor (a
     * Cancun transaction's refund may take its gas used below the base price).
     */
    public long floor(byte[] data) {
        if (floorPerToken == 0) return 0;
        int zeros = zeros(data);
        long tokens = zeros + 4L * (data.length - zeros);
        return base + floorPerToken * tokens;
    }

    /** The gas limit a transaction needs at least: its intrinsic gas or its floor, whichever is higher. */
    public long minimumGasLimit(byte[] data, boolean isCreate, List<AccessListEntry> accessList, int authorizations) {
        return Math.max(of(data, isCreate, accessList, authorizations), floor(data));
    }

    private static int zeros(byte[] data) {
        int zeros = 0;
        for (byte b : data) {
            if (b == 0) zeros++;
        }
        return zeros;
    }
}
