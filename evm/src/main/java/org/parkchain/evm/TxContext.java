package org.parkchain.evm;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/** What the transaction tells the EVM: ORIGIN, GASPRICE (the effective gas price) and BLOBHASH's hashes. */
public record TxContext(Address origin, UInt256 gasPrice, List<Hash> blobVersionedHashes) {
    public TxContext {
        blobVersionedHashes = List.copyOf(blobVersionedHashes);
    }

    public TxContext(Address origin, UInt256 gasPrice) {
        this(origin, gasPrice, List.of());
    }
}
