package org.parkchain.rpc.eth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.state.WorldState;

/**
 * Collects what a call touches into an EIP-2930 access list, as geth's access-list tracer does: every address and
 * storage slot warmed, in the order first touched, except the sender, the recipient and the addresses warm anyway
 * (the precompiles and the coinbase), which a list would only make dearer.
 */
final class AccessListBuilder implements WorldState.AccessObserver {
    private final Set<Address> excluded;
    private final Map<Address, Set<Hash>> touched = new LinkedHashMap<>();

    AccessListBuilder(Set<Address> excluded) {
        this.excluded = excluded;
    }

    @Override
    public void address(Address address) {
        if (!excluded.contains(address)) {
            touched.computeIfAbsent(address, a -> new LinkedHashSet<>());
        }
    }

    @Override
    public void slot(Address address, UInt256 key) {
        // A slot of an excluded address still belongs in the list: the recipient's storage is not warm by default.
        touched.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(Hash.wrap(key.toBytes32()));
    }

    List<AccessListEntry> list() {
        List<AccessListEntry> out = new ArrayList<>();
        touched.forEach((address, keys) -> out.add(new AccessListEntry(address, List.copyOf(keys))));
        return out;
    }
}
