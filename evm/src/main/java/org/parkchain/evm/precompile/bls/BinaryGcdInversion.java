package org.parkchain.evm.precompile.bls;

/**
 * Inversion modulo an odd modulus m below 2^383 on six 64-bit limbs, by Pornin's optimized binary GCD ("Optimized
 * Binary GCD for Modular Inversion", 2020). Variable time: the inputs of the precompiles are public.
 *
 * <p>The plain binary GCD keeps a ≡ u·x and b ≡ v·x (mod m), b odd, starting from (a, b) = (x, m), (u, v) = (1, 0);
 * each step subtracts the smaller from the larger when a is odd (swapping them first if needed) and halves a, until
 * a = 0 and b = gcd(x, m) = 1, so v = x^-1. Done on full-width numbers that is about 760 steps of six-limb shifts and
 * subtractions. Here 31 steps at a time run on one 64-bit word per operand: the low 31 bits of a and b (exact, so
 * every parity decision is exact) below their top 33 bits (aligned to the longer operand, enough to decide the
 * comparisons nearly always). The steps are recorded as factors with a' = (f0·a + g0·b)/2^31 and
 * b' = (f1·a + g1·b)/2^31, |f|, |g| ≤ 2^31, then applied once to the full numbers; a comparison that the
 * approximation got wrong only leaves a' or b' negative, which is undone by negating it with its factors. The same
 * factors update u and v, where the division by 2^31 is modular: a multiple of m that clears the low 31 bits is
 * added first (a Montgomery reduction step). About 25 such batches replace {@link java.math.BigInteger#modInverse}.
 */
final class BinaryGcdInversion {
    private static final int STEPS = 31;
    private static final long LOW_BITS = (1L << STEPS) - 1;
    /** Each batch shortens a and b by about 31 bits; far more batches than 2·383/31 would mean a broken invariant. */
    private static final int MAX_BATCHES = 100;

    private final long[] modulus;
    /** -m^-1 mod 2^64: its low 31 bits give the multiple of m that makes a value divisible by 2^31. */
    private final long minusInverse;

    BinaryGcdInversion(long[] modulus) {
        if (modulus.length != 6 || (modulus[0] & 1) == 0 || modulus[5] >>> 63 != 0) {
            throw new IllegalArgumentException("an odd modulus on six limbs below 2^383 is required");
        }
        this.modulus = modulus.clone();
        // Newton's iteration for m^-1 mod 2^64: each step doubles the number of correct low bits (m·m ≡ 1 mod 8).
        long inverse = modulus[0];
        for (int i = 0; i < 5; i++) inverse *= 2 - modulus[0] * inverse;
        this.minusInverse = -inverse;
    }

    /** x^-1 mod m for 0 < x < m (plain integers, six limbs, least significant first). */
    long[] inverse(long[] x) {
        long[] a = x.clone();
        long[] b = modulus.clone();
        long[] u = {1, 0, 0, 0, 0, 0};
        long[] v = new long[6];
        long[] wide = new long[7];
        long[] scratch = new long[7];
        long[] nextA = new long[6], nextB = new long[6], nextU = new long[6], nextV = new long[6];
        for (int batch = 0; !isZero(a); batch++) {
            if (batch == MAX_BATCHES) throw new ArithmeticException("binary GCD did not converge");
            int n = Math.max(Math.max(bitLength(a), bitLength(b)), 64);
            long aBar = (bitsFrom(a, n - 33) << STEPS) | (a[0] & LOW_BITS);
            long bBar = (bitsFrom(b, n - 33) << STEPS) | (b[0] & LOW_BITS);
            long f0 = 1, g0 = 0, f1 = 0, g1 = 1;
            for (int step = 0; step < STEPS; step++) {
                if ((aBar & 1) != 0) {
                    if (Long.compareUnsigned(aBar, bBar) < 0) {
                        long swap = aBar;
                        aBar = bBar;
                        bBar = swap;
                        swap = f0;
                        f0 = f1;
                        f1 = swap;
                        swap = g0;
                        g0 = g1;
                        g1 = swap;
                    }
                    aBar -= bBar;
                    f0 -= f1;
                    g0 -= g1;
                }
                aBar >>>= 1;
                f1 <<= 1;
                g1 <<= 1;
            }
            if (combineExactly(a, f0, b, g0, nextA, wide, scratch)) {
                f0 = -f0;
                g0 = -g0;
            }
            if (combineExactly(a, f1, b, g1, nextB, wide, scratch)) {
                f1 = -f1;
                g1 = -g1;
            }
            combineModular(u, f0, v, g0, nextU, wide, scratch);
            combineModular(u, f1, v, g1, nextV, wide, scratch);
            System.arraycopy(nextA, 0, a, 0, 6);
            System.arraycopy(nextB, 0, b, 0, 6);
            System.arraycopy(nextU, 0, u, 0, 6);
            System.arraycopy(nextV, 0, v, 0, 6);
        }
        if (b[0] != 1 || (b[1] | b[2] | b[3] | b[4] | b[5]) != 0) throw new ArithmeticException("not invertible");
        return v;
    }

