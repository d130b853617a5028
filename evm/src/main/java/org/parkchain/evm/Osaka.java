package org.parkchain.evm;

import org.parkchain.evm.precompile.Precompiles;

/**
 * Osaka (Fusaka's execution side) as its differences from Prague. Osaka's other EIPs change nothing a Parkchain
 * block can show: EIP-7918 bounds the blob base fee by the execution base fee and EIP-7892 schedules blob-only
 * forks, both inert on a chain whose excess blob gas stays 0 (BLOBBASEFEE is always 1 wei); EIP-7594 (PeerDAS),
 * EIP-7642 (eth/69), EIP-7917 (proposer lookahead) belong to networking and the consensus layer; EIP-7910 is the
 * {@code eth_config} JSON-RPC method.
 */
final class Osaka {
    /** EIP-7825: no transaction may ask for more than 2^24 gas. */
    static final long MAX_TRANSACTION_GAS = 1L << 24;
    /** EIP-7934: a block's RLP is at most 10 MiB less a 2 MiB margin for the consensus layer's wrapping. */
    static final long MAX_BLOCK_SIZE = (10L << 20) - (2L << 20);

    private Osaka() {}

    static Fork spec(Fork prague) {
        return prague.next("Osaka")
                .instructions(InstructionTable.osaka())   // EIP-7939: CLZ
                .precompiles(Precompiles.osaka())         // EIP-7823/7883 MODEXP bounds and price; EIP-7951 P256VERIFY
                .maxTransactionGas(MAX_TRANSACTION_GAS)   // EIP-7825
                .maxBlockSize(MAX_BLOCK_SIZE)             // EIP-7934
                .build();
    }
}
