package org.parkchain.regime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Book;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;

/**
 * One market's book in the exchange's storage (layout in {@link ExchangeLayout} and {@link OrderRecord}): every
 * order's record, and per side a linked list of price levels from the best, each a queue of order ids linked forward (a cancel
 * from the middle of a queue walks from its first order, as in a Solidity FIFO).
 * A level has no link back to the better one: matching only ever empties the best level, and a cancel that empties a
 * deeper one walks from the best to unlink it (as a Solidity order book over a linked list would).
 *
 * <p>Like a Solidity function that loads a struct into memory and stores it back once, the book reads each slot at
 * most once per call (an SLOAD, cold or warm, through {@link ContractStorage}) and keeps what it read and changed; the
 * call ends with {@link #flush()}, which stores each word whose value changed, once, at the SSTORE price of that
 * change. A new order's slots are known to be zero (its id was never used), so they are not read.
 */
final class StorageBook implements Book {
    /** A price level: its queue's ends and the next (worse) price of its side, 0 when it is the last. */
    private record Level(long first, long last, UInt256 next) {
        static final Level EMPTY = new Level(0, 0, UInt256.ZERO);
    }

    private record LevelKey(Side side, UInt256 price) {}

    /** A record's value as storage holds it and as this call leaves it, at its first slot. */
    private static final class Word<T> {
        final UInt256 slot;
        final T stored;
        T current;

        Word(UInt256 slot, T stored) {
            this.slot = slot;
            this.stored = stored;
            this.current = stored;
        }
    }

    private final ContractStorage storage;
    private final long marketId;
    private final Map<Long, Word<OrderRecord>> orders = new LinkedHashMap<>();
    /** The links words of orders whose record this call did not read whole (a neighbour relinked). */
    private final Map<Long, Word<UInt256>> linkWords = new LinkedHashMap<>();
    private final Map<LevelKey, Word<Level>> levels = new LinkedHashMap<>();
    private final Map<Side, Word<UInt256>> best = new LinkedHashMap<>();

    StorageBook(ContractStorage storage, long marketId) {
        this.storage = storage;
        this.marketId = marketId;
    }

    /** The book of the market order {@code orderId} is in, with that order read; null when there is no such order. */
    static StorageBook holding(ContractStorage storage, long orderId) {
        StorageBook probe = new StorageBook(storage, 0);
        UInt256 slot = ExchangeLayout.order(storage, orderId);
        UInt256 head = storage.load(slot);
        if (head.isZero()) {
            return null;
        }
        Word<OrderRecord> record = probe.read(orderId, slot, head, null);
        StorageBook book = new StorageBook(storage, record.current.order().marketId());
        book.orders.put(orderId, record);
        return book;
    }

    /** Takes a new order (its slots are all zero); its words are written by {@link #flush()}. */
    void create(Order order) {
        Word<OrderRecord> w = new Word<>(ExchangeLayout.order(storage, order.id()), null);
        w.current = OrderRecord.of(order);
        orders.put(order.id(), w);
    }

    private Word<OrderRecord> entry(long id) {
        Word<OrderRecord> w = orders.get(id);
        if (w == null) {
            Word<UInt256> links = linkWords.remove(id);
            UInt256 slot = links != null ? links.slot : ExchangeLayout.order(storage, id);
            w = read(id, slot, storage.load(slot), links);
        }
        return w;
    }

    /** Reads the rest of a record whose first word is {@code head}, and whose links word this call may hold already. */
    private Word<OrderRecord> read(long id, UInt256 slot, UInt256 head, Word<UInt256> links) {
        UInt256[] words = new UInt256[OrderRecord.size(head)];
        words[0] = head;
        for (int i = 1; i < words.length; i++) {
            words[i] = i == OrderRecord.LINKS && links != null ? links.stored : storage.load(Slots.field(slot, i));
        }
        Word<OrderRecord> w = new Word<>(slot, OrderRecord.of(id, words));
        if (links != null) {
            w.current = w.current.linked(OrderRecord.next(links.current));
        }
        orders.put(id, w);
        return w;
    }

    @Override
    public Order order(long id) {
        return entry(id).current.order();
    }

    @Override
    public void put(Order order) {
        Word<OrderRecord> w = entry(order.id());
        w.current = w.current.with(order);
    }

    /** The order after {@code id} in its queue; of an order whose record is not read, only its links word is read. */
    private long linkOf(long id) {
        Word<OrderRecord> record = orders.get(id);
        return record != null ? record.current.next() : OrderRecord.next(linkWord(id).current);
    }

    private void setLink(long id, long next) {
        Word<OrderRecord> record = orders.get(id);
        if (record != null) {
            record.current = record.current.linked(next);
        } else {
            Word<UInt256> w = linkWord(id);
            w.current = OrderRecord.relinked(w.current, next);
        }
    }

    private Word<UInt256> linkWord(long id) {
        return linkWords.computeIfAbsent(id, k -> {
            UInt256 slot = ExchangeLayout.order(storage, k);
            return new Word<>(slot, storage.load(Slots.field(slot, OrderRecord.LINKS)));
        });
    }

    // --- price levels: a list per side, best first --------------------------------------------------------------

    private UInt256 best(Side side) {
        return bestWord(side).current;
    }

