package org.parkchain.regime.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * The engine against the naive reference: random sequences of orders (every time in force), cancels, halts, fee
 * changes and blocked traders; after every step the same refusals, the same trades, the same balances, the same book
 * levels and the same order records. And the solvency invariant: what the exchange holds of each asset is exactly
 * the locks of its open orders, and no step creates or destroys value.
 */
class EngineAgainstReferenceTest {
    static final Address SELF = Address.fromLong(0x1003);
    static final Address OPERATOR = Address.fromLong(0x0FE);
    static final Address TREASURY = Address.fromLong(0x7EA5);
    static final List<Address> TRADERS = List.of(Address.fromLong(0xA1), Address.fromLong(0xA2), Address.fromLong(0xA3),
            Address.fromLong(0xA4));
    static final long START = 1_000_000;

    /** One step of a random session. */
    public sealed interface Step {}

    public record Place(int trader, Side side, long ticks, long lots, TimeInForce tif) implements Step {}

    public record Cancel(int caller, long id) implements Step {}

    public record Halt(boolean halted) implements Step {}

    public record Fees(long maker, long taker) implements Step {}

    public record Block(int trader, boolean blocked) implements Step {}

    @Provide
    static Arbitrary<List<Step>> sessions() {
        Arbitrary<Step> place = Combinators.combine(Arbitraries.integers().between(0, TRADERS.size() - 1),
                Arbitraries.of(Side.class), Arbitraries.longs().between(1, 8), Arbitraries.longs().between(1, 6),
                Arbitraries.of(TimeInForce.class)).as(Place::new);
        Arbitrary<Step> cancel = Combinators.combine(Arbitraries.integers().between(0, TRADERS.size()),
                Arbitraries.longs().between(0, 40)).as(Cancel::new);
        Arbitrary<Step> halt = Arbitraries.of(true, false).map(Halt::new);
        Arbitrary<Step> fees = Combinators.combine(Arbitraries.of(0L, 7L, 30L, 250L, 1000L), Arbitraries.of(0L, 13L, 50L, 1000L))
                .as(Fees::new);
        Arbitrary<Step> block = Combinators.combine(Arbitraries.integers().between(0, TRADERS.size() - 1),
                Arbitraries.of(true, false)).as(Block::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, place), net.jqwik.api.Tuple.of(3, cancel), net.jqwik.api.Tuple.of(1, halt),
                net.jqwik.api.Tuple.of(1, fees), net.jqwik.api.Tuple.of(1, block)).list().ofMinSize(1).ofMaxSize(60);
    }

    private static final long TICK = 10, LOT = 3;

    @Property(tries = 400)
    void theEngineTradesExactlyLikeTheNaiveReference(@ForAll("sessions") List<Step> session) {
        ReferenceExchange ref = new ReferenceExchange(SELF, OPERATOR, TREASURY, TICK, LOT, 30, 50, 100);
        EngineExchange engine = new EngineExchange(SELF, OPERATOR, TREASURY, TICK, LOT, 30, 50, 100);
        for (Address t : TRADERS) {
            ref.balance(t)[0] = START;
            ref.balance(t)[1] = START;
            engine.credit(t, 0, UInt256.of(START));
            engine.credit(t, 1, UInt256.of(START));
        }
        for (Step step : session) {
            String refOutcome;
            String engineOutcome;
            switch (step) {
                case Place p -> {
                    Address trader = TRADERS.get(p.trader());
                    refOutcome = ref.place(trader, p.side(), p.ticks() * TICK, p.lots() * LOT, p.tif());
                    engineOutcome = engine.place(trader, p.side(), p.ticks() * TICK, p.lots() * LOT, p.tif());
                }
                case Cancel c -> {
                    Address caller = c.caller() == TRADERS.size() ? OPERATOR : TRADERS.get(c.caller());
                    refOutcome = ref.cancel(caller, c.id());
                    engineOutcome = engine.cancel(caller, c.id());
                }
                case Halt h -> {
                    ref.halted = h.halted();
                    engine.halted = h.halted();
                    refOutcome = engineOutcome = null;
                }
                case Fees f -> {
                    ref.makerFeeBps = f.maker();
                    ref.takerFeeBps = f.taker();
                    engine.terms = engine.terms.withFees(f.maker(), f.taker());
                    refOutcome = engineOutcome = null;
                }
                case Block b -> {
                    Address trader = TRADERS.get(b.trader());
                    if (b.blocked()) {
                        ref.blocked.add(trader);
                        engine.blocked.add(trader);
                    } else {
                        ref.blocked.remove(trader);
                        engine.blocked.remove(trader);
                    }
                    refOutcome = engineOutcome = null;
                }
            }
            assertThat(engineOutcome).as("outcome of %s", step).isEqualTo(refOutcome);
            assertSameState(ref, engine);
            assertSolvent(engine);
        }
    }

    static void assertSameState(ReferenceExchange ref, EngineExchange engine) {
        List<ReferenceFill> trades = new ArrayList<>();
        for (Trade t : engine.trades) {
            trades.add(new ReferenceFill(t.makerOrderId(), t.takerOrderId(), t.buyer(), t.seller(), t.price().toLong(),
                    t.amount().toLong(), t.makerFee().toLong(), t.takerFee().toLong()));
        }
        assertThat(trades).isEqualTo(ref.fills);
        for (var e : ref.balances.entrySet()) {
            UInt256[] b = engine.balance(e.getKey());
            assertThat(new long[] {b[0].toLong(), b[1].toLong()}).as("balances of %s", e.getKey()).isEqualTo(e.getValue());
        }
        for (Side side : Side.values()) {
            List<long[]> depth = BookViews.depth(engine.book, side, Long.MAX_VALUE).stream()
                    .map(l -> new long[] {l.price().toLong(), l.amount().toLong()}).toList();
            assertThat(depth).as("%s levels", side).containsExactlyElementsOf(ref.depth(side));
        }
        assertThat(engine.orderCount).isEqualTo(ref.orders.size());
        for (ReferenceExchange.RefOrder o : ref.orders) {
            Order e = engine.book.order(o.id);
            assertThat(new Object[] {e.trader(), e.side(), e.price().toLong(), e.amount().toLong(), e.filled().toLong(),
                    e.makerFeeBps(), e.locked().toLong(), e.open()})
                    .as("order %d", o.id)
                    .isEqualTo(new Object[] {o.trader, o.side, o.price, o.amount, o.filled, o.makerFeeBps, o.locked, o.open});
        }
        for (Address t : TRADERS) {
            List<Long> open = ref.orders.stream().filter(o -> o.resting && o.trader.equals(t)).map(o -> o.id).toList();
            assertThat(BookViews.openOrders(engine.book, t)).isEqualTo(open);
        }
    }

    /** The exchange's holdings are the open orders' locks; base and quote in all accounts add up to what was given. */
    static void assertSolvent(EngineExchange engine) {
        UInt256[] locks = {UInt256.ZERO, UInt256.ZERO};
        for (long id = 1; id <= engine.orderCount; id++) {
            Order o = engine.book.order(id);
            if (o.open()) {
                int asset = o.side() == Side.SELL ? 0 : 1;
                locks[asset] = locks[asset].add(o.locked());
            }
        }
        assertThat(engine.balance(SELF)).containsExactly(locks);
        for (int asset = 0; asset < 2; asset++) {
            UInt256 total = UInt256.ZERO;
            for (UInt256[] b : engine.balances.values()) {
                total = total.add(b[asset]);
            }
            assertThat(total).isEqualTo(UInt256.of(START * TRADERS.size()));
        }
    }
}
