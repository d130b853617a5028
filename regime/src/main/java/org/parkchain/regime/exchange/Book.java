package org.parkchain.regime.exchange;

/**
 * Where one market's orders live: every order's record, and the resting ones in price-time priority per side (the
 * best price first, at one price the oldest first). The engine reads and changes the book only through this, so
 * the same matching runs in memory and over the system contract's storage.
 */
public interface Book {
    /** The record of order {@code id}, which exists. */
    Order order(long id);

    /** Stores the changed record of an order that exists (its fill, lock, open flag). */
    void put(Order order);

    /** The first resting order of {@code side} in priority, or 0 when that side is empty. */
    long first(Side side);

    /** The resting order after {@code id} (which rests on {@code side}) in priority, or 0 when it is the last. */
    long next(Side side, long id);

    /** Puts an open order at the end of its price level's queue (a new level where there is none). */
    void rest(Order order);

    /** Takes a resting order out of its queue (and its level out of the book when that empties). */
    void remove(Order order);
}
