package org.parkchain.evm;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Rules a chain adds to every message at every depth, beyond the EVM's own: who may receive value and who may create
 * contracts. A permissioned chain checks its transactions at the door; these rules make sure a contract cannot do on
 * a transaction's behalf what the transaction itself would be refused (pay a blocked address, deploy for an origin
 * that may not deploy).
 *
 * <p>A {@link NativeContracts} that also implements this interface has it applied by the {@link Evm} it is given to,
 * so the chain's rules and its native contracts come from one place.
 */
public interface MessageRules {
    /**
     * Checked before a message runs — a top-level transaction, a CALL or CALLCODE, a CREATE or CREATE2 — with the
     * value it moves ({@code valueMoved}, zero for DELEGATECALL and STATICCALL). A refusal is {@code Error(string)}
     * revert data: the message reverts at once with it, keeping its gas, and changes nothing.
     */
    Optional<byte[]> refusal(WorldView world, Address origin, Message message, UInt256 valueMoved);

    /**
     * Whether SELFDESTRUCT may hand {@code balance} to {@code beneficiary}; when not, the frame halts
     * ({@link HaltReason#REFUSED_BY_CHAIN_RULES}) and its changes are undone.
     */
    boolean allowsPayout(WorldView world, Address origin, Address beneficiary, UInt256 balance);
}
