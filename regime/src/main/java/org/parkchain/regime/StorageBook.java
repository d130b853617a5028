package org.parkchain.regime;

import java.util.HashMap;
import java.util.Map;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Book;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;

/**
 * One market's book in the exchange's storage (layout in {@link ExchangeLayout}): every order's record, and per side
 * a linked list of price levels from the best, each a doubly linked queue of order ids. A level has no link back to
 * the better one: matching only ever empties the best level, and a cancel that empties a deeper one walks from the
 * best to unlink it (as a Solidity order book over a linked list would), which saves a slot on every new level. Every read and write
 * goes through {@link ContractStorage}, so it costs what SLOAD and SSTORE cost; the records read in this call are
 * remembered, so saving one writes only the words that changed. A new order's record is written when the engine saves
 * it the first time (when it rests or closes), so an order that trades and closes within its call writes each word once.
 */
final class StorageBook implements Book {
    private final ContractStorage storage;
    private final long marketId;
    /** The records as this call sees them. */
    private final Map<Long, Order> read = new HashMap<>();
    /** The records as storage holds them; a new order maps to null (all its words are still zero). */
    private final Map<Long, Order> stored = new HashMap<>();
    /** Whether each order read or created in this call has the compact record. */
    private final Map<Long, Boolean> compact = new HashMap<>();

    StorageBook(ContractStorage storage, long marketId) {
        this.storage = storage;
        this.marketId = marketId;
    }

    /** Takes a new order (its slots are all zero); its words are written when it is first saved. */
    void create(Order order) {
        read.put(order.id(), order);
        stored.put(order.id(), null);
        compact.put(order.id(), ExchangeLayout.fitsCompact(order));
    }

    @Override
    public Order order(long id) {
        Order cached = read.get(id);
        if (cached != null) {
            return cached;
        }
        UInt256 head = storage.load(ExchangeLayout.order(id, 0));
        boolean isCompact = ExchangeLayout.isCompact(head);
        UInt256[] words = new UInt256[ExchangeLayout.ORDER_WORDS];
        words[0] = head;
        for (int word = 1; word < ExchangeLayout.words(isCompact); word++) {
            words[word] = storage.load(ExchangeLayout.order(id, word));
        }
        Order order = ExchangeLayout.order(id, words);
        read.put(id, order);
        stored.put(id, order);
        compact.put(id, isCompact);
        return order;
    }

    @Override
    public void put(Order order) {
        order(order.id());
        Order before = stored.get(order.id());
        boolean isCompact = compact.get(order.id());
        for (int word = 0; word < ExchangeLayout.words(isCompact); word++) {
            UInt256 value = ExchangeLayout.orderWord(order, word, isCompact);
            UInt256 was = before == null ? UInt256.ZERO : ExchangeLayout.orderWord(before, word, isCompact);
            if (!value.equals(was)) {
                storage.store(ExchangeLayout.order(order.id(), word), value);
            }
        }
        read.put(order.id(), order);
        stored.put(order.id(), order);
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

    private long[] ends(Side side, UInt256 price) {
        return ExchangeLayout.links(level(side, price, ExchangeLayout.L_ENDS));
    }

    private void setEnds(Side side, UInt256 price, long first, long last) {
        setLevel(side, price, ExchangeLayout.L_ENDS, ExchangeLayout.links(first, last));
    }

    @Override
    public long first(Side side) {
        UInt256 best = best(side);
        return best.isZero() ? 0 : ends(side, best)[0];
    }

    @Override
    public long next(Side side, long id) {
        long next = links(id)[0];
        if (next != 0) {
            return next;
        }
        UInt256 worse = level(side, order(id).price(), ExchangeLayout.L_NEXT);
        return worse.isZero() ? 0 : ends(side, worse)[0];
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
        long[] ends = ends(side, price);
        if (ends[1] != 0) {
            long[] lastLinks = links(ends[1]);
            setLinks(ends[1], order.id(), lastLinks[1]);
            setLinks(order.id(), 0, ends[1]);
            setEnds(side, price, ends[0], order.id());
        } else {
            insertLevel(side, price);
            setEnds(side, price, order.id(), order.id());
        }
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
        }
        if (previous.isZero()) {
            storage.store(ExchangeLayout.best(marketId, side), price);
        } else {
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
        if (previous == 0 && next == 0) {
            removeLevel(side, price);
            return;
        }
        long[] ends = ends(side, price);
        if (previous != 0) {
            setLinks(previous, next, links(previous)[1]);
        }
        if (next != 0) {
            setLinks(next, links(next)[0], previous);
        }
        setEnds(side, price, previous == 0 ? next : ends[0], next == 0 ? previous : ends[1]);
        setLinks(order.id(), 0, 0);
    }

    /** Unlinks an emptied level: at once when it is the best, else by walking to the one before it. */
    private void removeLevel(Side side, UInt256 price) {
        UInt256 worse = level(side, price, ExchangeLayout.L_NEXT);
        UInt256 best = best(side);
        if (best.equals(price)) {
            storage.store(ExchangeLayout.best(marketId, side), worse);
        } else {
            UInt256 at = best;
            UInt256 after = level(side, at, ExchangeLayout.L_NEXT);
            while (!after.equals(price)) {
                at = after;
                after = level(side, at, ExchangeLayout.L_NEXT);
            }
            setLevel(side, at, ExchangeLayout.L_NEXT, worse);
        }
        setLevel(side, price, ExchangeLayout.L_NEXT, UInt256.ZERO);
        setEnds(side, price, 0, 0);
    }
}
