package org.parkchain.regime.exchange;

import java.math.BigInteger;
import org.parkchain.primitives.UInt256;

/**
 * The numbers of one market the engine needs: the price and amount steps, the base token's unit ({@code
 * 10**decimals}) and the current fee rates. {@code tickSize * lotSize} is a multiple of the unit, so every trade's
 * notional {@code price * amount / unit} is exact.
 */
public record MarketTerms(UInt256 tickSize, UInt256 lotSize, UInt256 unit, long makerFeeBps, long takerFeeBps) {
    public static final long MAX_FEE_BPS = 1000;
    public static final long FULL_BPS = 10_000;
    private static final BigInteger BPS = BigInteger.valueOf(FULL_BPS);

    public MarketTerms {
        if (tickSize.isZero() || lotSize.isZero() || unit.isZero()) {
            throw new IllegalArgumentException("tick size, lot size and unit must be positive");
        }
        if (makerFeeBps < 0 || makerFeeBps > MAX_FEE_BPS || takerFeeBps < 0 || takerFeeBps > MAX_FEE_BPS) {
            throw new IllegalArgumentException("fees must be 0..1000 bps");
        }
    }

    public MarketTerms withFees(long maker, long taker) {
        return new MarketTerms(tickSize, lotSize, unit, maker, taker);
    }

    /**
     * Why {@code tickSize} and {@code lotSize} cannot make a market (so that trades are exact), or null when they can:
     * both positive, their product below 2^256 (else no order could ever be priced) and a multiple of the unit.
     */
    public static String refusal(UInt256 tickSize, UInt256 lotSize, BigInteger unit) {
        if (tickSize.isZero() || lotSize.isZero()) {
            return "tick size and lot size must be positive";
        }
        BigInteger product = tickSize.toBigInteger().multiply(lotSize.toBigInteger());
        if (product.bitLength() > 256) {
            return "tick size times lot size must fit in 256 bits";
        }
        if (product.mod(unit).signum() != 0) {
            return "tick size times lot size must be a multiple of 10**decimals of the base token";
        }
        return null;
    }

    /** Checks a new order's price and amount against the steps; throws {@link OrderRefused}. */
    public void check(UInt256 price, UInt256 amount) {
        if (price.isZero()) {
            throw new OrderRefused("price must be positive");
        }
        if (amount.isZero()) {
            throw new OrderRefused("amount must be positive");
        }
        if (!price.mod(tickSize).isZero()) {
            throw new OrderRefused("price must be a multiple of the tick size " + tickSize);
        }
        if (!amount.mod(lotSize).isZero()) {
            throw new OrderRefused("amount must be a multiple of the lot size " + lotSize);
        }
    }

    /**
     * What placing an order locks: a sell its amount of base; a buy its notional plus the larger fee on it, in quote.
     * Refused when the order's value does not fit in 256 bits (no trade of it could be paid).
     */
    public UInt256 lock(Side side, UInt256 price, UInt256 amount) {
        BigInteger notional = price.toBigInteger().multiply(amount.toBigInteger());
        if (notional.bitLength() > 256) {
            throw new OrderRefused("price times amount does not fit in 256 bits");
        }
        notional = notional.divide(unit.toBigInteger());
        if (side == Side.SELL) {
            return amount;
        }
        BigInteger lock = notional.add(notional.multiply(BigInteger.valueOf(Math.max(makerFeeBps, takerFeeBps))).divide(BPS));
        if (lock.bitLength() > 256) {
            throw new OrderRefused("the quote an order locks does not fit in 256 bits");
        }
        return UInt256.of(lock);
    }

    /** price * amount / unit, exact for prices and amounts on the steps; the caller knows the product fits. */
    public UInt256 notional(UInt256 price, UInt256 amount) {
        return price.mul(amount).div(unit);
    }

    /** floor(notional * bps / 10000), without overflow for any notional below 2^256. */
    public static UInt256 fee(UInt256 notional, long bps) {
        if (bps == 0 || notional.isZero()) {
            return UInt256.ZERO;
        }
        if (notional.bitLength() <= 240) {
            return notional.mul(UInt256.of(bps)).div(UInt256.of(FULL_BPS));
        }
        return UInt256.of(notional.toBigInteger().multiply(BigInteger.valueOf(bps)).divide(BPS));
    }
}
