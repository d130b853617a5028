package org.parkchain.evm;

import java.util.Optional;
import org.parkchain.primitives.Address;

/** Finds the native contract registered at an address; passed into {@link Evm} by whoever knows the registry. */
@FunctionalInterface
public interface NativeContracts {
    NativeContracts NONE = address -> Optional.empty();

    Optional<NativeContract> find(Address address);
}
