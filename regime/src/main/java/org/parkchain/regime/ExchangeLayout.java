package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Side;

/**
 * The exchange's storage at 0x…1003. Root slots: 0 the counts, market count (bits 0–127) | order count (128–255);
 * 1 market id → the market record (below); 2 order id → the order record ({@link OrderRecord}); 3 market id → side
 * → best price of that side (0 = empty); 4 market id → side → price → level: +0 first order id (bits 0–47) | last
 * order id (48–95) | wide (96) | next (worse) price (97–255), or, when the next price needs more than 159 bits, wide
 * set and the next price at +1.
 *
 * <p>Records pack their small fields the way Solidity packs a struct's consecutive small members (the first member
 * in the lowest bits). A market: +0 operator (bits 0–159) | makerFeeBps (160–175) | takerFeeBps (176–191) |
 * counterparty (192) | ownClientsOnly (193) | halted (194) | packed steps (195) | coin quote (196) | the base token's
 * decimals (200–207); +1 base; +2 quote (absent for the coin); +3 tickSize (0–127) | lotSize (128–255) when both fit
 * (packed steps), else +3 tickSize, +4 lotSize.
 */
final class ExchangeLayout {
    static final UInt256 COUNTS = Slots.root(0);
    static final UInt256 MARKETS = Slots.root(1);
    static final UInt256 ORDERS = Slots.root(2);
    static final UInt256 BEST = Slots.root(3);
    static final UInt256 LEVELS = Slots.root(4);

    static final long M_HEAD = 0, M_BASE = 1, M_QUOTE = 2, M_TICK = 3, M_LOT = 4;

    /** 10**n for the decimals a base token may have (0 to 77). */
    private static final UInt256[] UNITS = new UInt256[78];

    static {
        UNITS[0] = UInt256.ONE;
        for (int i = 1; i < UNITS.length; i++) {
            UNITS[i] = UNITS[i - 1].mul(UInt256.of(10));
        }
    }

    private ExchangeLayout() {}

    static UInt256 unit(int decimals) {
        return UNITS[decimals];
    }

    /** The counts word: markets in the low half, orders in the high half. */
    static long marketCount(UInt256 counts) {
        return counts.u0;
    }

    static long orderCount(UInt256 counts) {
        return counts.u2;
    }

    static UInt256 counts(long markets, long orders) {
        return new UInt256(markets, 0, orders, 0);
    }

    /** A market's first word: its operator, fees, flags and the base's decimals. */
    record MarketHead(Address operator, long makerFeeBps, long takerFeeBps, boolean counterparty, boolean ownClientsOnly,
                      boolean halted, boolean packedSteps, boolean coinQuote, int decimals) {
        UInt256 word() {
            long flags = (counterparty ? 1 : 0) | (ownClientsOnly ? 2 : 0) | (halted ? 4 : 0) | (packedSteps ? 8 : 0)
                    | (coinQuote ? 16 : 0);
            return UInt256.fromBytes(operator.toWord())
                    .or(UInt256.of(makerFeeBps).shl(160))
                    .or(UInt256.of(takerFeeBps).shl(176))
                    .or(UInt256.of(flags).shl(192))
                    .or(UInt256.of(decimals).shl(200));
        }

        static MarketHead of(UInt256 w) {
            long flags = w.shr(192).u0;
            return new MarketHead(Address.fromWord(w.toBytes32()), w.shr(160).u0 & 0xffff, w.shr(176).u0 & 0xffff,
                    (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, (flags & 16) != 0,
                    (int) (w.shr(200).u0 & 0xff));
        }

        MarketHead withFees(long maker, long taker) {
            return new MarketHead(operator, maker, taker, counterparty, ownClientsOnly, halted, packedSteps, coinQuote, decimals);
        }

        MarketHead withHalted(boolean h) {
            return new MarketHead(operator, makerFeeBps, takerFeeBps, counterparty, ownClientsOnly, h, packedSteps, coinQuote,
                    decimals);
        }
    }

    /** Whether a market's tick and lot sizes share one word. */
    static boolean stepsFit(UInt256 tickSize, UInt256 lotSize) {
        return tickSize.bitLength() <= 128 && lotSize.bitLength() <= 128;
    }

    // Each slot below is hashed through the storage, which charges each hash; callers keep what they derived.

    /** A market record's first slot. */
    static UInt256 market(ContractStorage s, long id) {
        return s.mapping(MARKETS, id);
    }

    /** An order record's first slot. */
    static UInt256 order(ContractStorage s, long id) {
        return s.mapping(ORDERS, id);
    }

    static UInt256 best(ContractStorage s, long marketId, Side side) {
        return s.mapping(s.mapping(BEST, marketId), side.ordinal());
    }

    /** A price level's first slot. */
    static UInt256 level(ContractStorage s, long marketId, Side side, UInt256 price) {
        return s.mapping(s.mapping(s.mapping(LEVELS, marketId), side.ordinal()), price);
    }

    private static final int LEVEL_WIDE = 96, LEVEL_NEXT = 97;

    static long levelFirst(UInt256 w) {
        return OrderRecord.bits(w, 0, 48).u0;
    }

    static long levelLast(UInt256 w) {
        return OrderRecord.bits(w, 48, 48).u0;
    }

    static boolean levelNextIsWide(UInt256 w) {
        return w.testBit(LEVEL_WIDE);
    }

    static UInt256 levelNext(UInt256 w) {
        return w.shr(LEVEL_NEXT);
    }

    /** A level's two words (the second is zero unless the next price needs it). */
    static UInt256[] levelWords(long first, long last, UInt256 next) {
        UInt256 ends = UInt256.of(first).or(UInt256.of(last).shl(48));
        if (next.bitLength() <= 256 - LEVEL_NEXT) {
            return new UInt256[] {ends.or(next.shl(LEVEL_NEXT)), UInt256.ZERO};
        }
        return new UInt256[] {ends.or(UInt256.ONE.shl(LEVEL_WIDE)), next};
    }
}
