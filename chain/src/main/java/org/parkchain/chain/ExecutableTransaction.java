package org.parkchain.chain;

import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Transaction;

/**
 * A transaction as execution sees it, whatever its envelope type: the sender already recovered, a legacy gas price
 * given as equal fee and tip caps, absent fields empty. Executing from this view keeps the processor free of
 * signature and encoding concerns (geth calls the same thing a message).
 *
 * @param intrinsicGas the gas charged before execution (EIP-2028 data, EIP-2930 access list, EIP-3860 init code
 *     words), as the transaction type computes it
 * @param chainId the chain id the transaction is signed for; empty for a pre-EIP-155 legacy transaction
 * @param blobTransaction whether this is an EIP-4844 (type 3) transaction
 */
public record ExecutableTransaction(
        Address sender,
        long nonce,
        long gasLimit,
        Optional<Address> to,
        UInt256 value,
        byte[] data,
        UInt256 maxFeePerGas,
        UInt256 maxPriorityFeePerGas,
        List<AccessListEntry> accessList,
        boolean blobTransaction,
        UInt256 maxFeePerBlobGas,
        List<Hash> blobVersionedHashes,
        Optional<UInt256> chainId,
        long intrinsicGas) {

    public ExecutableTransaction {
        accessList = List.copyOf(accessList);
        blobVersionedHashes = List.copyOf(blobVersionedHashes);
    }

    /**
     * The execution view of a signed transaction: recovers the sender (once; the transaction keeps it).
     *
     * @throws org.parkchain.primitives.tx.InvalidTransactionException when the signature recovers to no key
     */
    public static ExecutableTransaction of(Transaction tx) {
        return new ExecutableTransaction(tx.sender(), tx.nonce(), tx.gasLimit(), tx.to(), tx.value(), tx.data(),
                tx.maxFeePerGas(), tx.maxPriorityFeePerGas(), tx.accessList(), false, UInt256.ZERO, List.of(),
                tx.chainId(), tx.intrinsicGas());
    }
}