    private Word<UInt256> bestWord(Side side) {
        return best.computeIfAbsent(side, s -> {
            UInt256 slot = ExchangeLayout.best(storage, marketId, s);
            return new Word<>(slot, storage.load(slot));
        });
    }

    private Word<Level> levelWord(Side side, UInt256 price) {
        return levels.computeIfAbsent(new LevelKey(side, price), k -> {
            UInt256 slot = ExchangeLayout.level(storage, marketId, side, price);
            UInt256 w = storage.load(slot);
            UInt256 next = ExchangeLayout.levelNextIsWide(w) ? storage.load(Slots.field(slot, 1)) : ExchangeLayout.levelNext(w);
            return new Word<>(slot, new Level(ExchangeLayout.levelFirst(w), ExchangeLayout.levelLast(w), next));
        });
    }

    private Level level(Side side, UInt256 price) {
        return levelWord(side, price).current;
    }

    private void setLevel(Side side, UInt256 price, Level level) {
        levelWord(side, price).current = level;
    }

    /** Whether {@code a} comes before {@code b} on {@code side}: higher bids, lower asks first. */
    private static boolean better(Side side, UInt256 a, UInt256 b) {
        int c = a.compareTo(b);
        return side == Side.BUY ? c > 0 : c < 0;
    }

    @Override
    public long first(Side side) {
        UInt256 best = best(side);
        return best.isZero() ? 0 : level(side, best).first();
    }

    @Override
    public long next(Side side, long id) {
        long next = linkOf(id);
        if (next != 0) {
            return next;
        }
        UInt256 worse = level(side, order(id).price()).next();
        return worse.isZero() ? 0 : level(side, worse).first();
    }

    @Override
    public void rest(Order order) {
        Side side = order.side();
        UInt256 price = order.price();
        Level level = level(side, price);
        if (level.last() != 0) {
            setLink(level.last(), order.id());
            setLevel(side, price, new Level(level.first(), order.id(), level.next()));
        } else {
            setLevel(side, price, new Level(order.id(), order.id(), insertLevel(side, price)));
        }
    }

    /** Links a new level in at its place, walking from the best (most orders rest near it); returns its next price. */
    private UInt256 insertLevel(Side side, UInt256 price) {
        UInt256 previous = UInt256.ZERO;
        UInt256 at = best(side);
        while (!at.isZero() && better(side, at, price)) {
            previous = at;
            at = level(side, at).next();
        }
        if (previous.isZero()) {
            bestWord(side).current = price;
        } else {
            Level before = level(side, previous);
            setLevel(side, previous, new Level(before.first(), before.last(), price));
        }
        return at;
    }

    @Override
    public void remove(Order order) {
        Side side = order.side();
        UInt256 price = order.price();
        long next = linkOf(order.id());
        Level level = level(side, price);
        if (level.first() == order.id()) {
            if (next == 0) {
                removeLevel(side, price);
                return;
            }
            setLevel(side, price, new Level(next, level.last(), level.next()));
        } else {
            // Forward links only: the order before it is found by walking from the first (its links words only).
            long before = level.first();
            for (long after = linkOf(before); after != order.id(); after = linkOf(before)) {
                if (after == 0) {
                    throw new IllegalStateException("order " + order.id() + " is not in its level's queue");
                }
                before = after;
            }
            setLink(before, next);
            setLevel(side, price, new Level(level.first(), next == 0 ? before : level.last(), level.next()));
        }
        setLink(order.id(), 0);
    }

    /** Unlinks an emptied level: at once when it is the best, else by walking to the one before it. */
    private void removeLevel(Side side, UInt256 price) {
        UInt256 worse = level(side, price).next();
        UInt256 best = best(side);
        if (best.equals(price)) {
            bestWord(side).current = worse;
        } else {
            UInt256 at = best;
            Level atLevel = level(side, at);
            while (!atLevel.next().equals(price)) {
                at = atLevel.next();
                atLevel = level(side, at);
            }
            setLevel(side, at, new Level(atLevel.first(), atLevel.last(), worse));
        }
        setLevel(side, price, Level.EMPTY);
    }

    // --- the end of the call --------------------------------------------------------------------------------------

    /** Stores every word this call changed, once each. */
    void flush() {
        orders.forEach((id, w) -> {
            UInt256[] now = w.current.words();
            UInt256[] was = w.stored == null ? null : w.stored.words();
            for (int i = 0; i < now.length; i++) {
                UInt256 before = was == null ? UInt256.ZERO : was[i];
                if (!now[i].equals(before)) {
                    storage.store(Slots.field(w.slot, i), now[i]);
                }
            }
        });
        linkWords.forEach((id, w) -> {
            if (!w.current.equals(w.stored)) {
                storage.store(Slots.field(w.slot, OrderRecord.LINKS), w.current);
            }
        });
        levels.forEach((key, w) -> {
            UInt256[] now = ExchangeLayout.levelWords(w.current.first(), w.current.last(), w.current.next());
            UInt256[] was = ExchangeLayout.levelWords(w.stored.first(), w.stored.last(), w.stored.next());
            for (int i = 0; i < 2; i++) {
                if (!now[i].equals(was[i])) {
                    storage.store(Slots.field(w.slot, i), now[i]);
                }
            }
        });
        best.forEach((side, w) -> {
            if (!w.current.equals(w.stored)) {
                storage.store(w.slot, w.current);
            }
        });
    }
}
