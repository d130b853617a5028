package org.parkchain.regime;

import java.util.HashMap;
import java.util.Map;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Book;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;

/**
 * One market's book in the exchange's storage (layout in {@link ExchangeLayout}): every order's record, and per side
 * a doubly linked list of price levels from the best, each a doubly linked queue of order ids. Every read and write
 * goes through {@link ContractStorage}, so it costs what SLOAD and SSTORE cost; the records read in this call are
 * remembered, so saving one writes only the words that changed.
 */
final class StorageBook implements Book {
    private final ContractStorage storage;
    private final long marketId;
    private final Map<Long, Order> read = new HashMap<>();

    StorageBook(ContractStorage storage, long marketId) {
        this.storage = storage;
        this.marketId = marketId;
    }

    /** Writes a new order's record (its slots are all zero before, so zero words are not written). */
    void create(Order order) {
        for (int word = 0; word < ExchangeLayout.ORDER_WORDS; word++) {
            UInt256 value = ExchangeLayout.orderWord(order, word);
            if (!value.isZero()) {
                storage.store(ExchangeLayout.order(order.id(), word), value);
            }
        }
        read.put(order.id(), order);
    }

    @Override
    public Order order(long id) {
        Order cached = read.get(id);
        if (cached != null) {
            return cached;
        }
        UInt256[] words = new UInt256[ExchangeLayout.ORDER_WORDS];
        for (int word = 0; word < words.length; word++) {
            words[word] = storage.load(ExchangeLayout.order(id, word));
        }
        Order order = ExchangeLayout.order(id, words);
        read.put(id, order);
        return order;
    }

    @Override
    public void put(Order order) {
        Order before = order(order.id());
        for (int word = 0; word < ExchangeLayout.ORDER_WORDS; word++) {
            UInt256 value = ExchangeLayout.orderWord(order, word);
            if (!value.equals(ExchangeLayout.orderWord(before, word))) {
                storage.store(ExchangeLayout.order(order.id(), word), value);
            }
        }
        read.put(order.id(), order);
    }

    // --- price levels: a list per side, best first --------------------------------------------------------------

    private UInt256 best(Side side) {
        return storage.load(ExchangeLayout.best(marketId, side));
    }

    private UInt256 level(Side side, UInt256 price, long field) {
        return storage.load(ExchangeLayout.level(marketId, side, price, field));
    }

    private void setLevel(Side side, UInt256 price, long field, UInt256 value) {
        storage.store(ExchangeLayout.level(marketId, side, price, field), value);
    }

    /** Whether {@code a} comes before {@code b} on {@code side}: higher bids, lower asks first. */
    private static boolean better(Side side, UInt256 a, UInt256 b) {
        int c = a.compareTo(b);
        return side == Side.BUY ? c > 0 : c < 0;
    }

    @Override
    public long first(Side side) {
        UInt256 best = best(side);
        return best.isZero() ? 0 : level(side, best, ExchangeLayout.L_FIRST).u0;
    }

    @Override
    public long next(Side side, long id) {
        long next = links(id)[0];
        if (next != 0) {
            return next;
        }
        UInt256 worse = level(side, order(id).price(), ExchangeLayout.L_NEXT);
        return worse.isZero() ? 0 : level(side, worse, ExchangeLayout.L_FIRST).u0;
    }

    private long[] links(long id) {
        return ExchangeLayout.links(storage.load(ExchangeLayout.order(id, ExchangeLayout.O_LINKS)));
    }

    private void setLinks(long id, long next, long previous) {
        storage.store(ExchangeLayout.order(id, ExchangeLayout.O_LINKS), ExchangeLayout.links(next, previous));
    }

    @Override
    public void rest(Order order) {
        Side side = order.side();
        UInt256 price = order.price();
        long last = level(side, price, ExchangeLayout.L_LAST).u0;
        if (last != 0) {
            long[] lastLinks = links(last);
            setLinks(last, order.id(), lastLinks[1]);
            setLinks(order.id(), 0, last);
        } else {
            insertLevel(side, price);
            setLevel(side, price, ExchangeLayout.L_FIRST, UInt256.of(order.id()));
        }
        setLevel(side, price, ExchangeLayout.L_LAST, UInt256.of(order.id()));
    }

    /** Links a new level in at its place, walking from the best (most orders rest near it). */
    private void insertLevel(Side side, UInt256 price) {
        UInt256 previous = UInt256.ZERO;
        UInt256 at = best(side);
        while (!at.isZero() && better(side, at, price)) {
            previous = at;
            at = level(side, at, ExchangeLayout.L_NEXT);
        }
        if (!at.isZero()) {
            setLevel(side, price, ExchangeLayout.L_NEXT, at);
            setLevel(side, at, ExchangeLayout.L_PREVIOUS, price);
        }
        if (previous.isZero()) {
            storage.store(ExchangeLayout.best(marketId, side), price);
        } else {
            setLevel(side, price, ExchangeLayout.L_PREVIOUS, previous);
            setLevel(side, previous, ExchangeLayout.L_NEXT, price);
        }
    }

    @Override
    public void remove(Order order) {
        Side side = order.side();
        UInt256 price = order.price();
        long[] links = links(order.id());
        long next = links[0];
        long previous = links[1];
        if (previous == 0) {
            setLevel(side, price, ExchangeLayout.L_FIRST, UInt256.of(next));
        } else {
            setLinks(previous, next, links(previous)[1]);
        }
        if (next == 0) {
            setLevel(side, price, ExchangeLayout.L_LAST, UInt256.of(previous));
        } else {
            setLinks(next, links(next)[0], previous);
        }
        if (next != 0 || previous != 0) {
            setLinks(order.id(), 0, 0);
        }
        if (previous == 0 && next == 0) {
            removeLevel(side, price);
        }
    }

    private void removeLevel(Side side, UInt256 price) {
        UInt256 worse = level(side, price, ExchangeLayout.L_NEXT);
        UInt256 better = level(side, price, ExchangeLayout.L_PREVIOUS);
        if (better.isZero()) {
            storage.store(ExchangeLayout.best(marketId, side), worse);
        } else {
            setLevel(side, better, ExchangeLayout.L_NEXT, worse);
        }
        if (!worse.isZero()) {
            setLevel(side, worse, ExchangeLayout.L_PREVIOUS, better);
        }
        setLevel(side, price, ExchangeLayout.L_NEXT, UInt256.ZERO);
        setLevel(side, price, ExchangeLayout.L_PREVIOUS, UInt256.ZERO);
    }
}
