package org.parkchain.evm;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * What the block's header tells the EVM (COINBASE, NUMBER, TIMESTAMP, GASLIMIT, PREVRANDAO, BASEFEE, BLOBBASEFEE,
 * CHAINID) and the hashes of the 256 blocks before it (BLOCKHASH).
 */
public record BlockContext(
        Address coinbase,
        long number,
        long timestamp,
        long gasLimit,
        Hash prevRandao,
        UInt256 baseFee,
        UInt256 blobBaseFee,
        UInt256 chainId,
        BlockHashes blockHashes) {

    /** Hashes of earlier blocks; the EVM only asks for the 256 blocks before the current one. */
    @FunctionalInterface
    public interface BlockHashes {
        /** The hash of block {@code number}, or {@link Hash#ZERO} when it is not known. */
        Hash hashOf(long number);
    }
}
