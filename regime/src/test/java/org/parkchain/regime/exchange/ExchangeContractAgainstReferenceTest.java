package org.parkchain.regime.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.ExchangeHarness;

/**
 * The system contract (the engine over the storage-backed book, the park's rules around it, real transactions) against
 * the naive reference, with the same random sessions as the engine's property: the same refusals, Trade events,
 * balances of base and coin, book levels, order records and open-order lists; and the exchange's holdings are always
 * exactly the locks of its open orders.
 */
class ExchangeContractAgainstReferenceTest {
    private static final long TICK = 10, LOT = 3, START = 1_000_000;

    @Property(tries = 100)
    void theContractTradesExactlyLikeTheNaiveReference(
            @ForAll("sessions") List<EngineAgainstReferenceTest.Step> session) {
        ExchangeHarness park = new ExchangeHarness(4, TICK, LOT, 30, 50, START);
        ReferenceExchange ref = new ReferenceExchange(ExchangeHarness.EXCHANGE, park.operator(), park.treasury(), TICK, LOT, 30, 50, 100);
        List<Address> traders = park.traders();
        for (Address t : traders) {
            ref.balance(t)[0] = START;
            ref.balance(t)[1] = START;
        }
        List<ReferenceFill> trades = new ArrayList<>();
        for (EngineAgainstReferenceTest.Step step : session) {
            switch (step) {
                case EngineAgainstReferenceTest.Place p -> {
                    Address trader = traders.get(p.trader());
                    long price = p.ticks() * TICK, amount = p.lots() * LOT;
                    long notional = price * amount;
                    long lock = p.side() == Side.SELL ? 0 : notional + notional * Math.max(ref.makerFeeBps, ref.takerFeeBps) / 10_000;
                    String refused = ref.place(trader, p.side(), price, amount, p.tif());
                    ExchangeHarness.Outcome outcome = park.place(trader, lock, p.side(), price, amount, p.tif());
                    assertThat(outcome.refusal() != null).as("%s refused by the reference with %s, by the contract with %s",
                            step, refused, outcome.refusal()).isEqualTo(refused != null);
                    trades.addAll(outcome.trades());
                }
                case EngineAgainstReferenceTest.Cancel c -> {
                    Address caller = c.caller() == traders.size() ? park.operator() : traders.get(c.caller());
                    String refused = ref.cancel(caller, c.id());
                    String refusal = park.cancel(caller, c.id());
                    assertThat(refusal != null).as("%s: reference %s, contract %s", step, refused, refusal).isEqualTo(refused != null);
                }
                case EngineAgainstReferenceTest.Halt h -> {
                    ref.halted = h.halted();
                    park.halt(h.halted());
                }
                case EngineAgainstReferenceTest.Fees f -> {
                    ref.makerFeeBps = f.maker();
                    ref.takerFeeBps = f.taker();
                    park.fees(f.maker(), f.taker());
                }
                case EngineAgainstReferenceTest.Block b -> {
                    Address trader = traders.get(b.trader());
                    if (b.blocked()) ref.blocked.add(trader); else ref.blocked.remove(trader);
                    park.block(trader, b.blocked());
                }
            }
            assertThat(trades).as("trades after %s", step).isEqualTo(ref.fills);
            for (var e : ref.balances.entrySet()) {
                if (!e.getKey().equals(ExchangeHarness.EXCHANGE)) {
                    assertThat(park.balances(e.getKey())).as("balances of %s after %s", e.getKey(), step).isEqualTo(e.getValue());
                }
            }
            assertThat(park.balances(ExchangeHarness.EXCHANGE)).as("the exchange holds its open orders' locks")
                    .isEqualTo(ref.openLocks()).isEqualTo(ref.balance(ExchangeHarness.EXCHANGE));
            for (Side side : Side.values()) {
                assertThat(park.depth(side)).as("%s levels after %s", side, step).containsExactlyElementsOf(ref.depth(side));
            }
            assertThat(park.orderCount()).isEqualTo(ref.orders.size());
            for (ReferenceExchange.RefOrder o : ref.orders) {
                Tuple t = park.order(o.id);
                assertThat(new Object[] {t.address(1), t.uint256(2).toLong(), t.uint256(3).toLong(), t.uint256(4).toLong(),
                        t.uint256(5).toLong(), t.uint256(6).toLong(), t.uint256(7).toLong(), t.bool(9)})
                        .as("order %d after %s", o.id, step)
                        .isEqualTo(new Object[] {o.trader, (long) o.side.ordinal(), o.price, o.amount, o.filled, o.makerFeeBps,
                                o.locked, o.open});
            }
            for (Address t : traders) {
                assertThat(park.openOrders(t)).isEqualTo(ref.orders.stream().filter(o -> o.resting && o.trader.equals(t))
                        .map(o -> o.id).toList());
            }
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<EngineAgainstReferenceTest.Step>> sessions() {
        return EngineAgainstReferenceTest.sessions().map(s -> s.size() > 40 ? s.subList(0, 40) : s);
    }

    static UInt256 u(long v) {
        return UInt256.of(v);
    }
}
