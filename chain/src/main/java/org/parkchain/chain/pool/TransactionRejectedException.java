package org.parkchain.chain.pool;

/**
 * A transaction the pool refuses at the door, with the reason as data and geth's wording as the message, so that
 * JSON-RPC clients (ethers.js, web3j) that match on geth's strings behave as they do against geth. The JSON-RPC layer
 * answers every reason with code -32000, as geth does for {@code eth_sendRawTransaction}.
 */
public final class TransactionRejectedException extends RuntimeException {
    /** Why a transaction was refused; the comment gives the message prefix (geth's error text). */
    public enum Reason {
        /** "oversized data": the encoding is larger than the configured limit. */
        OVERSIZED,
        /** The bytes are not a transaction (bad RLP, wrong field count, unknown envelope); message from the decoder. */
        MALFORMED,
        /** "transaction type not supported". */
        TYPE_NOT_SUPPORTED,
        /** "invalid sender": the signature does not recover to a public key. */
        INVALID_SENDER,
        /** "invalid chain id for signer". */
        INVALID_CHAIN_ID,
        /** "only replay-protected (EIP-155) transactions allowed": legacy without chain id while the pool refuses those. */
        UNPROTECTED,
        /** "already known": the same hash is in the pool. */
        ALREADY_KNOWN,
        /** "nonce too low": the sender's account nonce is past this transaction's. */
        NONCE_TOO_LOW,
        /** "nonce too high": the transaction's nonce is further ahead of the pending nonce than the gap limit. */
        NONCE_TOO_HIGH,
        /** "nonce has max value" (EIP-2681). */
        NONCE_MAX,
        /** "insufficient funds for gas * price + value". */
        INSUFFICIENT_FUNDS,
        /** "intrinsic gas too low". */
        INTRINSIC_GAS_TOO_LOW,
        /** "exceeds block gas limit". */
        GAS_LIMIT_EXCEEDED,
        /** "max initcode size exceeded" (EIP-3860). */
        INITCODE_TOO_LARGE,
        /** "transaction underpriced": the tip is below the pool's minimum, or the pool is full of better-paying ones. */
        UNDERPRICED,
        /** "max fee per gas less than block base fee". */
        FEE_CAP_TOO_LOW,
        /** "max priority fee per gas higher than max fee per gas". */
        TIP_ABOVE_FEE_CAP,
        /** "fee cap or tip too high": a fee or gas * fee does not fit in 256 bits. */
        FEE_OVERFLOW,
        /** "replacement transaction underpriced": same nonce, but fee cap and tip not both ≥ 10% higher. */
        REPLACEMENT_UNDERPRICED,
        /** "account limit exceeded": the sender already has the maximum number of transactions in the pool. */
        ACCOUNT_LIMIT_EXCEEDED,
        /** "txpool is full": no room, and nothing cheaper to evict. */
        POOL_FULL,
        /** The admission policy (the park's permissioning) refused the sender or the call; message from the policy. */
        NOT_PERMITTED
    }

    private final Reason reason;

    public TransactionRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public TransactionRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
