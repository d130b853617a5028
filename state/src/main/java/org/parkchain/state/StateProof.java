package org.parkchain.state;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * What {@code eth_getProof} (EIP-1186) returns: the account as committed, the trie nodes that prove it against the
 * state root, and for each requested slot its value and the nodes that prove it against the account's storage root.
 */
public record StateProof(Address address, Account account, List<byte[]> accountProof, List<StorageProof> storageProofs) {
    public StateProof {
        accountProof = List.copyOf(accountProof);
        storageProofs = List.copyOf(storageProofs);
    }

    public record StorageProof(UInt256 key, UInt256 value, List<byte[]> proof) {
        public StorageProof {
            proof = List.copyOf(proof);
        }
    }
}
