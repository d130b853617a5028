package org.parkchain.evm;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * One message call or contract creation, as the Yellow Paper's Θ and Λ receive it.
 *
 * @param kind CALL for every message call (whatever instruction made it), CREATE for a creation
 * @param sender the caller (CALLER inside the callee)
 * @param recipient the account whose storage and balance the code acts on (ADDRESS); the new address for a creation
 * @param codeAddress whose code runs: the recipient, except for CALLCODE and DELEGATECALL
 * @param value the value transferred (or, for DELEGATECALL, only apparent: CALLVALUE without a transfer)
 * @param data call data, or the init code of a creation
 * @param gas the gas made available to the frame
 * @param depth 0 for the transaction's own message, at most 1024
 * @param isStatic whether state changes are forbidden (inside STATICCALL)
 */
public record Message(
        Kind kind,
        Address sender, Address recipient, Address codeAddress, UInt256 value, byte[] data, long gas, int depth, boolean isStatic) {

    public enum Kind { CALL, CREATE }

    /** The top-level message of a call transaction (or an {@code eth_call}). */
    public static Message call(Address sender, Address to, UInt256 value, byte[] data, long gas) {
        return new Message(Kind.CALL, sender, to, to, value, data, gas, 0, false);
    }

    /** The top-level message of a creation transaction; {@code newAddress} from {@link ContractAddress#forCreate}. */
    public boolean isCreate() {
        return kind == Kind.CREATE;
    }

    public static Message create(Address sender, Address newAddress, UInt256 value, byte[] initCode, long gas) {
        return new Message(Kind.CREATE, sender, newAddress, newAddress, value, initCode, gas, 0, false);
    }
}
