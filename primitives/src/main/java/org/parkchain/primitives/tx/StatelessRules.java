package org.parkchain.primitives.tx;

import java.math.BigInteger;
import java.util.Optional;
import org.parkchain.primitives.UInt256;

/**
 * The one place for the rules a transaction must keep whatever the state: the pool checks them at the door, execution
 * before it consults the state, and {@link Transaction#validate} for the decoder's callers. The rules that need the
 * state or the block (nonce, balance, sender code, base fee, gas left in the block) are execution's and the pool's.
 */
public final class StatelessRules {
    private StatelessRules() {}

    /** A broken rule: the reason, and exactly what is wrong. */
    public record Refusal(InvalidTransaction reason, String detail) {
        public InvalidTransactionException toException() {
            return new InvalidTransactionException(reason, detail);
        }
    }

    /**
     * The first rule {@code tx} breaks on the chain {@code chainId} under a fork's intrinsic-gas {@code prices} and
     * init-code limit: the chain id (a legacy transaction without EIP-155 protection has none and passes), the nonce
     * below 2^64 - 1 (EIP-2681), the tip not above the fee cap, gas limit × fee cap within 256 bits, an EIP-7702
     * transaction with a destination and authorizations, init code within EIP-3860's limit, the gas limit covering
     * the intrinsic gas and the EIP-7623 floor. Empty when it keeps them all.
     */
    public static Optional<Refusal> check(TransactionFields tx, UInt256 chainId, IntrinsicGas prices, int maxInitCodeSize) {
        if (tx.chainId().isPresent() && !tx.chainId().get().equals(chainId)) {
            return refuse(InvalidTransaction.INVALID_CHAIN_ID, "transaction is signed for chain id "
                    + tx.chainId().get().toBigInteger() + ", this chain's id is " + chainId.toBigInteger());
        }
        if (tx.nonce() == -1L) {
            return refuse(InvalidTransaction.NONCE_MAX, "nonce 2^64-1 is not allowed (EIP-2681)");
        }
        UInt256 feeCap = tx.maxFeePerGas();
        if (tx.maxPriorityFeePerGas().compareTo(feeCap) > 0) {
            return refuse(InvalidTransaction.TIP_ABOVE_FEE_CAP, "maxPriorityFeePerGas "
                    + tx.maxPriorityFeePerGas().toBigInteger() + " is above maxFeePerGas " + feeCap.toBigInteger());
        }
        long gasLimit = tx.gasLimit();
        if (feeCap.bitLength() + (64 - Long.numberOfLeadingZeros(gasLimit)) > 256
                && feeCap.toBigInteger().multiply(new BigInteger(Long.toUnsignedString(gasLimit))).bitLength() > 256) {
            return refuse(InvalidTransaction.FEE_OVERFLOW, "gasLimit " + Long.toUnsignedString(gasLimit)
                    + " times the fee per gas " + feeCap.toBigInteger() + " exceeds 256 bits");
        }
        if (tx.type() == TransactionType.SET_CODE) {
            if (tx.authorizationList().isEmpty()) {
                return refuse(InvalidTransaction.EMPTY_AUTHORIZATION_LIST,
                        "an EIP-7702 transaction must carry at least one authorization");
            }
            if (tx.to().isEmpty()) {
                return refuse(InvalidTransaction.SET_CODE_CREATE, "an EIP-7702 transaction cannot create a contract");
            }
        }
        byte[] data = tx.data();
        if (tx.to().isEmpty() && data.length > maxInitCodeSize) {
            return refuse(InvalidTransaction.INITCODE_TOO_LARGE, "init code is " + data.length
                    + " bytes, above the limit of " + maxInitCodeSize + " (EIP-3860)");
        }
        long intrinsicGas = prices.of(data, tx.to().isEmpty(), tx.accessList(), tx.authorizationList().size());
        if (Long.compareUnsigned(intrinsicGas, gasLimit) > 0) {
            return refuse(InvalidTransaction.INTRINSIC_GAS_TOO_LOW, "gasLimit "
                    + Long.toUnsignedString(gasLimit) + " is below the intrinsic gas " + intrinsicGas);
        }
        long floor = prices.floor(data);
        if (Long.compareUnsigned(floor, gasLimit) > 0) {
            return refuse(InvalidTransaction.FLOOR_GAS_TOO_LOW, "gasLimit "
                    + Long.toUnsignedString(gasLimit) + " is below the calldata floor " + floor + " (EIP-7623)");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(InvalidTransaction reason, String detail) {
        return Optional.of(new Refusal(reason, detail));
    }
}
