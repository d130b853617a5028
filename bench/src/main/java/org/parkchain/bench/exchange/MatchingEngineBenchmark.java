package org.parkchain.bench.exchange;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.MarketTerms;
import org.parkchain.regime.exchange.MatchingEngine;
import org.parkchain.regime.exchange.MemoryBook;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;
import org.parkchain.regime.exchange.TimeInForce;
import org.parkchain.regime.exchange.Trade;

/**
 * The matching engine alone (no EVM, no storage), on a book of 10,000 resting orders: 5,000 bids on 500 price levels
 * below the spread and 5,000 asks on 500 levels above. One invocation is three operations that keep the book's size:
 * a good-till-cancelled bid that rests at a random level, the cancel of a random resting bid, and an
 * immediate-or-cancel sell that trades one lot with the best bid (whose order is large enough never to close).
 * Reported in operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingEngineBenchmark {
    private static final int LEVELS = 500, PER_LEVEL = 10;
    private static final long MID = 1_000_000;
    private static final Address[] TRADERS = new Address[64];

    static {
        for (int i = 0; i < TRADERS.length; i++) {
            TRADERS[i] = Address.fromLong(0xA000 + i);
        }
    }

    private final MarketTerms terms = new MarketTerms(UInt256.ONE, UInt256.ONE, UInt256.ONE, 10, 20);
    private final UInt256 big = UInt256.of(1L << 40);
    private MemoryBook book;
    private long nextId;
    /** Ids of resting bids placed by the benchmark, a ring the cancels take from. */
    private long[] ring;
    private int ringHead;
    private SplittableRandom random;
    private long trades;

    private final MatchingEngine.Settlement settlement = new MatchingEngine.Settlement() {
        @Override
        public void trade(Trade trade) {
            trades++;
        }

        @Override
        public void closed(Order order, UInt256 refund, boolean cancelled) {
        }
    };

    @Setup
    public void book() {
        book = new MemoryBook();
        random = new SplittableRandom(42);
        ring = new long[LEVELS * PER_LEVEL];
        for (int level = 1; level <= LEVELS; level++) {
            for (int k = 0; k < PER_LEVEL; k++) {
                ring[(level - 1) * PER_LEVEL + k] = rest(Side.BUY, MID - level, big);
                rest(Side.SELL, MID + level, big);
            }
        }
    }

    private long rest(Side side, long price, UInt256 amount) {
        long id = ++nextId;
        Order order = Order.placed(id, 1, TRADERS[(int) (id % TRADERS.length)], side, UInt256.of(price), amount, 10,
                terms.lock(side, UInt256.of(price), amount), 0);
        book.add(order);
        MatchingEngine.place(book, terms, order, TimeInForce.GOOD_TILL_CANCEL, t -> true, settlement);
        return id;
    }

    @Benchmark
    @OperationsPerInvocation(3)
    public void placeCancelTake(Blackhole hole) {
        // A bid that rests, in place of one that is cancelled: the book keeps 10,000 orders.
        int slot = random.nextInt(ring.length);
        long cancelled = ring[slot];
        hole.consume(MatchingEngine.cancel(book, cancelled, settlement));
        book.forget(cancelled);
        ring[slot] = rest(Side.BUY, MID - 1 - random.nextInt(LEVELS), big);
        // A taker that trades one lot with the best bid and closes.
        long id = ++nextId;
        Order taker = Order.placed(id, 1, Address.fromLong(0xBEEF), Side.SELL, UInt256.of(MID - LEVELS), UInt256.ONE, 10,
                UInt256.ONE, 0);
        book.add(taker);
        hole.consume(MatchingEngine.place(book, terms, taker, TimeInForce.IMMEDIATE_OR_CANCEL, t -> true, settlement));
        book.forget(id);
        hole.consume(trades);
    }
}