    /**
     * out = |(x·f + y·g) / 2^31|, a division that the steps make exact; returns whether the quotient was negative
     * (the caller then negates f and g).
     */
    private static boolean combineExactly(long[] x, long f, long[] y, long g, long[] out, long[] wide, long[] scratch) {
        linearCombination(x, f, y, g, wide, scratch);
        shiftRight31(wide);
        boolean negative = wide[6] < 0;
        if (negative) negate(wide);
        System.arraycopy(wide, 0, out, 0, 6);
        return negative;
    }

    /** out = (x·f + y·g) / 2^31 mod m for x, y in [0, m). */
    private void combineModular(long[] x, long f, long[] y, long g, long[] out, long[] wide, long[] scratch) {
        linearCombination(x, f, y, g, wide, scratch);
        // Adding k·m with k = -wide·m^-1 mod 2^31 makes the low 31 bits zero without changing the value mod m.
        long k = (wide[0] * minusInverse) & LOW_BITS;
        multiplySmall(modulus, k, scratch);
        add(wide, scratch);
        shiftRight31(wide);
        // |x·f + y·g| < 2^31·m and k·m < 2^31·m, so the quotient lies in (-m, 2m).
        if (wide[6] < 0) {
            System.arraycopy(modulus, 0, scratch, 0, 6);
            scratch[6] = 0;
            add(wide, scratch);
        } else if (!lessThan(wide, modulus)) {
            subtract(wide, modulus);
        }
        System.arraycopy(wide, 0, out, 0, 6);
    }

    /** wide = x·f + y·g as a 7-limb two's complement number (|f|, |g| ≤ 2^31 and x, y < 2^383 keep it in range). */
    private static void linearCombination(long[] x, long f, long[] y, long g, long[] wide, long[] scratch) {
        multiplySmall(x, Math.abs(f), wide);
        if (f < 0) negate(wide);
        multiplySmall(y, Math.abs(g), scratch);
        if (g < 0) negate(scratch);
        add(wide, scratch);
    }

    /** out (7 limbs) = x (6 limbs) · k for 0 ≤ k < 2^63. */
    private static void multiplySmall(long[] x, long k, long[] out) {
        long carry = 0;
        for (int i = 0; i < 6; i++) {
            long lo = x[i] * k;
            long hi = Math.unsignedMultiplyHigh(x[i], k);
            long sum = lo + carry;
            if (Long.compareUnsigned(sum, lo) < 0) hi++;
            out[i] = sum;
            carry = hi;
        }
        out[6] = carry;
    }

    /** a += b over 7 limbs, modulo 2^448 (two's complement). */
    private static void add(long[] a, long[] b) {
        long carry = 0;
        for (int i = 0; i < 7; i++) {
            long sum = a[i] + b[i];
            long c1 = Long.compareUnsigned(sum, a[i]) < 0 ? 1 : 0;
            long total = sum + carry;
            long c2 = Long.compareUnsigned(total, sum) < 0 ? 1 : 0;
            a[i] = total;
            carry = c1 | c2;
        }
    }

    /** a -= m over 7 limbs, for a ≥ m. */
    private static void subtract(long[] a, long[] m) {
        long borrow = 0;
        for (int i = 0; i < 7; i++) {
            long mi = i < 6 ? m[i] : 0;
            long diff = a[i] - mi;
            long b1 = Long.compareUnsigned(a[i], mi) < 0 ? 1 : 0;
            long result = diff - borrow;
            long b2 = Long.compareUnsigned(diff, borrow) < 0 ? 1 : 0;
            a[i] = result;
            borrow = b1 | b2;
        }
    }

    /** a = -a over 7 limbs (two's complement). */
    private static void negate(long[] a) {
        long carry = 1;
        for (int i = 0; i < 7; i++) {
            long inverted = ~a[i];
            long sum = inverted + carry;
            carry = (carry != 0 && sum == 0) ? 1 : 0;
            a[i] = sum;
        }
    }

    /** Arithmetic shift right by 31 over 7 limbs. */
    private static void shiftRight31(long[] a) {
        for (int i = 0; i < 6; i++) a[i] = (a[i] >>> STEPS) | (a[i + 1] << (64 - STEPS));
        a[6] >>= STEPS;
    }

    /** Whether the non-negative 7-limb a is below the 6-limb m. */
    private static boolean lessThan(long[] a, long[] m) {
        if (a[6] != 0) return false;
        for (int i = 5; i >= 0; i--) {
            int c = Long.compareUnsigned(a[i], m[i]);
            if (c != 0) return c < 0;
        }
        return false;
    }

    /** The 64 bits of x from bit {@code from} up (x >> from, truncated). */
    private static long bitsFrom(long[] x, int from) {
        int limb = from >>> 6, offset = from & 63;
        long bits = x[limb] >>> offset;
        if (offset != 0 && limb + 1 < 6) bits |= x[limb + 1] << (64 - offset);
        return bits;
    }

    private static int bitLength(long[] x) {
        for (int i = 5; i >= 0; i--) {
            if (x[i] != 0) return 64 * i + 64 - Long.numberOfLeadingZeros(x[i]);
        }
        return 0;
    }

    private static boolean isZero(long[] x) {
        return (x[0] | x[1] | x[2] | x[3] | x[4] | x[5]) == 0;
    }
}
