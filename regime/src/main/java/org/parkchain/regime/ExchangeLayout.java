package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;

/**
 * The exchange's storage at 0x…1003. Root slots: 0 market count; 1 market id → the market record (below); 2 order
 * count; 3 order id → the order record (below); 4 market id → side → best price of that side (0 = empty); 5 market
 * id → side → price → level {+0 next (worse) price, +1 first order id (bits 0–63) | last order id (64–127)}.
 *
 * <p>Records pack their small fields the way Solidity packs a struct's consecutive small members (the first member
 * in the lowest bits). A market: +0 operator (bits 0–159) | makerFeeBps (160–175) | takerFeeBps (176–191) |
 * counterparty (192) | ownClientsOnly (193) | halted (194); +1 base; +2 quote; +3 tickSize; +4 lotSize; +5 the base
 * token's unit, 10**decimals. An order: +0 trader (0–159) | side (160–167) | open (168–175) | placedAt (176–239) |
 * compact (240); +1 marketId (0–63) | makerFeeBps (64–79); then, compact (price, amount and lock below 2^128, as
 * nearly every order is): +2 price (0–127) | amount (128–255), +3 filled (0–127) | locked (128–255); else wide:
 * +2 price, +3 amount, +4 filled, +5 locked. The lock is stored for a buy only (a sell's lock is always its unfilled
 * amount while it is open). +6, while it rests, its queue links: next order id (0–63) | previous order id (64–127).
 * Ids are counters and stay far below 2^64.
 */
final class ExchangeLayout {
    static final UInt256 MARKET_COUNT = Slots.root(0);
    static final UInt256 MARKETS = Slots.root(1);
    static final UInt256 ORDER_COUNT = Slots.root(2);
    static final UInt256 ORDERS = Slots.root(3);
    static final UInt256 BEST = Slots.root(4);
    static final UInt256 LEVELS = Slots.root(5);

    static final long M_HEAD = 0, M_BASE = 1, M_QUOTE = 2, M_TICK = 3, M_LOT = 4, M_UNIT = 5;
    static final int ORDER_WORDS = 6;
    static final long O_LINKS = 6;
    static final long L_NEXT = 0, L_ENDS = 1;

    /** A market's first word: its operator, fees and flags. */
    record MarketHead(Address operator, long makerFeeBps, long takerFeeBps, boolean counterparty, boolean ownClientsOnly,
                      boolean halted) {
        UInt256 word() {
            return UInt256.fromBytes(operator.toWord())
                    .or(UInt256.of(makerFeeBps).shl(160))
                    .or(UInt256.of(takerFeeBps).shl(176))
                    .or(UInt256.of((counterparty ? 1 : 0) | (ownClientsOnly ? 2 : 0) | (halted ? 4 : 0)).shl(192));
        }

        static MarketHead of(UInt256 w) {
            long flags = w.shr(192).u0;
            return new MarketHead(Address.fromWord(w.toBytes32()), w.shr(160).u0 & 0xffff, w.shr(176).u0 & 0xffff,
                    (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
        }

        MarketHead withFees(long maker, long taker) {
            return new MarketHead(operator, maker, taker, counterparty, ownClientsOnly, halted);
        }

        MarketHead withHalted(boolean h) {
            return new MarketHead(operator, makerFeeBps, takerFeeBps, counterparty, ownClientsOnly, h);
        }
    }

    private ExchangeLayout() {}

    static UInt256 market(long id, long field) {
        return Slots.field(Slots.mapping(MARKETS, id), field);
    }

    static UInt256 order(long id, long word) {
        return Slots.field(Slots.mapping(ORDERS, id), word);
    }

    static UInt256 best(long marketId, Side side) {
        return Slots.mapping(Slots.mapping(BEST, marketId), side.ordinal());
    }

    static UInt256 level(long marketId, Side side, UInt256 price, long field) {
        return Slots.field(Slots.mapping(Slots.mapping(Slots.mapping(LEVELS, marketId), side.ordinal()), price), field);
    }

    private static final UInt256 LOW_128 = UInt256.ONE.shl(128).sub(UInt256.ONE);
    private static final int COMPACT_BIT = 240;

    /**
     * Whether an order is kept in the compact record: its price, amount and lock each below 2^128 (then so are its
     * filled amount and every later lock, which only go down). Decided once, when it is placed.
     */
    static boolean fitsCompact(Order o) {
        return o.price().bitLength() <= 128 && o.amount().bitLength() <= 128 && o.locked().bitLength() <= 128;
    }

    static int words(boolean compact) {
        return compact ? 4 : ORDER_WORDS;
    }

    static boolean isCompact(UInt256 head) {
        return head.testBit(COMPACT_BIT);
    }

    /** Word {@code word} of an order's record in its layout (0 to 3 compact, 0 to 5 wide). */
    static UInt256 orderWord(Order o, int word, boolean compact) {
        UInt256 lockedWord = o.side() == Side.BUY ? o.locked() : UInt256.ZERO;
        return switch (word) {
            case 0 -> UInt256.fromBytes(o.trader().toWord())
                    .or(UInt256.of(o.side().ordinal()).shl(160))
                    .or(UInt256.of(o.open() ? 1 : 0).shl(168))
                    .or(UInt256.of(o.placedAt()).shl(176))
                    .or(compact ? UInt256.ONE.shl(COMPACT_BIT) : UInt256.ZERO);
            case 1 -> UInt256.of(o.marketId()).or(UInt256.of(o.makerFeeBps()).shl(64));
            case 2 -> compact ? o.price().or(o.amount().shl(128)) : o.price();
            case 3 -> compact ? o.filled().or(lockedWord.shl(128)) : o.amount();
            case 4 -> o.filled();
            case 5 -> lockedWord;
            default -> throw new IllegalArgumentException("order word " + word);
        };
    }

    /** An order from its record's words ({@link #words} of them, as its head word says). */
    static Order order(long id, UInt256[] w) {
        byte[] head = w[0].toBytes32();
        Address trader = Address.fromWord(head);
        Side side = Side.values()[(int) (w[0].shr(160).u0 & 0xff)];
        boolean open = (w[0].shr(168).u0 & 0xff) != 0;
        long placedAt = w[0].shr(176).u0 & 0xffffffffffffffffL;
        boolean compact = isCompact(w[0]);
        UInt256 price = compact ? w[2].and(LOW_128) : w[2];
        UInt256 amount = compact ? w[2].shr(128) : w[3];
        UInt256 filled = compact ? w[3].and(LOW_128) : w[4];
        UInt256 lockedWord = compact ? w[3].shr(128) : w[5];
        UInt256 locked = side == Side.BUY ? lockedWord : open ? amount.sub(filled) : UInt256.ZERO;
        return new Order(id, w[1].u0, trader, side, price, amount, filled, w[1].shr(64).u0 & 0xffff, locked, placedAt, open);
    }

    static long[] links(UInt256 word) {
        return new long[] {word.u0, word.shr(64).u0};
    }

    static UInt256 links(long next, long previous) {
        return UInt256.of(next).or(UInt256.of(previous).shl(64));
    }
}
