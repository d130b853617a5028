package org.parkchain.regime.exchange;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * IExchange.Order: one order as placed and as it stands. {@code locked} is what it still holds in the exchange
 * (quote for a buy, base for a sell); it only goes down, by what each trade spends, and what is left goes back to the
 * trader when the order closes.
 */
public record Order(long id, long marketId, Address trader, Side side, UInt256 price, UInt256 amount, UInt256 filled,
                    long makerFeeBps, UInt256 locked, long placedAt, boolean open) {

    /** A new order: nothing filled, open, holding {@code locked}. */
    public static Order placed(long id, long marketId, Address trader, Side side, UInt256 price, UInt256 amount,
                               long makerFeeBps, UInt256 locked, long placedAt) {
        return new Order(id, marketId, trader, side, price, amount, UInt256.ZERO, makerFeeBps, locked, placedAt, true);
    }

    /** amount - filled. */
    public UInt256 remaining() {
        return amount.sub(filled);
    }

    public boolean isFilled() {
        return filled.equals(amount);
    }

    /** After a trade of {@code quantity} that spent {@code spent} of the lock. */
    Order afterTrade(UInt256 quantity, UInt256 spent) {
        return new Order(id, marketId, trader, side, price, amount, filled.add(quantity), makerFeeBps, locked.sub(spent),
                placedAt, open);
    }

    /** Closed, its lock handed back. */
    Order closed() {
        return new Order(id, marketId, trader, side, price, amount, filled, makerFeeBps, UInt256.ZERO, placedAt, false);
    }
}
