package org.parkchain.regime;

import java.math.BigInteger;
import org.parkchain.primitives.UInt256;

/**
 * The park's levy on a resident's revenue: {@code levy = floor(revenue * bps / 10000)}, the resident keeps
 * {@code revenue - levy}. Rounding down favours the resident by less than one smallest unit, and the two parts
 * always add up to the revenue exactly, so nothing is created or lost.
 */
public record Levy(UInt256 revenue, UInt256 levy, UInt256 net) {
    public static final long FULL_BPS = 10_000;

    public static Levy on(UInt256 revenue, long bps) {
        if (bps < 0 || bps > FULL_BPS) {
            throw new IllegalArgumentException("levy rate must be 0..10000 bps, got " + bps);
        }
        // revenue < 2^256 and bps <= 10^4, so the product needs BigInteger's width but the quotient fits again.
        UInt256 levy = UInt256.of(revenue.toBigInteger().multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(FULL_BPS)));
        return new Levy(revenue, levy, revenue.sub(levy));
    }
}
