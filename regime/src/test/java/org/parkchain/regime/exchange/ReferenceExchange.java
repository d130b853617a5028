package org.parkchain.regime.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parkchain.primitives.Address;

/**
 * The naive reference: one market with every rule written as plainly as possible — a list of orders, linear scans,
 * a sort for priority, longs for money — against which the engine (and the system contract) are compared.
 * Decimals 0, so a trade's notional is price × amount. The operator's fees are split with the treasury by the levy.
 */
final class ReferenceExchange {
    static final class RefOrder {
        final long id;
        final Address trader;
        final Side side;
        final long price;
        final long amount;
        final long makerFeeBps;
        long filled;
        long locked;
        boolean open = true;
        boolean resting;

        RefOrder(long id, Address trader, Side side, long price, long amount, long makerFeeBps, long locked) {
            this.id = id;
            this.trader = trader;
            this.side = side;
            this.price = price;
            this.amount = amount;
            this.makerFeeBps = makerFeeBps;
            this.locked = locked;
        }
    }


    final long tick;
    final long lot;
    final long levyBps;
    final Address operator;
    final Address treasury;
    long makerFeeBps;
    long takerFeeBps;
    boolean halted;
    final Set<Address> blocked = new HashSet<>();
    final List<RefOrder> orders = new ArrayList<>();
    final List<ReferenceFill> fills = new ArrayList<>();
    /** Balances per account: [base, quote]. The exchange's own holdings under its address. */
    final Map<Address, long[]> balances = new HashMap<>();
    final Address self;

    ReferenceExchange(Address self, Address operator, Address treasury, long tick, long lot, long makerFeeBps,
                      long takerFeeBps, long levyBps) {
        this.self = self;
        this.operator = operator;
        this.treasury = treasury;
        this.tick = tick;
        this.lot = lot;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        this.levyBps = levyBps;
    }

    long[] balance(Address a) {
        return balances.computeIfAbsent(a, k -> new long[2]);
    }

    private void move(int asset, Address from, Address to, long amount) {
        balance(from)[asset] -= amount;
        balance(to)[asset] += amount;
    }

    private static final int BASE = 0, QUOTE = 1;

    private boolean mayTrade(Address trader) {
        return !blocked.contains(trader);
    }

    /** The reason the order is refused, or null; on a refusal nothing changed. */
    String place(Address trader, Side side, long price, long amount, TimeInForce tif) {
        if (halted) return "halted";
        if (!mayTrade(trader)) return "blocked";
        if (price <= 0 || amount <= 0 || price % tick != 0 || amount % lot != 0) return "steps";
        long notional = price * amount;
        long lock = side == Side.SELL ? amount : notional + notional * Math.max(makerFeeBps, takerFeeBps) / 10_000;
        int lockAsset = side == Side.SELL ? BASE : QUOTE;
        if (balance(trader)[lockAsset] < lock) return "funds";
        List<RefOrder> crossing = orders.stream()
                .filter(o -> o.resting && o.side != side && (side == Side.BUY ? o.price <= price : o.price >= price))
                .sorted(priority(side.opposite())).toList();
        List<RefOrder> tradeable = crossing.stream().filter(o -> !o.trader.equals(trader) && mayTrade(o.trader)).toList();
        if (tif == TimeInForce.FILL_OR_KILL && tradeable.stream().mapToLong(o -> o.amount - o.filled).sum() < amount) {
            return "fill-or-kill not filled";
        }
        if (tif == TimeInForce.POST_ONLY && !tradeable.isEmpty()) return "post-only would trade";
        move(lockAsset, trader, self, lock);
        RefOrder taker = new RefOrder(orders.size() + 1, trader, side, price, amount, makerFeeBps, lock);
        orders.add(taker);
        for (RefOrder maker : crossing) {
            if (taker.filled == taker.amount) break;
            if (maker.trader.equals(trader)) {
                close(maker);
            } else if (mayTrade(maker.trader)) {
                long q = Math.min(taker.amount - taker.filled, maker.amount - maker.filled);
                long n = maker.price * q;
                long mf = n * maker.makerFeeBps / 10_000;
                long tf = n * takerFeeBps / 10_000;
                RefOrder buy = side == Side.BUY ? taker : maker;
                RefOrder sell = side == Side.BUY ? maker : taker;
                long buyerFee = side == Side.BUY ? tf : mf;
                long sellerFee = side == Side.BUY ? mf : tf;
                buy.locked -= n + buyerFee;
                sell.locked -= q;
                taker.filled += q;
                maker.filled += q;
                move(BASE, self, buy.trader, q);
                move(QUOTE, self, sell.trader, n - sellerFee);
                long levy = (mf + tf) * levyBps / 10_000;
                move(QUOTE, self, operator, mf + tf - levy);
                move(QUOTE, self, treasury, levy);
                fills.add(new ReferenceFill(maker.id, taker.id, buy.trader, sell.trader, maker.price, q, mf, tf));
                if (maker.filled == maker.amount) close(maker);
            }
        }
        if (taker.filled == taker.amount || !(tif == TimeInForce.GOOD_TILL_CANCEL || tif == TimeInForce.POST_ONLY)) {
            close(taker);
        } else {
            taker.resting = true;
        }
        return null;
    }

    private static Comparator<RefOrder> priority(Side side) {
        Comparator<RefOrder> byPrice = Comparator.comparingLong(o -> o.price);
        return (side == Side.BUY ? byPrice.reversed() : byPrice).thenComparingLong(o -> o.id);
    }

    private void close(RefOrder o) {
        move(o.side == Side.SELL ? BASE : QUOTE, self, o.trader, o.locked);
        o.locked = 0;
        o.open = false;
        o.resting = false;
    }

    String cancel(Address caller, long id) {
        if (id < 1 || id > orders.size()) return "no order";
        RefOrder o = orders.get((int) id - 1);
        if (!o.open) return "not open";
        if (!caller.equals(o.trader) && !(halted && caller.equals(operator))) return "not yours";
        if (blocked.contains(o.trader)) return "blocked";
        close(o);
        return null;
    }

    /** price → open amount of one side, best first. */
    List<long[]> depth(Side side) {
        TreeMap<Long, Long> levels = new TreeMap<>(side == Side.BUY ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        for (RefOrder o : orders) {
            if (o.resting && o.side == side) levels.merge(o.price, o.amount - o.filled, Long::sum);
        }
        return levels.entrySet().stream().map(e -> new long[] {e.getKey(), e.getValue()}).toList();
    }

    /** What the exchange holds of each asset equals the sum of the locks of its open orders. */
    long[] openLocks() {
        long[] sum = new long[2];
        for (RefOrder o : orders) {
            if (o.open) sum[o.side == Side.SELL ? BASE : QUOTE] += o.locked;
        }
        return sum;
    }
}
