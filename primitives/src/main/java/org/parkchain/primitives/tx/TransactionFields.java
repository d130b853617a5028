package org.parkchain.primitives.tx;

import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * What {@link StatelessRules} read of a transaction: the signed {@link Transaction} and execution's view of one
 * (which may come from {@code eth_call} without a signature) both offer it, so both are checked by the same code.
 */
public interface TransactionFields {
    TransactionType type();

    /** Empty only for a legacy transaction without EIP-155 replay protection. */
    Optional<UInt256> chainId();

    long nonce();

    long gasLimit();

    /** Empty for a contract creation. */
    Optional<Address> to();

    byte[] data();

    UInt256 maxFeePerGas();

    UInt256 maxPriorityFeePerGas();

    List<AccessListEntry> accessList();

    List<Authorization> authorizationList();
}
