package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of BLS12-381's base field F_p, p a 381-bit prime, kept in Montgomery form (a·2^384 mod p) on six
 * 64-bit limbs, least significant first. Multiplication is the coarsely integrated operand scanning (CIOS)
 * Montgomery product; addition and subtraction are limb arithmetic with one conditional correction. Immutable.
 *
 * <p>Values enter and leave through {@link BigInteger} ({@link #of}, {@link #toBigInteger}); inside, nothing
 * allocates but the result limbs. {@link #inverse} goes through {@link BigInteger#modInverse} (a binary extended
 * GCD, several times faster than Fermat's p - 2 power on these limbs).
 */
final class Fp implements FieldElement<Fp> {
    static final BigInteger P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
    private static final long[] MODULUS = limbs(P);
    /** -p^-1 mod 2^64: the factor that clears the low limb in each Montgomery reduction step. */
    private static final long P_INV = BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();
    private static final BigInteger R = BigInteger.ONE.shiftLeft(384).mod(P);
    private static final BigInteger R_INV = R.modInverse(P);
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
    private static final BigInteger LEGENDRE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);

    static final Fp ZERO = new Fp(new long[6]);
    static final Fp ONE = of(BigInteger.ONE);

    private final long[] l;

    private Fp(long[] limbs) {
        this.l = limbs;
    }

    /** {@code value} mod p. */
    static Fp of(BigInteger value) {
        return new Fp(limbs(value.mod(P).multiply(R).mod(P)));
    }

    static Fp of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /** The canonical integer in [0, p). */
    BigInteger toBigInteger() {
        long[] one = new long[6];
        one[0] = 1;
        long[] v = montgomeryProduct(l, one);
        byte[] bytes = new byte[48];
        for (int i = 0; i < 6; i++) {
            long limb = v[i];
            for (int b = 0; b < 8; b++) bytes[47 - 8 * i - b] = (byte) (limb >>> (8 * b));
        }
        return new BigInteger(1, bytes);
    }

    @Override
    public Fp add(Fp o) {
        long[] r = new long[6];
        long carry = 0;
        for (int i = 0; i < 6; i++) {
            long s = l[i] + o.l[i];
            long c1 = Long.compareUnsigned(s, l[i]) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            r[i] = s2;
            carry = c1 + c2;
        }
        // p < 2^381, so a sum of two reduced values never carries out of six limbs.
        return new Fp(reduceOnce(r));
    }

    @Override
    public Fp subtract(Fp o) {
        long[] r = new long[6];
        long borrow = subtractInto(l, o.l, r);
        if (borrow != 0) addInto(r, MODULUS);
        return new Fp(r);
    }

    @Override
    public Fp negate() {
        if (isZero()) return this;
        long[] r = new long[6];
        subtractInto(MODULUS, l, r);
        return new Fp(r);
    }

    @Override
    public Fp multiply(Fp o) {
        return new Fp(montgomeryProduct(l, o.l));
    }

    @Override
    public Fp square() {
        return new Fp(montgomeryProduct(l, l));
    }

    Fp twice() {
        return add(this);
    }

    @Override
    public Fp inverse() {
        if (isZero()) return ZERO;
        // Montgomery form a·R inverts to a^-1·R^-1; multiplying by R² mod p (twice by R here) restores the form.
        BigInteger montgomery = raw();
        BigInteger inv = montgomery.modInverse(P).multiply(R).mod(P).multiply(R).mod(P);
        return new Fp(limbs(inv));
    }

    /** x^e for a non-negative exponent, square-and-multiply from the top bit. */
    Fp pow(BigInteger e) {
        Fp result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) result = result.multiply(this);
        }
        return result;
    }

    /** Whether this is a square in F_p (zero counts as one), by Euler's criterion. */
    @Override
    public boolean isSquare() {
        return isZero() || pow(LEGENDRE_EXPONENT).equals(ONE);
    }

    /** A square root when one exists (p ≡ 3 mod 4, so it is x^((p+1)/4)); the caller checks {@link #isSquare}. */
    @Override
    public Fp sqrt() {
        return pow(SQRT_EXPONENT);
    }

    /** RFC 9380's sgn0 on F_p: the parity of the canonical integer. */
    @Override
    public boolean sgn0() {
        return toBigInteger().testBit(0);
    }

    @Override
    public boolean isZero() {
        return (l[0] | l[1] | l[2] | l[3] | l[4] | l[5]) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp other && Arrays.equals(l, other.l);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(l);
    }

    @Override
    public String toString() {
        return "0x" + toBigInteger().toString(16);
    }

    /** The Montgomery-form integer itself (for tests and inversion). */
    BigInteger raw() {
        byte[] bytes = new byte[48];
        for (int i = 0; i < 6; i++) {
            for (int b = 0; b < 8; b++) bytes[47 - 8 * i - b] = (byte) (l[i] >>> (8 * b));
        }
        return new BigInteger(1, bytes);
    }

    static BigInteger fromMontgomery(BigInteger raw) {
        return raw.multiply(R_INV).mod(P);
    }

    /**
     * a·b·2^-384 mod p by CIOS: for each limb of b, add a·b_i into the accumulator, then add the multiple m·p that
     * zeroes its low limb and shift one limb down. With a, b < p the accumulator stays below 2p.
     */
    private static long[] montgomeryProduct(long[] a, long[] b) {
        long[] t = new long[7];
        for (int i = 0; i < 6; i++) {
            long bi = b[i];
            long carry = 0;
            for (int j = 0; j < 6; j++) {
                long lo = a[j] * bi;
                long hi = Math.unsignedMultiplyHigh(a[j], bi);
                long s = t[j] + lo;
                if (Long.compareUnsigned(s, lo) < 0) hi++;
                long s2 = s + carry;
                if (Long.compareUnsigned(s2, s) < 0) hi++;
                t[j] = s2;
                carry = hi;
            }
            long top = t[6] + carry; // never overflows: the accumulator is below 2p·2^64 < 2^446
            long m = t[0] * P_INV;
            long lo = m * MODULUS[0];
            long hi = Math.unsignedMultiplyHigh(m, MODULUS[0]);
            long s = t[0] + lo;
            if (Long.compareUnsigned(s, lo) < 0) hi++;
            carry = hi;
            for (int j = 1; j < 6; j++) {
                lo = m * MODULUS[j];
                hi = Math.unsignedMultiplyHigh(m, MODULUS[j]);
                s = t[j] + lo;
                if (Long.compareUnsigned(s, lo) < 0) hi++;
                long s2 = s + carry;
                if (Long.compareUnsigned(s2, s) < 0) hi++;
                t[j - 1] = s2;
                carry = hi;
            }
            t[5] = top + carry;
            t[6] = Long.compareUnsigned(t[5], carry) < 0 ? 1 : 0;
        }
        long[] r = Arrays.copyOf(t, 6);
        if (t[6] != 0 || compare(r, MODULUS) >= 0) subtractInto(r, MODULUS, r);
        return r;
    }

    private static long[] reduceOnce(long[] r) {
        if (compare(r, MODULUS) >= 0) subtractInto(r, MODULUS, r);
        return r;
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 5; i >= 0; i--) {
            int c = Long.compareUnsigned(a[i], b[i]);
            if (c != 0) return c;
        }
        return 0;
    }

    /** out = a - b over six limbs; returns the final borrow (0 or 1). {@code out} may alias {@code a}. */
    private static long subtractInto(long[] a, long[] b, long[] out) {
        long borrow = 0;
        for (int i = 0; i < 6; i++) {
            long d = a[i] - b[i];
            long b1 = Long.compareUnsigned(a[i], b[i]) < 0 ? 1 : 0;
            long d2 = d - borrow;
            long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
            out[i] = d2;
            borrow = b1 | b2;
        }
        return borrow;
    }

    private static void addInto(long[] a, long[] b) {
        long carry = 0;
        for (int i = 0; i < 6; i++) {
            long s = a[i] + b[i];
            long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long s2 = s + carry;
            long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
            a[i] = s2;
            carry = c1 | c2;
        }
    }

    private static long[] limbs(BigInteger v) {
        long[] r = new long[6];
        for (int i = 0; i < 6; i++) r[i] = v.shiftRight(64 * i).longValue();
        return r;
    }
}
