package org.parkchain.regime.exchange;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** IExchange's views of a book, computed by walking it in priority order. */
public final class BookViews {
    /** One price level: the open amount (amount - filled) summed over its resting orders. */
    public record Level(UInt256 price, UInt256 amount) {}

    private BookViews() {}

    /** Up to {@code levels} levels of {@code side}, best first. */
    public static List<Level> depth(Book book, Side side, long levels) {
        List<Level> out = new ArrayList<>();
        UInt256 price = null;
        UInt256 amount = UInt256.ZERO;
        for (long id = book.first(side); id != 0; id = book.next(side, id)) {
            Order order = book.order(id);
            if (!order.price().equals(price)) {
                if (price != null) {
                    out.add(new Level(price, amount));
                }
                if (out.size() >= levels) {
                    return out;
                }
                price = order.price();
                amount = UInt256.ZERO;
            }
            amount = amount.add(order.remaining());
        }
        if (price != null && out.size() < levels) {
            out.add(new Level(price, amount));
        }
        return out;
    }

    /** The resting orders of {@code trader}, oldest (lowest id) first. */
    public static List<Long> openOrders(Book book, Address trader) {
        List<Long> out = new ArrayList<>();
        for (Side side : Side.values()) {
            for (long id = book.first(side); id != 0; id = book.next(side, id)) {
                if (book.order(id).trader().equals(trader)) {
                    out.add(id);
                }
            }
        }
        out.sort(null);
        return out;
    }
}
