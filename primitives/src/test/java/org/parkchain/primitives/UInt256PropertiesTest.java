package org.parkchain.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast limb arithmetic against the naive, obviously correct BigInteger oracle. */
class UInt256PropertiesTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);

    /** Values with interesting shapes: small, single-limb, all-ones limbs, full random, powers of two. */
    @Provide
    Arbitrary<BigInteger> words() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
                Arbitraries.integers().between(0, 255).map(i -> BigInteger.ONE.shiftLeft(i)),
                Arbitraries.integers().between(0, 255).map(i -> BigInteger.ONE.shiftLeft(i).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(1, 256).map(i -> MOD.subtract(BigInteger.ONE.shiftLeft(i - 1))),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(130)));
    }

    private static UInt256 u(BigInteger v) {
        return UInt256.of(v);
    }

    private static BigInteger signed(BigInteger v) {
        return v.testBit(255) ? v.subtract(MOD) : v;
    }

    private static BigInteger wrap(BigInteger v) {
        return v.mod(MOD);
    }

    @Property(tries = 2000)
    void addSubMulMatchBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        assertThat(u(a).add(u(b)).toBigInteger()).isEqualTo(wrap(a.add(b)));
        assertThat(u(a).sub(u(b)).toBigInteger()).isEqualTo(wrap(a.subtract(b)));
        assertThat(u(a).mul(u(b)).toBigInteger()).isEqualTo(wrap(a.multiply(b)));
    }

    @Property(tries = 2000)
    void divisionMatchesBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        BigInteger q = b.signum() == 0 ? BigInteger.ZERO : a.divide(b);
        BigInteger r = b.signum() == 0 ? BigInteger.ZERO : a.mod(b);
        assertThat(u(a).div(u(b)).toBigInteger()).isEqualTo(q);
        assertThat(u(a).mod(u(b)).toBigInteger()).isEqualTo(r);
        BigInteger sa = signed(a), sb = signed(b);
        BigInteger sq = sb.signum() == 0 ? BigInteger.ZERO : sa.divide(sb); // BigInteger truncates toward zero
        BigInteger sr = sb.signum() == 0 ? BigInteger.ZERO : sa.remainder(sb); // sign of the dividend
        assertThat(u(a).sdiv(u(b)).toBigInteger()).isEqualTo(wrap(sq));
        assertThat(u(a).smod(u(b)).toBigInteger()).isEqualTo(wrap(sr));
    }

    @Property(tries = 2000)
    void modularArithmeticUsesFullWidthIntermediates(
            @ForAll("words") BigInteger a, @ForAll("words") BigInteger b, @ForAll("words") BigInteger m) {
        BigInteger add = m.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(m);
        BigInteger mul = m.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(m);
        assertThat(u(a).addmod(u(b), u(m)).toBigInteger()).isEqualTo(add);
        assertThat(u(a).mulmod(u(b), u(m)).toBigInteger()).isEqualTo(mul);
    }

    @Property(tries = 500)
    void expMatchesModPow(@ForAll("words") BigInteger a, @ForAll("words") BigInteger e) {
        assertThat(u(a).exp(u(e)).toBigInteger()).isEqualTo(a.modPow(e, MOD));
    }

    @Property(tries = 2000)
    void shiftsMatchBigInteger(@ForAll("words") BigInteger a, @ForAll("shifts") int n) {
        UInt256 s = UInt256.of(n);
        assertThat(u(a).shl(s).toBigInteger()).isEqualTo(wrap(a.shiftLeft(n)));
        assertThat(u(a).shr(s).toBigInteger()).isEqualTo(a.shiftRight(n));
        assertThat(u(a).sar(s).toBigInteger()).isEqualTo(wrap(signed(a).shiftRight(Math.min(n, 300))));
    }

    @Provide
    Arbitrary<Integer> shifts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300), Arbitraries.of(0, 1, 63, 64, 65, 127, 128, 191, 192, 255, 256));
    }

    @Property(tries = 1000)
    void signExtendCopiesTheSignBitUpwards(@ForAll("words") BigInteger x, @ForAll("shifts") int b) {
        BigInteger expected;
        if (b >= 31) {
            expected = x;
        } else {
            int bit = 8 * b + 7;
            BigInteger low = x.mod(BigInteger.ONE.shiftLeft(bit + 1));
            expected = x.testBit(bit) ? wrap(low.subtract(BigInteger.ONE.shiftLeft(bit + 1))) : low;
        }
        assertThat(u(x).signExtend(UInt256.of(b)).toBigInteger()).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void byteAndComparisonsMatchBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b, @ForAll("shifts") int i) {
        BigInteger expectedByte = i >= 32 ? BigInteger.ZERO : a.shiftRight(8 * (31 - i)).and(BigInteger.valueOf(0xff));
        assertThat(u(a).byteAt(UInt256.of(i)).toBigInteger()).isEqualTo(expectedByte);
        assertThat(u(a).lt(u(b))).isEqualTo(a.compareTo(b) < 0);
        assertThat(u(a).gt(u(b))).isEqualTo(a.compareTo(b) > 0);
        assertThat(u(a).slt(u(b))).isEqualTo(signed(a).compareTo(signed(b)) < 0);
        assertThat(u(a).sgt(u(b))).isEqualTo(signed(a).compareTo(signed(b)) > 0);
        assertThat(u(a).eq(u(b))).isEqualTo(a.equals(b));
        assertThat(u(a).and(u(b)).toBigInteger()).isEqualTo(a.and(b));
        assertThat(u(a).or(u(b)).toBigInteger()).isEqualTo(a.or(b));
        assertThat(u(a).xor(u(b)).toBigInteger()).isEqualTo(a.xor(b));
        assertThat(u(a).not().toBigInteger()).isEqualTo(MOD.subtract(BigInteger.ONE).subtract(a));
    }

    @Property(tries = 200)
    void minusTwoTo255DividedByMinusOneWraps(@ForAll("words") BigInteger ignored) {
        UInt256 min = u(HALF);
        assertThat(min.sdiv(UInt256.MAX)).isEqualTo(min);
    }
}
