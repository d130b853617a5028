package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.parkchain.primitives.UInt256;

/**
 * The in-place limb arithmetic against its two references: the immutable {@link UInt256} (what the interpreter used
 * before) and BigInteger. Operands sit in a long[] laid out as the interpreter's stack (the result over the deepest
 * operand), with a scratch area full of garbage so no operation can depend on it being zeroed.
 */
class WordArithmeticPropertiesTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final long[] LIMB_SHAPES = {0, 1, 2, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0xffffffffL, 1L << 32};
    private static final int C = 0, B = 4, A = 8, X = 12; // third, second, top operand; scratch

    /**
     * Words of interesting shapes: full random, small, powers of two and their neighbours (2^255 is MIN_INT), single
     * limbs, and words built limb by limb from 0, 1, 2^64-1, 2^63 and their neighbours, which drive Algorithm D into
     * its rare corrections (a quotient estimate two too large, the add-back step).
     */
    @Provide
    Arbitrary<BigInteger> words() {
        Arbitrary<Long> limb = Arbitraries.oneOf(Arbitraries.of(Arrays.stream(LIMB_SHAPES).boxed().toList()), Arbitraries.longs());
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
                Arbitraries.integers().between(0, 255).map(i -> BigInteger.ONE.shiftLeft(i)),
                Arbitraries.integers().between(0, 256).map(i -> BigInteger.ONE.shiftLeft(i).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(1, 255).map(i -> BigInteger.ONE.shiftLeft(i).add(BigInteger.ONE)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64)),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(130)),
                limb.list().ofSize(4).map(l -> word(l.get(0), l.get(1), l.get(2), l.get(3))),
                Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.shiftLeft(255), MOD.subtract(BigInteger.ONE),
                        BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)));
    }

    private static BigInteger word(long l0, long l1, long l2, long l3) {
        return new UInt256(l0, l1, l2, l3).toBigInteger();
    }

    private static BigInteger signed(BigInteger v) {
        return v.testBit(255) ? v.subtract(MOD) : v;
    }

    private static BigInteger wrap(BigInteger v) {
        return v.mod(MOD);
    }

    /** A stack with c, b, a (a on top) and a scratch area of garbage. */
    private static long[] stack(BigInteger a, BigInteger b, BigInteger c) {
        long[] w = new long[X + WordArithmetic.SCRATCH];
        Arrays.fill(w, X, w.length, 0x5a5a5a5a5a5a5a5aL);
        put(w, A, a);
        put(w, B, b);
        put(w, C, c);
        return w;
    }

    private static void put(long[] w, int at, BigInteger v) {
        UInt256 u = UInt256.of(v);
        w[at] = u.u0;
        w[at + 1] = u.u1;
        w[at + 2] = u.u2;
        w[at + 3] = u.u3;
    }

    private static BigInteger get(long[] w, int at) {
        return new UInt256(w[at], w[at + 1], w[at + 2], w[at + 3]).toBigInteger();
    }

    private interface BinaryOp {
        void apply(long[] w);
    }

    private static BigInteger binary(BigInteger a, BigInteger b, BinaryOp op) {
        long[] w = stack(a, b, BigInteger.ZERO);
        op.apply(w);
        return get(w, B);
    }

    @Property(tries = 3000)
    void mulMatchesUInt256AndBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        BigInteger r = binary(a, b, w -> WordArithmetic.mul(w, A, B, B));
        assertThat(r).isEqualTo(wrap(a.multiply(b))).isEqualTo(UInt256.of(a).mul(UInt256.of(b)).toBigInteger());
    }

    /** ADD and SUB (in {@link Arithmetic}, on the stack with a at item 2, b at item 1: height 3). */
    @Property(tries = 3000)
    void addAndSubMatchUInt256AndBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        assertThat(binary(a, b, w -> Arithmetic.add(w, A / 4 + 1)))
                .isEqualTo(wrap(a.add(b))).isEqualTo(UInt256.of(a).add(UInt256.of(b)).toBigInteger());
        assertThat(binary(a, b, w -> Arithmetic.sub(w, A / 4 + 1)))
                .isEqualTo(wrap(a.subtract(b))).isEqualTo(UInt256.of(a).sub(UInt256.of(b)).toBigInteger());
    }

    @Property(tries = 5000)
    void divAndModMatchUInt256AndBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        BigInteger q = binary(a, b, w -> WordArithmetic.div(w, A, B, B, X));
        BigInteger r = binary(a, b, w -> WordArithmetic.mod(w, A, B, B, X));
        assertThat(q).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.divide(b))
                .isEqualTo(UInt256.of(a).div(UInt256.of(b)).toBigInteger());
        assertThat(r).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.mod(b))
                .isEqualTo(UInt256.of(a).mod(UInt256.of(b)).toBigInteger());
    }

    @Property(tries = 3000)
    void signedDivisionMatchesUInt256AndBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        BigInteger sa = signed(a), sb = signed(b);
        BigInteger q = binary(a, b, w -> WordArithmetic.sdiv(w, A, B, B, X));
        BigInteger r = binary(a, b, w -> WordArithmetic.smod(w, A, B, B, X));
        // BigInteger's divide truncates toward zero and its remainder takes the dividend's sign, as the EVM's do
        assertThat(q).isEqualTo(sb.signum() == 0 ? BigInteger.ZERO : wrap(sa.divide(sb)))
                .isEqualTo(UInt256.of(a).sdiv(UInt256.of(b)).toBigInteger());
        assertThat(r).isEqualTo(sb.signum() == 0 ? BigInteger.ZERO : wrap(sa.remainder(sb)))
                .isEqualTo(UInt256.of(a).smod(UInt256.of(b)).toBigInteger());
    }

    @Example
    void minIntDividedByMinusOneWrapsToMinInt() {
        BigInteger min = BigInteger.ONE.shiftLeft(255), minusOne = MOD.subtract(BigInteger.ONE);
        assertThat(binary(min, minusOne, w -> WordArithmetic.sdiv(w, A, B, B, X))).isEqualTo(min);
        assertThat(binary(min, minusOne, w -> WordArithmetic.smod(w, A, B, B, X))).isEqualTo(BigInteger.ZERO);
    }

    @Property(tries = 3000)
    void addmodAndMulmodMatchUInt256AndBigInteger(
            @ForAll("words") BigInteger a, @ForAll("words") BigInteger b, @ForAll("words") BigInteger m) {
        long[] w = stack(a, b, m);
        WordArithmetic.addmod(w, A, B, C, C, X);
        BigInteger sum = get(w, C);
        w = stack(a, b, m);
        WordArithmetic.mulmod(w, A, B, C, C, X);
        BigInteger product = get(w, C);
        assertThat(sum).isEqualTo(m.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(m))
                .isEqualTo(UInt256.of(a).addmod(UInt256.of(b), UInt256.of(m)).toBigInteger());
        assertThat(product).isEqualTo(m.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(m))
                .isEqualTo(UInt256.of(a).mulmod(UInt256.of(b), UInt256.of(m)).toBigInteger());
    }

    @Property(tries = 1000)
    void expMatchesUInt256AndBigInteger(@ForAll("words") BigInteger base, @ForAll("words") BigInteger e) {
        BigInteger r = binary(base, e, w -> WordArithmetic.exp(w, A, B, B));
        assertThat(r).isEqualTo(base.modPow(e, MOD)).isEqualTo(UInt256.of(base).exp(UInt256.of(e)).toBigInteger());
        assertThat(WordArithmetic.bitLength(stack(e, BigInteger.ZERO, BigInteger.ZERO), A)).isEqualTo(e.bitLength());
    }

    @Property(tries = 2000)
    void shiftsByteAndSignExtendMatchUInt256(@ForAll("words") BigInteger x, @ForAll @IntRange(min = 0, max = 300) int n) {
        UInt256 u = UInt256.of(x);
        long[] w = stack(x, BigInteger.ZERO, BigInteger.ZERO);
        WordArithmetic.shiftLeft(w, A, n);
        assertThat(get(w, A)).isEqualTo(u.shl(UInt256.of(n)).toBigInteger()).isEqualTo(wrap(x.shiftLeft(n)));
        w = stack(x, BigInteger.ZERO, BigInteger.ZERO);
        WordArithmetic.shiftRight(w, A, n, false);
        assertThat(get(w, A)).isEqualTo(u.shr(UInt256.of(n)).toBigInteger()).isEqualTo(x.shiftRight(n));
        w = stack(x, BigInteger.ZERO, BigInteger.ZERO);
        WordArithmetic.shiftRight(w, A, n, true);
        assertThat(get(w, A)).isEqualTo(u.sar(UInt256.of(n)).toBigInteger()).isEqualTo(wrap(signed(x).shiftRight(n)));
        BigInteger index = BigInteger.valueOf(n % 40);
        assertThat(binary(index, x, w2 -> WordArithmetic.byteAt(w2, A, B))).isEqualTo(u.byteAt(UInt256.of(index)).toBigInteger());
        assertThat(binary(index, x, w2 -> WordArithmetic.signExtend(w2, A, B)))
                .isEqualTo(u.signExtend(UInt256.of(index)).toBigInteger());
    }

    @Property(tries = 1000)
    void hugeIndicesAndShiftsCountAsOutOfRange(@ForAll("words") BigInteger x, @ForAll("words") BigInteger index) {
        UInt256 u = UInt256.of(x), i = UInt256.of(index);
        assertThat(binary(index, x, w -> WordArithmetic.byteAt(w, A, B))).isEqualTo(u.byteAt(i).toBigInteger());
        assertThat(binary(index, x, w -> WordArithmetic.signExtend(w, A, B))).isEqualTo(u.signExtend(i).toBigInteger());
    }

    @Property(tries = 3000)
    void divisionsOf128BitsMatchBigInteger(@ForAll long hi, @ForAll long lo, @ForAll long d) {
        d |= Long.MIN_VALUE; // normalised
        if (Long.compareUnsigned(hi, d) >= 0) hi = Long.remainderUnsigned(hi, d);
        BigInteger n = unsigned(hi).shiftLeft(64).or(unsigned(lo));
        assertThat(unsigned(WordArithmetic.divide128(hi, lo, d))).isEqualTo(n.divide(unsigned(d)));
        assertThat(unsigned(WordArithmetic.divide2by1(hi, lo, d, WordArithmetic.reciprocal(d)))).isEqualTo(n.divide(unsigned(d)));
        assertThat(unsigned(WordArithmetic.reciprocal(d)))
                .isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE).divide(unsigned(d)).subtract(BigInteger.ONE.shiftLeft(64)));
    }

    /**
     * One array for a run of single-limb divisions, as the interpreter's stack is: the reciprocal the division keeps
     * in the scratch area must be used only for its own divisor (d1, d1 reuse it; d2 replaces it; d1 again).
     */
    @Property(tries = 1000)
    void singleLimbDivisionsInSequenceMatchBigInteger(
            @ForAll("words") BigInteger a, @ForAll long d1, @ForAll @IntRange(min = 1, max = 1000) int d2) {
        long[] w = new long[X + WordArithmetic.SCRATCH];
        for (long d : new long[] {d1, d1, d2, d1, d2, d2, d1}) {
            BigInteger b = unsigned(d);
            put(w, A, a);
            put(w, B, b);
            WordArithmetic.div(w, A, B, B, X);
            assertThat(get(w, B)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
            put(w, A, a);
            put(w, B, b);
            WordArithmetic.mod(w, A, B, B, X);
            assertThat(get(w, B)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
        }
    }

    private static BigInteger unsigned(long v) {
        return BigInteger.valueOf(v).and(MASK_64);
    }

    /**
     * Hacker's Delight's case for the add-back step (its 16-bit digits widened to 64-bit limbs): the first quotient
     * estimate survives the two-limb check and the subtraction goes negative.
     */
    @Example
    void addBackCaseMatchesBigInteger() {
        BigInteger a = word(0, 0, Long.MIN_VALUE, Long.MAX_VALUE), b = word(1, 0, Long.MIN_VALUE, 0);
        assertThat(binary(a, b, w -> WordArithmetic.div(w, A, B, B, X))).isEqualTo(a.divide(b));
        assertThat(binary(a, b, w -> WordArithmetic.mod(w, A, B, B, X))).isEqualTo(a.mod(b));
    }
}
