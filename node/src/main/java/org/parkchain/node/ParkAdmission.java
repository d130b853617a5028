package org.parkchain.node;

import java.util.Optional;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.Permission;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.regime.RegistryView;
import org.parkchain.regime.TransactionIntent;

/**
 * The park's {@link PermissionPolicy} where the chain asks who may transact: at the pool's door (against the head
 * state and the next block's environment) and again in block execution (against the state the transaction runs on),
 * so a sender blocked between admission and inclusion is still refused.
 */
final class ParkAdmission implements TransactionAdmission {
    private final PermissionPolicy policy;

    ParkAdmission(PermissionPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<String> refusal(WorldView state, BlockEnvironment block, ExecutableTransaction tx) {
        return refusal(state, tx.sender(), tx.to(), tx.value(), tx.data(), block.timestamp());
    }

    private Optional<String> refusal(WorldView state, Address sender, Optional<Address> to, UInt256 value, byte[] data,
                                     long now) {
        if (policy.mode() == PermissionPolicy.Mode.OPEN) {
            return Optional.empty();
        }
        Permission p = policy.check(RegistryView.of(state), new TransactionIntent(sender, to, value, data), now);
        return p instanceof Permission.Refused r ? Optional.of(r.reason()) : Optional.empty();
    }
}
