package org.parkchain.chain;

import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Fork;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * The rules and header fields a transaction executes under: the fork in force at the block's time, who collects the
 * fees, the block's number, time and gas limit, the EIP-1559 base fee, PREVRANDAO, the EIP-4844 excess blob gas, and
 * the chain id.
 */
public record BlockEnvironment(
        Fork fork,
        Address coinbase,
        long number,
        long timestamp,
        long gasLimit,
        UInt256 baseFee,
        Hash prevRandao,
        long excessBlobGas,
        UInt256 chainId,
        BlockContext.BlockHashes blockHashes) {

    /** The EIP-4844 blob base fee this block's excess blob gas implies. */
    public UInt256 blobBaseFee() {
        return BlobGas.baseFee(excessBlobGas, fork.blobs().updateFraction());
    }

    public BlockContext toBlockContext() {
        return new BlockContext(coinbase, number, timestamp, gasLimit, prevRandao, baseFee, blobBaseFee(), chainId, blockHashes);
    }
}
