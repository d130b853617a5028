package org.parkchain.regime.exchange;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Matches an incoming order against one market's book. Price-time priority (the best price first, at one price the
 * oldest order first; a partly filled order keeps its place); every trade at the resting (maker) order's price; an
 * order never trades with a resting order of its own trader, which is cancelled instead; a resting order whose
 * trader may not trade at this moment is passed over and keeps its place and its lock.
 *
 * <p>Stateless: the book holds the orders, the {@link Settlement} moves the funds. FillOrKill and PostOnly are
 * decided by a read-only look at the book before anything changes, so a refusal leaves the book as it was.
 */
public final class MatchingEngine {
    /** Whether a resting order's trader may trade at this moment (verified, not blocked, not frozen, ...). */
    @FunctionalInterface
    public interface Traders {
        boolean mayTrade(Address trader);
    }

    /** Pays what the engine decided, in the order it decided it. */
    public interface Settlement {
        /** The buyer receives the amount of base, the seller the proceeds, the operator both fees. */
        void trade(Trade trade);

        /** {@code order} has closed (its record already says so); {@code refund} of its lock goes back to its trader. */
        void closed(Order order, UInt256 refund, boolean cancelled);
    }

    private MatchingEngine() {}

    /**
     * Matches {@code incoming} (already in the book's records, open, holding its lock; not resting) under
     * {@code tif}, then rests what is left (GoodTillCancel, PostOnly) or closes it. Returns the order as it stands.
     *
     * @throws OrderRefused for a FillOrKill that would not fill at once, a PostOnly that would trade
     */
    public static Order place(Book book, MarketTerms terms, Order incoming, TimeInForce tif, Traders traders,
                              Settlement settlement) {
        Side makers = incoming.side().opposite();
        if (tif == TimeInForce.FILL_OR_KILL && !fillable(book, incoming, traders)) {
            throw new OrderRefused("fill-or-kill not filled");
        }
        if (tif == TimeInForce.POST_ONLY && wouldTrade(book, incoming, traders)) {
            throw new OrderRefused("post-only would trade");
        }
        Order taker = incoming;
        long id = book.first(makers);
        while (id != 0 && !taker.isFilled()) {
            Order maker = book.order(id);
            if (!crosses(taker, maker.price())) {
                break;
            }
            // The next order is found before this one may leave the book, and only when matching will go on: a
            // trade that fills the incoming order ends it (a storage-backed book then reads no further level).
            boolean trades = !maker.trader().equals(taker.trader()) && traders.mayTrade(maker.trader());
            long next = trades && maker.remaining().compareTo(taker.remaining()) >= 0 ? 0 : book.next(makers, id);
            if (!trades && maker.trader().equals(taker.trader())) {
                book.remove(maker);
                close(book, maker, true, settlement);
            } else if (trades) {
                taker = trade(book, terms, taker, maker, settlement);
            }
            id = next;
        }
        if (taker.isFilled()) {
            return close(book, taker, false, settlement);
        }
        if (tif.rests()) {
            book.put(taker);
            book.rest(taker);
            return taker;
        }
        return close(book, taker, true, settlement);
    }

    /** Cancels resting order {@code id}, returning its lock; the caller has checked who may. */
    public static Order cancel(Book book, long id, Settlement settlement) {
        Order order = book.order(id);
        if (!order.open()) {
            throw new OrderRefused("order " + id + " is not open");
        }
        book.remove(order);
        return close(book, order, true, settlement);
    }

    private static boolean crosses(Order taker, UInt256 makerPrice) {
        int c = makerPrice.compareTo(taker.price());
        return taker.side() == Side.BUY ? c <= 0 : c >= 0;
    }

    private static Order trade(Book book, MarketTerms terms, Order taker, Order maker, Settlement settlement) {
        UInt256 quantity = min(taker.remaining(), maker.remaining());
        UInt256 notional = terms.notional(maker.price(), quantity);
        UInt256 makerFee = MarketTerms.fee(notional, maker.makerFeeBps());
        UInt256 takerFee = MarketTerms.fee(notional, terms.takerFeeBps());
        boolean takerBuys = taker.side() == Side.BUY;
        UInt256 takerSpends = takerBuys ? notional.add(takerFee) : quantity;
        UInt256 makerSpends = takerBuys ? quantity : notional.add(makerFee);
        Order takerAfter = taker.afterTrade(quantity, requireHeld(taker, takerSpends));
        Order makerAfter = maker.afterTrade(quantity, requireHeld(maker, makerSpends));
        settlement.trade(new Trade(maker.id(), taker.id(), taker.side(),
                takerBuys ? taker.trader() : maker.trader(), takerBuys ? maker.trader() : taker.trader(),
                maker.price(), quantity, notional, makerFee, takerFee));
        if (makerAfter.isFilled()) {
            book.remove(makerAfter);
            close(book, makerAfter, false, settlement);
        } else {
            book.put(makerAfter);
        }
        return takerAfter;
    }

    /** The lock covers every trade by construction (see MarketTerms.lock); a shortfall is a defect, not a refusal. */
    private static UInt256 requireHeld(Order order, UInt256 spend) {
        if (spend.compareTo(order.locked()) > 0) {
            throw new IllegalStateException("order " + order.id() + " would spend " + spend + " holding " + order.locked());
        }
        return spend;
    }

    private static Order close(Book book, Order order, boolean cancelled, Settlement settlement) {
        Order closed = order.closed();
        book.put(closed);
        settlement.closed(closed, order.locked(), cancelled);
        return closed;
    }

    /** Whether the orders {@code incoming} could trade with now add up to its whole amount. */
    private static boolean fillable(Book book, Order incoming, Traders traders) {
        Side makers = incoming.side().opposite();
        UInt256 available = UInt256.ZERO;
        for (long id = book.first(makers); id != 0; id = book.next(makers, id)) {
            Order maker = book.order(id);
            if (!crosses(incoming, maker.price())) {
                return false;
            }
            if (!maker.trader().equals(incoming.trader()) && traders.mayTrade(maker.trader())) {
                // Compared before adding, so a sum of huge amounts cannot wrap around 2^256.
                if (maker.remaining().compareTo(incoming.amount().sub(available)) >= 0) {
                    return true;
                }
                available = available.add(maker.remaining());
            }
        }
        return false;
    }

    /** Whether {@code incoming} would trade at once with another trader's order. */
    private static boolean wouldTrade(Book book, Order incoming, Traders traders) {
        Side makers = incoming.side().opposite();
        for (long id = book.first(makers); id != 0; id = book.next(makers, id)) {
            Order maker = book.order(id);
            if (!crosses(incoming, maker.price())) {
                return false;
            }
            if (!maker.trader().equals(incoming.trader()) && traders.mayTrade(maker.trader())) {
                return true;
            }
        }
        return false;
    }

    private static UInt256 min(UInt256 a, UInt256 b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
