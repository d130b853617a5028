package org.parkchain.chain;

import java.util.List;
import java.util.Optional;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;

/** What processing one transaction came to: executed (successfully or not), or rejected without changing anything. */
public sealed interface TransactionResult {
    /**
     * The transaction ran and is part of the block: the sender paid for {@code gasUsed} (after the refund) whether or
     * not the execution succeeded.
     *
     * @param success the receipt status: the top-level message neither reverted nor halted
     * @param gasUsed gas charged, after the EIP-3529 refund
     * @param logs the logs of a successful execution (none after a failure)
     * @param output return data, revert data, or deployed code
     * @param contractAddress the new contract of a successful creation transaction
     * @param failure why it failed, in geth's words ("execution reverted", "invalid opcode: 0xfe", "out of gas", …);
     *     empty after success
     */
    record Executed(boolean success, long gasUsed, List<Log> logs, byte[] output, Optional<Address> contractAddress,
                    String failure) implements TransactionResult {
        public Executed {
            logs = List.copyOf(logs);
        }
    }

    /** The transaction is invalid in this state and block (nonce, balance, fees, intrinsic gas, …); nothing changed. */
    record Rejected(InvalidTransaction reason, String detail) implements TransactionResult {}

    /** Why a transaction cannot be included; names follow the ethereum/tests {@code TransactionException} ones. */
    enum InvalidTransaction {
        NONCE_MISMATCH,
        NONCE_IS_MAX,
        SENDER_NOT_EOA,
        GAS_ALLOWANCE_EXCEEDED,
        INTRINSIC_GAS_TOO_LOW,
        INITCODE_SIZE_EXCEEDED,
        INSUFFICIENT_MAX_FEE_PER_GAS,
        PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS,
        INSUFFICIENT_ACCOUNT_FUNDS,
        GASLIMIT_PRICE_PRODUCT_OVERFLOW,
        TYPE_3_TX_CONTRACT_CREATION,
        TYPE_3_TX_ZERO_BLOBS,
        TYPE_3_TX_BLOB_COUNT_EXCEEDED,
        TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH,
        INSUFFICIENT_MAX_FEE_PER_BLOB_GAS,
        WRONG_CHAIN_ID,
        /** The fork in force does not accept the transaction's envelope type (a type-4 transaction before Prague). */
        TYPE_NOT_SUPPORTED,
        /** EIP-7825 (Osaka): the gas limit is above 2^24. */
        GAS_LIMIT_ABOVE_CAP,
        /** EIP-7623 (Prague): the gas limit does not cover the calldata floor. */
        INTRINSIC_GAS_BELOW_FLOOR_GAS_COST,
        /** EIP-7702: a set-code transaction without authorizations. */
        TYPE_4_EMPTY_AUTHORIZATION_LIST
    }
}
