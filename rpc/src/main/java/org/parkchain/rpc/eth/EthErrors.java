package org.parkchain.rpc.eth;

import org.parkchain.chain.TransactionResult;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcException;

/** The errors the eth_* methods answer with, in geth's words. */
final class EthErrors {
    private EthErrors() {}

    static RpcException serverError(String message) {
        return RpcError.ServerError.of(message).toException();
    }

    static RpcException invalidParams(String message) {
        return new RpcError.InvalidParams(message).toException();
    }

    /** geth's wording for a transaction the state refuses (the pool uses the same words). */
    static String rejection(TransactionResult.Rejected r) {
        return switch (r.reason()) {
            case INSUFFICIENT_ACCOUNT_FUNDS -> "insufficient funds for gas * price + value";
            case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
            case INSUFFICIENT_MAX_FEE_PER_GAS -> "max fee per gas less than block base fee";
            case PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS -> "max priority fee per gas higher than max fee per gas";
            case SENDER_NOT_EOA -> "sender not an eoa";
            case INITCODE_SIZE_EXCEEDED -> "max initcode size exceeded";
            case GASLIMIT_PRICE_PRODUCT_OVERFLOW -> "fee cap or tip too high";
            case NONCE_IS_MAX -> "nonce has max value";
            default -> r.detail();
        };
    }
}
