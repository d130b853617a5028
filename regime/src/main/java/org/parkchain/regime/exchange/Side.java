package org.parkchain.regime.exchange;

/** IExchange.Side, in the interface's order (its ABI value is the ordinal). */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
