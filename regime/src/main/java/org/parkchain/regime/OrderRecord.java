package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.Side;

/**
 * An order's words in the exchange's storage, with its queue links. Small fields are packed the way Solidity packs a
 * struct's consecutive small members (the first member in the lowest bits), so that nearly every order is three
 * words:
 * <ul>
 *   <li>packed: +0 trader (bits 0–159) | side (160) | packed (162) | makerFeeBps (163–173) | placedAt (174–213) |
 *       marketId (214–255), which never changes; +1 price (0–94) | open (95) | amount (96–175) | filled (176–255),
 *       which a trade or a close changes at once; +2 the lock of a buy (0–159) | the next order id in its queue
 *       (160–207);</li>
 *   <li>wide, for an order whose price, amount, lock, time or market does not fit those widths (decided when it is
 *       placed; the filled amount never exceeds the amount, the lock only goes down): +0 trader | side (160) | open
 *       (161) | wide (163); +1 marketId (0–63) | makerFeeBps (64–79) | placedAt (80–143); +2 next (160–207);
 *       +3 price; +4 amount; +5 filled; +6 the lock of a buy.</li>
 * </ul>
 * Either way the first word is never zero, so an order exists exactly when its first word is not, and the queue link is
 * at +2, bits 160–207, so relinking a neighbour reads and writes that one word ({@link #LINKS}). A queue is linked
 * forward only, like a Solidity FIFO: an order resting at the back of a queue writes no link of its own (a sell's
 * third word stays zero), and taking out the first order touches no other record; taking one out of the middle
 * walks from the first. A sell's lock
 * is not stored: while it is open it is its unfilled amount, afterwards zero. Order ids stay below 2^48 (the exchange
 * refuses more orders than that), so a link fits 48 bits.
 */
record OrderRecord(Order order, long next, boolean packed) {
    static final long MAX_ID = (1L << 48) - 1;
    static final int PACKED_WORDS = 3;
    static final int WIDE_WORDS = 7;
    /** The word that holds the queue links in either layout. */
    static final int LINKS = 2;
    private static final UInt256 BELOW_LINKS = UInt256.ONE.shl(160).sub(UInt256.ONE);

    private static final int SIDE = 160, OPEN = 161, PACKED = 162, WIDE = 163, PACKED_OPEN = 95;

    /** A new order's record: packed when its fields fit, unlinked. */
    static OrderRecord of(Order o) {
        boolean packed = fits(o.price(), 95) && fits(o.amount(), 80) && fits(lockWord(o), 160)
                && o.placedAt() >>> 40 == 0 && o.marketId() >>> 42 == 0;
        return new OrderRecord(o, 0, packed);
    }

    OrderRecord with(Order o) {
        return new OrderRecord(o, next, packed);
    }

    OrderRecord linked(long newNext) {
        return new OrderRecord(order, newNext, packed);
    }

    int size() {
        return packed ? PACKED_WORDS : WIDE_WORDS;
    }

    static int size(UInt256 head) {
        return head.testBit(PACKED) ? PACKED_WORDS : WIDE_WORDS;
    }

    UInt256[] words() {
        Order o = order;
        UInt256 head = UInt256.fromBytes(o.trader().toWord()).or(bit(SIDE, o.side() == Side.SELL)).or(bit(PACKED, packed));
        UInt256 links = UInt256.of(next);
        if (packed) {
            return new UInt256[] {
                head.or(UInt256.of(o.makerFeeBps()).shl(163)).or(UInt256.of(o.placedAt()).shl(174))
                        .or(UInt256.of(o.marketId()).shl(214)),
                o.price().or(bit(PACKED_OPEN, o.open())).or(o.amount().shl(96)).or(o.filled().shl(176)),
                lockWord(o).or(links.shl(160))};
        }
        return new UInt256[] {
            head.or(bit(OPEN, o.open())).or(bit(WIDE, true)),
            UInt256.of(o.marketId()).or(UInt256.of(o.makerFeeBps()).shl(64)).or(UInt256.of(o.placedAt()).shl(80)),
            links.shl(160), o.price(), o.amount(), o.filled(), lockWord(o)};
    }

    /** The record from its words ({@link #size(UInt256)} of them, as its first word says). */
    static OrderRecord of(long id, UInt256[] w) {
        Address trader = Address.fromWord(w[0].toBytes32());
        Side side = w[0].testBit(SIDE) ? Side.SELL : Side.BUY;
        boolean packed = w[0].testBit(PACKED);
        boolean open = packed ? w[1].testBit(PACKED_OPEN) : w[0].testBit(OPEN);
        long marketId, feeBps, placedAt;
        UInt256 price, amount, filled, lockWord;
        if (packed) {
            feeBps = bits(w[0], 163, 11).u0;
            placedAt = bits(w[0], 174, 40).u0;
            marketId = w[0].shr(214).u0;
            price = bits(w[1], 0, 95);
            amount = bits(w[1], 96, 80);
            filled = w[1].shr(176);
            lockWord = bits(w[2], 0, 160);
        } else {
            marketId = w[1].u0;
            feeBps = bits(w[1], 64, 16).u0;
            placedAt = bits(w[1], 80, 64).u0;
            price = w[3];
            amount = w[4];
            filled = w[5];
            lockWord = w[6];
        }
        UInt256 locked = side == Side.BUY ? lockWord : open ? amount.sub(filled) : UInt256.ZERO;
        return new OrderRecord(new Order(id, marketId, trader, side, price, amount, filled, feeBps, locked, placedAt, open),
                next(w[2]), packed);
    }

    /** The next order id in the links word {@code w}. */
    static long next(UInt256 w) {
        return bits(w, 160, 48).u0;
    }

    /** The links word {@code w} with its link replaced (what else it holds, a buy's lock, is kept). */
    static UInt256 relinked(UInt256 w, long next) {
        return w.and(BELOW_LINKS).or(UInt256.of(next).shl(160));
    }

    private static UInt256 lockWord(Order o) {
        return o.side() == Side.BUY ? o.locked() : UInt256.ZERO;
    }

    private static boolean fits(UInt256 v, int width) {
        return v.bitLength() <= width;
    }

    private static UInt256 bit(int n, boolean set) {
        return set ? UInt256.ONE.shl(n) : UInt256.ZERO;
    }

    /** {@code width} bits of {@code w} from bit {@code from}. */
    static UInt256 bits(UInt256 w, int from, int width) {
        return w.shr(from).and(UInt256.ONE.shl(width).sub(UInt256.ONE));
    }
}
