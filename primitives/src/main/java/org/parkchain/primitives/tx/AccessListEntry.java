package org.parkchain.primitives.tx;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/** One EIP-2930 access list entry: an address and the storage slots the transaction declares it will touch. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
    public AccessListEntry {
        storageKeys = List.copyOf(storageKeys);
    }
}
