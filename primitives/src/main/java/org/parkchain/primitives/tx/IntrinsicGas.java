package org.parkchain.primitives.tx;

import java.util.List;

/**
 * The gas a transaction pays before its first instruction runs: a base price, a price per byte of data (EIP-2028
 * makes zero bytes cheaper), contract creation plus EIP-3860's price per word of init code, and EIP-2930's price
 * per declared address and storage key. This is the one definition Parkchain has: the transaction, the pool and
 * execution all ask it. Prices are a fork's data; a fork that changes them (Prague's EIP-7623 floor) is a new
 * constant beside {@link #CANCUN}.
 */
public record IntrinsicGas(
        long base,
        long create,
        long dataZeroByte,
        long dataNonZeroByte,
        long initCodeWord,
        long accessListAddress,
        long accessListStorageKey) {

    public static final IntrinsicGas CANCUN = new IntrinsicGas(21_000, 32_000, 4, 16, 2, 2_400, 1_900);

    /** The intrinsic gas of a transaction with this data, target and access-list size. */
    public long of(byte[] data, boolean isCreate, int accessListAddresses, int accessListStorageKeys) {
        int zeros = 0;
        for (byte b : data) {
            if (b == 0) zeros++;
        }
        long gas = base + zeros * dataZeroByte + (long) (data.length - zeros) * dataNonZeroByte;
        if (isCreate) {
            gas += create + initCodeWord * ((data.length + 31L) / 32);
        }
        return gas + accessListAddresses * accessListAddress + accessListStorageKeys * accessListStorageKey;
    }

    /** As {@link #of(byte[], boolean, int, int)}, counting the entries and keys of {@code accessList}. */
    public long of(byte[] data, boolean isCreate, List<AccessListEntry> accessList) {
        int keys = 0;
        for (AccessListEntry e : accessList) {
            keys += e.storageKeys().size();
        }
        return of(data, isCreate, accessList.size(), keys);
    }
}
