package org.parkchain.evm;

import org.parkchain.primitives.UInt256;

/**
 * 256-bit arithmetic in place on limbs, with nothing allocated: a word is four longs, least significant first, at
 * an offset into a {@code long[]} (the interpreter's stack). Each operation reads all of its operands before it
 * writes the result, so the result may overwrite an operand (the interpreter writes it over the deepest one).
 *
 * <p>Division is Knuth's Algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit limbs: the divisor is shifted until its top
 * bit is set, each quotient limb is estimated from a 128-by-64-bit division of the remainder's top limbs and is then
 * at most two too large, a third limb corrects it in all but rare cases, and the multiply-subtract adds the
 * divisor back in those. The dividend, divisor and quotient of the general case live in a scratch area of
 * {@link #SCRATCH} longs that the caller provides (the stack array's tail). Single-limb divisors, the common case
 * (DIV by 10^k, MOD by small numbers), take a short division with the operands in locals.
 *
 * <p>{@link org.parkchain.primitives.UInt256}, the immutable and slower version of the same arithmetic, and
 * BigInteger are the references in the property tests.
 */
final class WordArithmetic {
    /**
     * Longs of scratch space a division needs: dividend (plus its normalisation limb), divisor, quotient, and the last
     * single-limb divisor with its reciprocal.
     */
    static final int SCRATCH = 24;
    private static final int U = 0;  // dividend, up to 8 limbs (MULMOD's product), and one for the normalisation shift
    private static final int V = 9;  // divisor, up to 4 limbs
    private static final int Q = 13; // quotient, up to 8 limbs
    private static final int LAST_DIVISOR = 22, LAST_RECIPROCAL = 23; // the last single-limb divisor (normalised)
    private static final long MASK = 0xffffffffL;

    private WordArithmetic() {}

    // --- multiplication ---------------------------------------------------------------------------------------

    /** {@code w[r] = w[a] * w[b]} modulo 2^256. */
    static void mul(long[] w, int a, int b, int r) {
        UInt256.mulInto(w, r, w[a], w[a + 1], w[a + 2], w[a + 3], w[b], w[b + 1], w[b + 2], w[b + 3]);
    }

    /**
     * EXP: {@code w[r] = w[base] ^ w[e]} modulo 2^256, square-and-multiply from the exponent's top bit, the base in
     * locals and the running result in {@code w[r]}.
     */
    static void exp(long[] w, int base, int e, int r) {
        long b0 = w[base], b1 = w[base + 1], b2 = w[base + 2], b3 = w[base + 3];
        long e0 = w[e], e1 = w[e + 1], e2 = w[e + 2], e3 = w[e + 3];
        int bits = bitLength(e0, e1, e2, e3);
        setSmall(w, r, 1);
        for (int i = bits - 1; i >= 0; i--) {
            UInt256.mulInto(w, r, w[r], w[r + 1], w[r + 2], w[r + 3], w[r], w[r + 1], w[r + 2], w[r + 3]);
            long limb = i < 64 ? e0 : i < 128 ? e1 : i < 192 ? e2 : e3;
            if ((limb >>> (i & 63) & 1) != 0) {
                UInt256.mulInto(w, r, w[r], w[r + 1], w[r + 2], w[r + 3], b0, b1, b2, b3);
            }
        }
    }

    /** Significant bits of the word at {@code at} (0 for zero). */
    static int bitLength(long[] w, int at) {
        return bitLength(w[at], w[at + 1], w[at + 2], w[at + 3]);
    }

    private static int bitLength(long x0, long x1, long x2, long x3) {
        if (x3 != 0) return 256 - Long.numberOfLeadingZeros(x3);
        if (x2 != 0) return 192 - Long.numberOfLeadingZeros(x2);
        if (x1 != 0) return 128 - Long.numberOfLeadingZeros(x1);
        return 64 - Long.numberOfLeadingZeros(x0);
    }

