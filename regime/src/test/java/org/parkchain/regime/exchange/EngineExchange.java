package org.parkchain.regime.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * The engine with the few rules a market adds around it (halted, blocked traders, fees, the operator's cancel while
 * halted) and a ledger of balances, in memory: what the property tests drive side by side with the reference.
 */
final class EngineExchange {
    private static final int BASE = 0, QUOTE = 1;

    final MemoryBook book = new MemoryBook();
    final Address self;
    final Address operator;
    final Address treasury;
    final long levyBps;
    MarketTerms terms;
    boolean halted;
    final Set<Address> blocked = new HashSet<>();
    final Map<Address, UInt256[]> balances = new HashMap<>();
    final List<Trade> trades = new ArrayList<>();
    long orderCount;

    EngineExchange(Address self, Address operator, Address treasury, long tick, long lot, long makerFeeBps, long takerFeeBps,
                   long levyBps) {
        this.self = self;
        this.operator = operator;
        this.treasury = treasury;
        this.levyBps = levyBps;
        this.terms = new MarketTerms(UInt256.of(tick), UInt256.of(lot), UInt256.ONE, makerFeeBps, takerFeeBps);
    }

    UInt256[] balance(Address a) {
        return balances.computeIfAbsent(a, k -> new UInt256[] {UInt256.ZERO, UInt256.ZERO});
    }

    void credit(Address a, int asset, UInt256 amount) {
        balance(a)[asset] = balance(a)[asset].add(amount);
    }

    private void move(int asset, Address from, Address to, UInt256 amount) {
        UInt256[] f = balance(from);
        if (f[asset].compareTo(amount) < 0) {
            throw new IllegalStateException(from + " pays " + amount + " holding " + f[asset]);
        }
        f[asset] = f[asset].sub(amount);
        credit(to, asset, amount);
    }

    private final MatchingEngine.Settlement settlement = new MatchingEngine.Settlement() {
        @Override
        public void trade(Trade t) {
            trades.add(t);
            move(BASE, self, t.buyer(), t.amount());
            move(QUOTE, self, t.seller(), t.proceeds());
            UInt256 levy = MarketTerms.fee(t.fees(), levyBps);
            move(QUOTE, self, operator, t.fees().sub(levy));
            move(QUOTE, self, treasury, levy);
        }

        @Override
        public void closed(Order order, UInt256 refund, boolean cancelled) {
            move(order.side() == Side.SELL ? BASE : QUOTE, self, order.trader(), refund);
        }
    };

    String place(Address trader, Side side, long price, long amount, TimeInForce tif) {
        if (halted) return "halted";
        if (blocked.contains(trader)) return "blocked";
        UInt256 lock;
        try {
            terms.check(UInt256.of(price), UInt256.of(amount));
            lock = terms.lock(side, UInt256.of(price), UInt256.of(amount));
        } catch (OrderRefused e) {
            return "steps";
        }
        int asset = side == Side.SELL ? BASE : QUOTE;
        if (balance(trader)[asset].compareTo(lock) < 0) return "funds";
        Order order = Order.placed(orderCount + 1, 1, trader, side, UInt256.of(price), UInt256.of(amount),
                terms.makerFeeBps(), lock, 0);
        // FillOrKill and PostOnly are decided before the engine changes anything, so the lock moves only after.
        try {
            book.add(order);
            move(asset, trader, self, lock);
            MatchingEngine.place(book, terms, order, tif, t -> !blocked.contains(t), settlement);
        } catch (OrderRefused e) {
            move(asset, self, trader, lock);
            book.forget(order.id());
            return e.getMessage();
        }
        orderCount++;
        return null;
    }

    String cancel(Address caller, long id) {
        if (id < 1 || id > orderCount) return "no order";
        Order o = book.order(id);
        if (!o.open()) return "not open";
        if (!caller.equals(o.trader()) && !(halted && caller.equals(operator))) return "not yours";
        if (blocked.contains(o.trader())) return "blocked";
        MatchingEngine.cancel(book, id, settlement);
        return null;
    }
}
