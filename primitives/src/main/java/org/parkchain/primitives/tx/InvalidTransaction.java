package org.parkchain.primitives.tx;

/**
 * Why a transaction is refused — by the decoder, the pool or execution alike — each with geth's text (geth's
 * {@code core/error.go}, {@code core/txpool/errors.go} and {@code core/types} errors), which JSON-RPC clients such as
 * ethers.js and web3j match on. This is the only list: a message about a refused transaction starts with
 * {@link #text()}, followed by ": " and the precise detail.
 */
public enum InvalidTransaction {
    /** The bytes are not a transaction (bad RLP, wrong field count, a field out of range). */
    MALFORMED("invalid transaction"),
    /** The encoding is larger than the configured limit. */
    OVERSIZED("oversized data"),
    /** An envelope type this decoder or the fork in force does not accept. */
    TYPE_NOT_SUPPORTED("transaction type not supported"),
    /** The signature does not recover to a public key. */
    INVALID_SENDER("invalid sender"),
    /** Signed for another chain. */
    INVALID_CHAIN_ID("invalid chain id for signer"),
    /** A legacy transaction without a chain id while the pool refuses those. */
    UNPROTECTED("only replay-protected (EIP-155) transactions allowed over RPC"),
    /** The same hash is in the pool. */
    ALREADY_KNOWN("already known"),
    /** The sender's account nonce is past this transaction's. */
    NONCE_TOO_LOW("nonce too low"),
    /** The nonce is ahead of the sender's (for the pool: further ahead than the gap limit). */
    NONCE_TOO_HIGH("nonce too high"),
    /** EIP-2681: a nonce of 2^64-1 could never be incremented. */
    NONCE_MAX("nonce has max value"),
    /** EIP-3607: the sender has code (an EIP-7702 delegation is not code). */
    SENDER_NOT_EOA("sender not an eoa"),
    /** The balance does not cover gas limit × fee cap + value (+ blob gas). */
    INSUFFICIENT_FUNDS("insufficient funds for gas * price + value"),
    /** The gas limit does not cover the intrinsic gas. */
    INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
    /** EIP-7623: the gas limit does not cover the calldata floor. */
    FLOOR_GAS_TOO_LOW("insufficient gas for floor data gas cost"),
    /** The gas limit is above the block's gas limit. */
    GAS_LIMIT_EXCEEDED("exceeds block gas limit"),
    /** The gas limit is above what is left in the block being built. */
    BLOCK_GAS_EXHAUSTED("gas limit reached"),
    /** EIP-7825: the gas limit is above the per-transaction cap of the fork. */
    GAS_LIMIT_ABOVE_CAP("transaction gas limit too high"),
    /** EIP-3860: creation code longer than the fork allows. */
    INITCODE_TOO_LARGE("max initcode size exceeded"),
    /** The tip is below the pool's minimum. */
    UNDERPRICED("transaction underpriced"),
    /** The fee cap is below the base fee of the block. */
    FEE_CAP_TOO_LOW("max fee per gas less than block base fee"),
    /** The tip cap is above the fee cap. */
    TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
    /** A fee, or gas limit × fee cap, does not fit in 256 bits. */
    FEE_OVERFLOW("fee cap or tip too high"),
    /** Same nonce as a pooled transaction, but fee cap and tip not both enough higher. */
    REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
    /** The sender already has the maximum number of transactions in the pool. */
    ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
    /** No room in the pool, and nothing cheaper to evict. */
    POOL_FULL("txpool is full"),
    /** The admission policy (the park's permissioning) refuses the sender or the call. */
    NOT_PERMITTED("permissioning"),
    /** EIP-7702: a set-code transaction without authorizations. */
    EMPTY_AUTHORIZATION_LIST("EIP-7702 transaction with empty auth list"),
    /** EIP-7702: a set-code transaction without a destination. */
    SET_CODE_CREATE("EIP-7702 transaction cannot be used to create contract"),
    /** EIP-4844: a blob transaction without a destination. */
    BLOB_CREATE("blob transaction of type create"),
    /** EIP-4844: a blob transaction without blobs. */
    NO_BLOBS("blob transaction missing blob hashes"),
    /** EIP-4844: more blobs than the fork allows in one transaction. */
    TOO_MANY_BLOBS("blob transaction has too many blobs"),
    /** EIP-4844: a versioned hash that is not a KZG one. */
    INVALID_BLOB_HASH("blob with invalid hash version"),
    /** EIP-4844: the blob fee cap is below the blob base fee. */
    BLOB_FEE_CAP_TOO_LOW("max fee per blob gas less than block blob gas fee");

    private final String text;

    InvalidTransaction(String text) {
        this.text = text;
    }

    /** geth's text for this reason: what JSON-RPC answers with, and how every message about it begins. */
    public String text() {
        return text;
    }

    /** The message for a refusal with {@code detail}: geth's text, then the detail (unless it already begins so). */
    public String message(String detail) {
        if (detail.isEmpty() || detail.equals(text)) return text;
        return detail.startsWith(text + ":") || detail.startsWith(text + " ") ? detail : text + ": " + detail;
    }
}