    // --- division ---------------------------------------------------------------------------------------------

    /** DIV: {@code w[r] = w[a] / w[b]}, zero when the divisor is zero; {@code x} is the scratch area. */
    static void div(long[] w, int a, int b, int r, int x) {
        divide(w, a, b, r, x, true);
    }

    /** MOD: {@code w[r] = w[a] mod w[b]}, zero when the divisor is zero. */
    static void mod(long[] w, int a, int b, int r, int x) {
        divide(w, a, b, r, x, false);
    }

    /**
     * SDIV: two's-complement division truncating toward zero; -2^255 / -1 wraps to -2^255. Divides the magnitudes
     * (negating the operands in place: they are consumed) and negates the quotient when the signs differ.
     */
    static void sdiv(long[] w, int a, int b, int r, int x) {
        boolean negA = w[a + 3] < 0, negB = w[b + 3] < 0;
        if (negA) negate(w, a);
        if (negB) negate(w, b);
        divide(w, a, b, r, x, true);
        if (negA != negB) negate(w, r);
    }

    /** SMOD: two's-complement remainder, which takes the sign of the dividend; zero when the divisor is zero. */
    static void smod(long[] w, int a, int b, int r, int x) {
        boolean negA = w[a + 3] < 0;
        if (negA) negate(w, a);
        if (w[b + 3] < 0) negate(w, b);
        divide(w, a, b, r, x, false);
        if (negA) negate(w, r);
    }

    /** ADDMOD: {@code (w[a] + w[b]) mod w[m]} over the full 257-bit sum; zero when the modulus is zero. */
    static void addmod(long[] w, int a, int b, int m, int r, int x) {
        long m0 = w[m], m1 = w[m + 1], m2 = w[m + 2], m3 = w[m + 3];
        if ((m0 | m1 | m2 | m3) == 0) {
            setSmall(w, r, 0);
            return;
        }
        long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
        long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
        long s0 = a0 + b0;
        long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
        long s1 = a1 + b1 + c;
        c = Long.compareUnsigned(s1, a1) < 0 || (c == 1 && s1 == a1) ? 1 : 0;
        long s2 = a2 + b2 + c;
        c = Long.compareUnsigned(s2, a2) < 0 || (c == 1 && s2 == a2) ? 1 : 0;
        long s3 = a3 + b3 + c;
        c = Long.compareUnsigned(s3, a3) < 0 || (c == 1 && s3 == a3) ? 1 : 0;
        int u = x + U;
        w[u] = s0;
        w[u + 1] = s1;
        w[u + 2] = s2;
        w[u + 3] = s3;
        w[u + 4] = c;
        w[x + V] = m0;
        w[x + V + 1] = m1;
        w[x + V + 2] = m2;
        w[x + V + 3] = m3;
        remainder(w, x, c != 0 ? 5 : 4, r);
    }

    /** MULMOD: {@code (w[a] * w[b]) mod w[m]} over the full 512-bit product; zero when the modulus is zero. */
    static void mulmod(long[] w, int a, int b, int m, int r, int x) {
        long m0 = w[m], m1 = w[m + 1], m2 = w[m + 2], m3 = w[m + 3];
        if ((m0 | m1 | m2 | m3) == 0) {
            setSmall(w, r, 0);
            return;
        }
        int u = x + U;
        for (int i = 0; i < 8; i++) w[u + i] = 0;
        for (int i = 0; i < 4; i++) {
            long ai = w[a + i], carry = 0;
            for (int j = 0; j < 4; j++) {
                long bj = w[b + j];
                long lo = ai * bj;
                long hi = Math.unsignedMultiplyHigh(ai, bj);
                long t = w[u + i + j] + lo;
                hi += Long.compareUnsigned(t, lo) < 0 ? 1 : 0;
                long t2 = t + carry;
                hi += Long.compareUnsigned(t2, t) < 0 ? 1 : 0;
                w[u + i + j] = t2;
                carry = hi;
            }
            w[u + i + 4] = carry;
        }
        w[x + V] = m0;
        w[x + V + 1] = m1;
        w[x + V + 2] = m2;
        w[x + V + 3] = m3;
        remainder(w, x, 8, r);
    }

