package org.parkchain.primitives.tx;

/**
 * A transaction that must be refused before any state is consulted, with the {@link InvalidTransaction} reason as
 * data (for JSON-RPC error mapping and the conformance runner) and a message that says exactly what is wrong.
 */
public final class InvalidTransactionException extends IllegalArgumentException {
    private final InvalidTransaction reason;

    public InvalidTransactionException(InvalidTransaction reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidTransaction reason() {
        return reason;
    }
}
