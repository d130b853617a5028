package org.parkchain.evm;

import org.parkchain.evm.precompile.Precompiles;
import org.parkchain.primitives.tx.IntrinsicGas;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Prague (Pectra's execution side) as its differences from Cancun. EIP-7002, EIP-6110 and EIP-7251 produce
 * consensus-layer requests from contracts a Parkchain genesis does not hold, so every Parkchain block's request
 * list is empty and only its hash (EIP-7685) is in the header.
 */
final class Prague {
    private Prague() {}

    static Fork spec(Fork cancun) {
        return cancun.next("Prague")
                .precompiles(Precompiles.prague())             // EIP-2537: BLS12-381 at 0x0b–0x11
                .transactionType(TransactionType.SET_CODE)     // EIP-7702: set-code transactions, delegations
                .intrinsicGas(IntrinsicGas.PRAGUE)             // EIP-7623 calldata floor; EIP-7702 authorization cost
                .historyStorage()                              // EIP-2935: parent hash into the history contract
                .requestsHash()                                // EIP-7685: requests hash in the header
                .blobs(new Fork.BlobSchedule(6, 9, 5_007_716)) // EIP-7691: blob throughput
                .build();
    }
}
