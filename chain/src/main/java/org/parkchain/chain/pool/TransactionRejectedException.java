package org.parkchain.chain.pool;

import org.parkchain.primitives.tx.InvalidTransaction;

/**
 * A transaction the pool refuses at the door, with the reason as data and geth's wording (the reason's text) leading
 * the message, so that JSON-RPC clients (ethers.js, web3j) that match on geth's strings behave as they do against geth. The JSON-RPC layer
 * answers every reason with code -32000, as geth does for {@code eth_sendRawTransaction}.
 */
public final class TransactionRejectedException extends RuntimeException {
    private final InvalidTransaction reason;

    /** @param detail what exactly is wrong; the message is {@link InvalidTransaction#message(String)} of it */
    public TransactionRejectedException(InvalidTransaction reason, String detail) {
        this(reason, detail, null);
    }

    public TransactionRejectedException(InvalidTransaction reason, String detail, Throwable cause) {
        super(reason.message(detail), cause, false, false);
        this.reason = reason;
    }

    public InvalidTransaction reason() {
        return reason;
    }
}
