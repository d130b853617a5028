package org.parkchain.chain;

import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Authorization;
import org.parkchain.primitives.tx.IntrinsicGas;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionFields;
import org.parkchain.primitives.tx.TransactionType;

/**
 * A transaction as execution sees it, whatever its envelope type: the sender already recovered, a legacy gas price
 * given as equal fee and tip caps, absent fields empty. Executing from this view keeps the processor free of
 * signature and encoding concerns (geth calls the same thing a message).
 *
 * @param type the envelope type, which the fork in force must accept
 * @param authorizationList EIP-7702's signed authorizations (type 4 only)
 * @param chainId the chain id the transaction is signed for; empty for a pre-EIP-155 legacy transaction
 * @param senderAsserted the sender is asserted rather than proven by a signature: an impersonated transaction on a
 *     development chain ({@link Transaction#isImpersonated()}), or a simulated call's {@code from}. EIP-3607's refusal
 *     of a sender with code does not apply to it (as geth's eth_call and Hardhat's impersonation skip it), and only a
 *     development chain admits such a transaction into a block ({@link ImpersonatedTransactions})
 */
public record ExecutableTransaction(
        TransactionType type,
        Address sender,
        long nonce,
        long gasLimit,
        Optional<Address> to,
        UInt256 value,
        byte[] data,
        UInt256 maxFeePerGas,
        UInt256 maxPriorityFeePerGas,
        List<AccessListEntry> accessList,
        List<Authorization> authorizationList,
        UInt256 maxFeePerBlobGas,
        List<Hash> blobVersionedHashes,
        Optional<UInt256> chainId,
        boolean senderAsserted) implements TransactionFields {

    public ExecutableTransaction {
        accessList = List.copyOf(accessList);
        authorizationList = List.copyOf(authorizationList);
        blobVersionedHashes = List.copyOf(blobVersionedHashes);
    }

    /** A transaction whose sender is proven by its signature (the usual case). */
    public ExecutableTransaction(TransactionType type, Address sender, long nonce, long gasLimit, Optional<Address> to,
                                 UInt256 value, byte[] data, UInt256 maxFeePerGas, UInt256 maxPriorityFeePerGas,
                                 List<AccessListEntry> accessList, List<Authorization> authorizationList,
                                 UInt256 maxFeePerBlobGas, List<Hash> blobVersionedHashes, Optional<UInt256> chainId) {
        this(type, sender, nonce, gasLimit, to, value, data, maxFeePerGas, maxPriorityFeePerGas, accessList,
                authorizationList, maxFeePerBlobGas, blobVersionedHashes, chainId, false);
    }

    /**
     * The execution view of a signed transaction: recovers the sender (once; the transaction keeps it).
     *
     * @throws org.parkchain.primitives.tx.InvalidTransactionException when the signature recovers to no key
     */
    public static ExecutableTransaction of(Transaction tx) {
        return new ExecutableTransaction(tx.type(), tx.sender(), tx.nonce(), tx.gasLimit(), tx.to(), tx.value(), tx.data(),
                tx.maxFeePerGas(), tx.maxPriorityFeePerGas(), tx.accessList(), tx.authorizationList(), UInt256.ZERO,
                List.of(), tx.chainId(), tx.isImpersonated());
    }

    /** Whether this is an EIP-4844 (type 3) transaction. */
    public boolean blobTransaction() {
        return type == TransactionType.BLOB;
    }

    /** The gas charged before execution under a fork's prices (EIP-2028 data, EIP-2930, EIP-3860, EIP-7702). */
    public long intrinsicGas(IntrinsicGas prices) {
        return prices.of(data, to.isEmpty(), accessList, authorizationList.size());
    }
}