    /** The remainder of the {@code m}-limb dividend at scratch U by the non-zero 4-limb divisor at V, into {@code w[r]}. */
    private static void remainder(long[] w, int x, int m, int r) {
        int u = x + U, v = x + V;
        int n = 4;
        while (w[v + n - 1] == 0) n--;
        while (m > 0 && w[u + m - 1] == 0) m--;
        if (m < n) {
            copyLimbs(w, u, m, r);
            return;
        }
        knuth(w, x, m, n);
        copyLimbs(w, u, n, r);
    }

    private static void divide(long[] w, int a, int b, int r, int x, boolean quotient) {
        long a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3];
        long b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3];
        if ((b1 | b2 | b3) == 0) {
            if (b0 == 0) {
                setSmall(w, r, 0);
            } else if ((a1 | a2 | a3) == 0) {
                setSmall(w, r, quotient ? Long.divideUnsigned(a0, b0) : Long.remainderUnsigned(a0, b0));
            } else {
                divideBySingleLimb(w, a0, a1, a2, a3, b0, r, x, quotient);
            }
            return;
        }
        if (compare(a0, a1, a2, a3, b0, b1, b2, b3) < 0) {
            if (quotient) setSmall(w, r, 0);
            else set(w, r, a0, a1, a2, a3);
            return;
        }
        int u = x + U, v = x + V;
        w[u] = a0;
        w[u + 1] = a1;
        w[u + 2] = a2;
        w[u + 3] = a3;
        w[v] = b0;
        w[v + 1] = b1;
        w[v + 2] = b2;
        w[v + 3] = b3;
        int n = b3 != 0 ? 4 : b2 != 0 ? 3 : 2;
        int m = a3 != 0 ? 4 : a2 != 0 ? 3 : 2; // a >= b, so a has at least n limbs
        knuth(w, x, m, n);
        if (quotient) copyLimbs(w, x + Q, m - n + 1, r);
        else copyLimbs(w, u, n, r);
    }

    /**
     * Short division of a four-limb dividend by one limb {@code d}: shift both left until d's top bit is set, then
     * one 128-by-64 division per limb from the top, the running remainder (below d) as the high half; each of those
     * is two multiplications with d's reciprocal, which costs one 128-by-64 division for all four.
     */
    private static void divideBySingleLimb(long[] w, long a0, long a1, long a2, long a3, long d, int r, int x,
                                           boolean quotient) {
        int s = Long.numberOfLeadingZeros(d);
        d <<= s;
        // x >>> 1 >>> (63 - s) is x >>> (64 - s), and 0 when s is 0 (a shift by 64 would be no shift in Java).
        long n4 = a3 >>> 1 >>> (63 - s);
        long n3 = (a3 << s) | (a2 >>> 1 >>> (63 - s));
        long n2 = (a2 << s) | (a1 >>> 1 >>> (63 - s));
        long n1 = (a1 << s) | (a0 >>> 1 >>> (63 - s));
        long n0 = a0 << s;
        long v = reciprocal(w, x, d);
        long q3 = divide2by1(n4, n3, d, v);
        long rem = n3 - q3 * d;
        long q2 = divide2by1(rem, n2, d, v);
        rem = n2 - q2 * d;
        long q1 = divide2by1(rem, n1, d, v);
        rem = n1 - q1 * d;
        long q0 = divide2by1(rem, n0, d, v);
        rem = n0 - q0 * d;
        if (quotient) set(w, r, q0, q1, q2, q3);
        else setSmall(w, r, rem >>> s);
    }

    /**
     * Algorithm D: divides the {@code m}-limb dividend at scratch U by the {@code n}-limb divisor at V (top limb
     * non-zero, 1 <= n <= m <= 8), leaving the quotient at Q ({@code m - n + 1} limbs; m for n = 1) and the
     * remainder in U's first {@code n} limbs. Dividend and divisor are normalised in place.
     */
    private static void knuth(long[] w, int x, int m, int n) {
        int u = x + U, v = x + V, q = x + Q;
        int s = Long.numberOfLeadingZeros(w[v + n - 1]);
        if (s != 0) {
            for (int i = n - 1; i > 0; i--) w[v + i] = (w[v + i] << s) | (w[v + i - 1] >>> (64 - s));
            w[v] <<= s;
            w[u + m] = w[u + m - 1] >>> (64 - s);
            for (int i = m - 1; i > 0; i--) w[u + i] = (w[u + i] << s) | (w[u + i - 1] >>> (64 - s));
            w[u] <<= s;
        } else {
            w[u + m] = 0;
        }
        if (n == 1) {
            // short division: the running remainder (below d) is the high half of each 128-by-64 division
            long d = w[v], rem = w[u + m], reciprocal = reciprocal(d);
            for (int j = m - 1; j >= 0; j--) {
                long qj = divide2by1(rem, w[u + j], d, reciprocal);
                rem = w[u + j] - qj * d;
                w[q + j] = qj;
            }
            w[u] = rem >>> s;
            return;
        }
        long vTop = w[v + n - 1], vNext = w[v + n - 2];
        long reciprocal = m > n ? reciprocal(vTop) : 0; // pays off from two quotient limbs on
        for (int j = m - n; j >= 0; j--) {
            // D3: estimate from the top two limbs (the top one is at most vTop), correct with the third.
            long uTop = w[u + j + n], uNext = w[u + j + n - 1], uThird = w[u + j + n - 2];
            long qhat, rhat;
            boolean rhatOverflows;
            if (uTop == vTop) {
                qhat = -1L; // 2^64 - 1; the remainder (uTop, uNext) - qhat * vTop is uNext + vTop
                rhat = uNext + vTop;
                rhatOverflows = Long.compareUnsigned(rhat, uNext) < 0;
            } else {
                qhat = m > n ? divide2by1(uTop, uNext, vTop, reciprocal) : divide128(uTop, uNext, vTop);
                rhat = uNext - qhat * vTop;
                rhatOverflows = false;
            }
            while (!rhatOverflows) {
                long pHi = Math.unsignedMultiplyHigh(qhat, vNext), pLo = qhat * vNext;
                int c = Long.compareUnsigned(pHi, rhat);
                if (c < 0 || (c == 0 && Long.compareUnsigned(pLo, uThird) <= 0)) break;
                qhat--;
                long next = rhat + vTop;
                rhatOverflows = Long.compareUnsigned(next, rhat) < 0;
                rhat = next;
            }
            // D4: subtract qhat * divisor. The product's high limb plus the borrow stays below 2^64:
            // qhat * v + k <= (2^64-1)^2 + 2^64-1 = 2^128 - 2^64.
            long k = 0;
            for (int i = 0; i < n; i++) {
                long vi = w[v + i];
                long pLo = qhat * vi + k;
                long pHi = Math.unsignedMultiplyHigh(qhat, vi) + (Long.compareUnsigned(pLo, k) < 0 ? 1 : 0);
                long ui = w[u + i + j];
                w[u + i + j] = ui - pLo;
                k = pHi + (Long.compareUnsigned(ui, pLo) < 0 ? 1 : 0);
            }
            long top = w[u + j + n];
            w[u + j + n] = top - k;
            if (Long.compareUnsigned(top, k) < 0) {
                // D6: qhat was one too large (probability about 2/2^64); add the divisor back.
                qhat--;
                long c = 0;
                for (int i = 0; i < n; i++) {
                    long ui = w[u + i + j], vi = w[v + i];
                    long t = ui + vi;
                    long t2 = t + c;
                    c = (Long.compareUnsigned(t, ui) < 0 ? 1 : 0) | (Long.compareUnsigned(t2, t) < 0 ? 1 : 0);
                    w[u + i + j] = t2;
                }
                w[u + j + n] += c;
            }
            w[q + j] = qhat;
        }
        if (s != 0) {
            for (int i = 0; i < n - 1; i++) w[u + i] = (w[u + i] >>> s) | (w[u + i + 1] << (64 - s));
            w[u + n - 1] >>>= s;
        }
    }

    /**
     * The quotient of the 128-bit {@code (hi, lo)} by {@code d}, for a normalised d (top bit set) and hi < d, so the
     * quotient fits in 64 bits: two steps of 64-by-32-bit division on half limbs, each estimate corrected at most
     * twice (Hacker's Delight, 9-3, "divlu"). The remainder is {@code lo - q * d}.
     */
    static long divide128(long hi, long lo, long d) {
        long dHi = d >>> 32, dLo = d & MASK;
        long lo1 = lo >>> 32, lo0 = lo & MASK;
        long q1 = Long.divideUnsigned(hi, dHi);
        long rhat = hi - q1 * dHi;
        while (Long.compareUnsigned(q1, MASK) > 0 || Long.compareUnsigned(q1 * dLo, (rhat << 32) | lo1) > 0) {
            q1--;
            rhat += dHi;
            if (Long.compareUnsigned(rhat, MASK) > 0) break;
        }
        long mid = (hi << 32 | lo1) - q1 * d; // below d, so exact modulo 2^64
        long q0 = Long.divideUnsigned(mid, dHi);
        rhat = mid - q0 * dHi;
        while (Long.compareUnsigned(q0, MASK) > 0 || Long.compareUnsigned(q0 * dLo, (rhat << 32) | lo0) > 0) {
            q0--;
            rhat += dHi;
            if (Long.compareUnsigned(rhat, MASK) > 0) break;
        }
        return (q1 << 32) | q0;
    }

    /**
     * The reciprocal of a normalised {@code d}, remembered in the scratch area at {@code x} with its divisor: a loop
     * divides by the same constant again and again (by 10^k, by 7), and computing the reciprocal costs two hardware
     * divisions, more than the four 2-by-1 divisions that use it. A fresh scratch area holds 0, which is never a
     * normalised divisor.
     */
    private static long reciprocal(long[] w, int x, long d) {
        if (w[x + LAST_DIVISOR] == d) return w[x + LAST_RECIPROCAL];
        long v = reciprocal(d);
        w[x + LAST_DIVISOR] = d;
        w[x + LAST_RECIPROCAL] = v;
        return v;
    }

    /** floor((2^128 - 1) / d) - 2^64 for a normalised d: the reciprocal {@link #divide2by1} multiplies with. */
    static long reciprocal(long d) {
        return divide128(~d, -1L, d); // (2^128 - 1) - 2^64 d is (~d, 2^64 - 1) as two limbs, and ~d < d
    }

    /**
     * The quotient of {@code (hi, lo)} by a normalised {@code d} with hi < d, given d's {@link #reciprocal}: Möller
     * and Granlund's 2-by-1 division ("Improved division by invariant integers", 2011, algorithm 4). The product of
     * hi and the reciprocal, plus (hi, lo), estimates the quotient from below by at most one after the first
     * correction; the second correction is rare. The remainder is {@code lo - q * d}.
     */
    static long divide2by1(long hi, long lo, long d, long reciprocal) {
        long qLo = reciprocal * hi;
        long qHi = Math.unsignedMultiplyHigh(reciprocal, hi);
        long sum = qLo + lo;
        qHi += hi + (Long.compareUnsigned(sum, qLo) < 0 ? 1 : 0) + 1;
        qLo = sum;
        long r = lo - qHi * d;
        if (Long.compareUnsigned(r, qLo) > 0) {
            qHi--;
            r += d;
        }
        if (Long.compareUnsigned(r, d) >= 0) qHi++;
        return qHi;
    }

    // --- shifts and signs -------------------------------------------------------------------------------------

    /** Two's-complement negation in place: ~x + 1. */
    static void negate(long[] w, int at) {
        long x0 = ~w[at] + 1;
        long c = x0 == 0 ? 1 : 0;
        long x1 = ~w[at + 1] + c;
        c = c == 1 && x1 == 0 ? 1 : 0;
        long x2 = ~w[at + 2] + c;
        c = c == 1 && x2 == 0 ? 1 : 0;
        w[at] = x0;
        w[at + 1] = x1;
        w[at + 2] = x2;
        w[at + 3] = ~w[at + 3] + c;
    }

    /** SHL by {@code n} bits (0..255, or anything larger for zero) in place. */
    static void shiftLeft(long[] w, int at, int n) {
        UInt256.shiftLeftInto(w, at, n);
    }

    /**
     * SHR (logical) or SAR (arithmetic: the vacated bits copy the sign) by {@code n} bits (0..255, or anything
     * larger) in place.
     */
    static void shiftRight(long[] w, int at, int n, boolean arithmetic) {
        UInt256.shiftRightInto(w, at, n, arithmetic);
    }

    /**
     * SIGNEXTEND of the word at {@code x} from byte {@code b} (counted from the least significant): every bit above
     * bit 8b+7 becomes a copy of it. From b = 31 on the sign bit is bit 255 or beyond and the word is unchanged.
     */
    static void signExtend(long[] w, int b, int x) {
        if ((w[b + 1] | w[b + 2] | w[b + 3]) != 0 || Long.compareUnsigned(w[b], 31) >= 0) return;
        int bit = (int) w[b] * 8 + 7;
        int limb = bit >>> 6;
        long lowMask = (bit & 63) == 63 ? -1L : (1L << ((bit & 63) + 1)) - 1;
        boolean negative = (w[x + limb] >>> (bit & 63) & 1) != 0;
        if (negative) {
            w[x + limb] |= ~lowMask;
            for (int i = limb + 1; i < 4; i++) w[x + i] = -1L;
        } else {
            w[x + limb] &= lowMask;
            for (int i = limb + 1; i < 4; i++) w[x + i] = 0;
        }
    }

    /** BYTE: byte {@code i} of the word at {@code x}, counted from the most significant (0); zero from 32 on. */
    static void byteAt(long[] w, int i, int x) {
        if ((w[i + 1] | w[i + 2] | w[i + 3]) != 0 || Long.compareUnsigned(w[i], 32) >= 0) {
            setSmall(w, x, 0);
            return;
        }
        int fromLow = 31 - (int) w[i];
        setSmall(w, x, (w[x + (fromLow >>> 3)] >>> ((fromLow & 7) * 8)) & 0xff);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static int compare(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
        if (a3 != b3) return Long.compareUnsigned(a3, b3);
        if (a2 != b2) return Long.compareUnsigned(a2, b2);
        if (a1 != b1) return Long.compareUnsigned(a1, b1);
        return Long.compareUnsigned(a0, b0);
    }

    private static void set(long[] w, int at, long x0, long x1, long x2, long x3) {
        w[at] = x0;
        w[at + 1] = x1;
        w[at + 2] = x2;
        w[at + 3] = x3;
    }

    private static void setSmall(long[] w, int at, long x0) {
        set(w, at, x0, 0, 0, 0);
    }

    /** Copies {@code count} (at most 4) limbs from {@code from} into the word at {@code to}, zeros above them. */
    private static void copyLimbs(long[] w, int from, int count, int to) {
        for (int i = 0; i < 4; i++) w[to + i] = i < count ? w[from + i] : 0;
    }
}
