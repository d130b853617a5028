package org.parkchain.regime;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * What the permission policy looks at in a transaction: who sends it, to whom (empty for a contract creation),
 * how much native coin and which call data.
 */
public record TransactionIntent(Address sender, Optional<Address> to, UInt256 value, byte[] data) {
    public TransactionIntent {
        data = data.clone();
    }

    public static TransactionIntent call(Address sender, Address to, UInt256 value, byte[] data) {
        return new TransactionIntent(sender, Optional.of(to), value, data);
    }

    public static TransactionIntent creation(Address sender, UInt256 value, byte[] initCode) {
        return new TransactionIntent(sender, Optional.empty(), value, initCode);
    }

    public boolean isCreation() {
        return to.isEmpty();
    }
}
