package org.parkchain.regime.exchange;

/** IExchange.TimeInForce, in the interface's order (its ABI value is the ordinal). */
public enum TimeInForce {
    /** Trades what it can, rests the rest. */
    GOOD_TILL_CANCEL,
    /** Trades what it can at once; the rest is cancelled. */
    IMMEDIATE_OR_CANCEL,
    /** Fills completely at once, or is refused. */
    FILL_OR_KILL,
    /** Rests without trading; refused if it would trade at once with another trader's order. */
    POST_ONLY;

    /** Whether an order with this time in force may stay in the book. */
    public boolean rests() {
        return this == GOOD_TILL_CANCEL || this == POST_ONLY;
    }
}
