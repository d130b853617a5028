package org.parkchain.chain;

import java.util.List;
import java.util.Optional;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.tx.InvalidTransaction;

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
     * @param peakGasUsed the gas used before the refund (at least the EIP-7623 floor): what the gas limit had to
     *     cover, which eth_simulateV1 reports as {@code maxUsedGas}
     */
    record Executed(boolean success, long gasUsed, List<Log> logs, byte[] output, Optional<Address> contractAddress,
                    String failure, long peakGasUsed) implements TransactionResult {
        public Executed {
            logs = List.copyOf(logs);
        }
    }

    /**
     * The transaction is invalid in this state and block (nonce, balance, fees, intrinsic gas, …); nothing changed.
     * {@code reason} is the same one the pool gives for the same transaction; {@code detail} says exactly what is wrong.
     */
    record Rejected(InvalidTransaction reason, String detail) implements TransactionResult {}
}
