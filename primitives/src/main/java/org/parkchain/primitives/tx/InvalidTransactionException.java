package org.parkchain.primitives.tx;

/**
 * A transaction that must be refused, with the {@link Reason} as data (for JSON-RPC error mapping and the
 * conformance runner) and a message that says exactly what is wrong.
 */
public final class InvalidTransactionException extends IllegalArgumentException {
    /** Why a transaction is refused before any state is consulted. */
    public enum Reason {
        MALFORMED,
        TOO_LARGE,
        TYPE_NOT_SUPPORTED,
        INVALID_CHAIN_ID,
        INVALID_SIGNATURE,
        NONCE_TOO_BIG,
        FEE_OVERFLOW,
        PRIORITY_FEE_ABOVE_MAX_FEE,
        INTRINSIC_GAS_TOO_LOW,
        INITCODE_TOO_LARGE,
        /** An EIP-7702 transaction without authorizations. */
        EMPTY_AUTHORIZATION_LIST
    }

    private final Reason reason;

    public InvalidTransactionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
