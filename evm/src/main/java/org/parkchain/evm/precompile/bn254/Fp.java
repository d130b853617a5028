package org.parkchain.evm.precompile.bn254;

import java.math.BigInteger;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * An element of BN254's base field F_p, p a 254-bit prime, kept in Montgomery form (a·2^256 mod p) on four 64-bit
 * limbs, least significant first, held in four fields rather than an array (one allocation per value, which the
 * JIT can often avoid altogether): the same arithmetic as BLS12-381's six-limb field, generated for this modulus.
 * Additions and subtractions are branch-free carry chains with one final selection. {@link #inverse} goes
 * through {@link BigInteger#modInverse}. Immutable.
 */
final class Fp implements FieldElement<Fp> {
    static final BigInteger P = new BigInteger(
            "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);
    private static final long P0 = 0x3c208c16d87cfd47L;
    private static final long P1 = 0x97816a916871ca8dL;
    private static final long P2 = 0xb85045b68181585dL;
    private static final long P3 = 0x30644e72e131a029L;
    /** -p^-1 mod 2^64: the factor that clears the low limb in each Montgomery reduction step. */
    private static final long P_INV = BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();
    private static final BigInteger R = BigInteger.ONE.shiftLeft(256).mod(P);
    /** R² and R³ mod p as plain integers: a Montgomery product with them moves a plain integer, or an inverse, into Montgomery form. */
    private static final Fp R2 = plain(R.multiply(R).mod(P));
    private static final Fp R3 = plain(R.pow(3).mod(P));
    private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);
    private static final BigInteger LEGENDRE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);

    static final Fp ZERO = new Fp(0, 0, 0, 0);
    /** p itself on four limbs: subtracting a reduced nonzero value from it negates without a borrow. */
    private static final Fp MODULUS = new Fp(P0, P1, P2, P3);
    static final Fp ONE = of(BigInteger.ONE);

    private final long l0, l1, l2, l3;

    private Fp(long l0, long l1, long l2, long l3) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
    }

    /** The integer v < 2^256 on four limbs as they are, not moved into Montgomery form. */
    private static Fp plain(BigInteger v) {
        return new Fp(v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(), v.shiftRight(192).longValue());
    }

    /** {@code value} mod p. */
    static Fp of(BigInteger value) {
        return plain(value.mod(P)).montgomeryTimes(R2);
    }

    static Fp of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /**
     * The 32 big-endian bytes at {@code offset} as a field element, or null when the integer is not below p (the
     * caller refuses such input).
     */
    static Fp fromBytes(byte[] in, int offset) {
        long[] v = new long[4];
        for (int i = 0; i < 4; i++) {
            long limb = 0;
            int at = offset + 24 - 8 * i;
            for (int b = 0; b < 8; b++) limb = (limb << 8) | (in[at + b] & 0xffL);
            v[i] = limb;
        }
        Fp plain = new Fp(v[0], v[1], v[2], v[3]);
        if (!plain.belowModulus()) return null;
        return plain.montgomeryTimes(R2);
    }

    /** Writes the canonical integer as 32 big-endian bytes at {@code offset}. */
    void toBytes(byte[] out, int offset) {
        long[] v = canonicalLimbs();
        for (int i = 0; i < 4; i++) {
            long limb = v[i];
            int at = offset + 24 - 8 * i;
            for (int b = 7; b >= 0; b--) {
                out[at + b] = (byte) limb;
                limb >>>= 8;
            }
        }
    }

    /** The canonical integer in [0, p). */
    BigInteger toBigInteger() {
        byte[] bytes = new byte[32];
        toBytes(bytes, 0);
        return new BigInteger(1, bytes);
    }

    /** The canonical integer's limbs: a Montgomery product with 1 divides by R. */
    private long[] canonicalLimbs() {
        Fp v = montgomery(l0, l1, l2, l3, 1, 0, 0, 0);
        return new long[] {v.l0, v.l1, v.l2, v.l3};
    }

    /** this·k·R^-1 for a k given by its limbs as they are. */
    private Fp montgomeryTimes(Fp k) {
        return montgomery(l0, l1, l2, l3, k.l0, k.l1, k.l2, k.l3);
    }

    @Override
    public Fp add(Fp o) {
        // p < 2^254, so a sum of two reduced values never carries out of four limbs.
        long s0 = l0 + o.l0;
        long c = carryOut(l0, o.l0, s0);
        long s1 = l1 + o.l1 + c;
        c = carryOut(l1, o.l1, s1);
        long s2 = l2 + o.l2 + c;
        c = carryOut(l2, o.l2, s2);
        long s3 = l3 + o.l3 + c;
        return minusModulusIfAtLeast(s0, s1, s2, s3);
    }

    @Override
    public Fp subtract(Fp o) {
        long d0 = l0 - o.l0;
        long b = borrowOut(l0, o.l0, d0);
        long d1 = l1 - o.l1 - b;
        b = borrowOut(l1, o.l1, d1);
        long d2 = l2 - o.l2 - b;
        b = borrowOut(l2, o.l2, d2);
        long d3 = l3 - o.l3 - b;
        b = borrowOut(l3, o.l3, d3);
        // On a borrow the difference wrapped around 2^256; adding p (masked in when b = 1) brings it into [0, p).
        long mask = -b;
        long e0 = d0 + (P0 & mask);
        long c = carryOut(d0, P0 & mask, e0);
        long e1 = d1 + (P1 & mask) + c;
        c = carryOut(d1, P1 & mask, e1);
        long e2 = d2 + (P2 & mask) + c;
        c = carryOut(d2, P2 & mask, e2);
        long e3 = d3 + (P3 & mask) + c;
        return new Fp(e0, e1, e2, e3);
    }

    @Override
    public Fp negate() {
        if (isZero()) return this;
        return MODULUS.subtract(this);
    }

    @Override
    public Fp multiply(Fp o) {
        return montgomery(l0, l1, l2, l3, o.l0, o.l1, o.l2, o.l3);
    }

    @Override
    public Fp square() {
        return montgomery(l0, l1, l2, l3, l0, l1, l2, l3);
    }

    Fp twice() {
        return add(this);
    }

    /**
     * this/2: the Montgomery representative itself halved when even, else (representative + p)/2; p is odd and both
     * are below 2^254, so the sum fits in four limbs.
     */
    Fp halve() {
        long mask = -(l0 & 1);
        long s0 = l0 + (P0 & mask);
        long c = carryOut(l0, P0 & mask, s0);
        long s1 = l1 + (P1 & mask) + c;
        c = carryOut(l1, P1 & mask, s1);
        long s2 = l2 + (P2 & mask) + c;
        c = carryOut(l2, P2 & mask, s2);
        long s3 = l3 + (P3 & mask) + c;
        return new Fp((s0 >>> 1) | (s1 << 63), (s1 >>> 1) | (s2 << 63), (s2 >>> 1) | (s3 << 63), s3 >>> 1);
    }

    @Override
    public Fp inverse() {
        if (isZero()) return ZERO;
        // Montgomery form a·R inverts to a^-1·R^-1; a Montgomery product with R³ gives a^-1·R.
        return plain(raw().modInverse(P)).montgomeryTimes(R3);
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
        return (canonicalLimbs()[0] & 1) != 0;
    }

    @Override
    public boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp other && l0 == other.l0 && l1 == other.l1 && l2 == other.l2 && l3 == other.l3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(l0) * 31 * 31 * 31 + Long.hashCode(l1) * 31 * 31 + Long.hashCode(l2) * 31 + Long.hashCode(l3);
    }

    @Override
    public String toString() {
        return "0x" + toBigInteger().toString(16);
    }

    /** The Montgomery-form integer itself (for inversion). */
    private BigInteger raw() {
        byte[] bytes = new byte[32];
        long[] l = {l0, l1, l2, l3};
        for (int i = 0; i < 4; i++) {
            for (int b = 0; b < 8; b++) bytes[31 - 8 * i - b] = (byte) (l[i] >>> (8 * b));
        }
        return new BigInteger(1, bytes);
    }

    /** Whether the limbs, read as a plain integer, are below p. */
    private boolean belowModulus() {
        long b = borrowOut(l0, P0, l0 - P0);
        b = borrowOut(l1, P1, l1 - P1 - b);
        b = borrowOut(l2, P2, l2 - P2 - b);
        b = borrowOut(l3, P3, l3 - P3 - b);
        return b != 0;
    }

    /**
     * a·b·2^-256 mod p by CIOS with the multiplication and the reduction in one pass per limb of b, unrolled,
     * the accumulator in locals. p's top limb is below 2^62, so the accumulator never needs a limb beyond the
     * four of p (the "no-carry" variant of Montgomery multiplication used by gnark): for each b_i, t + a·b_i
     * and the multiple m·p that zeroes its low limb are added limb by limb with their own carries A and C, and
     * t shifts down one limb as it goes. With a, b < p the result is below 2p; one conditional subtraction
     * finishes it. Unrolled on purpose: the same code as a loop over b's limbs measured slower on the
     * two-pair pairing (3.54–3.66 vs 3.07–3.43 ms of CPU; 1 Dec, quiet machine), as it did for BLS12-381.
     */
    private static Fp montgomery(long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        long bi, lo, hi, s, m, carryA, carryC;
        // limb 0 of b
        bi = b0;
        lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
        s = lo + t0; carryA = hi + carry(lo, t0, s);
        t0 = s;
        m = t0 * P_INV;
        lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0);
        s = lo + t0; carryC = hi + carry(lo, t0, s);
        lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t1 = lo; carryA = hi;
        lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t0 = lo; carryC = hi;
        lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t2 = lo; carryA = hi;
        lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t1 = lo; carryC = hi;
        lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t3 = lo; carryA = hi;
        lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // limb 1 of b
        bi = b1;
        lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
        s = lo + t0; carryA = hi + carry(lo, t0, s);
        t0 = s;
        m = t0 * P_INV;
        lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0);
        s = lo + t0; carryC = hi + carry(lo, t0, s);
        lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t1 = lo; carryA = hi;
        lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t0 = lo; carryC = hi;
        lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t2 = lo; carryA = hi;
        lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t1 = lo; carryC = hi;
        lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t3 = lo; carryA = hi;
        lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // limb 2 of b
        bi = b2;
        lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
        s = lo + t0; carryA = hi + carry(lo, t0, s);
        t0 = s;
        m = t0 * P_INV;
        lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0);
        s = lo + t0; carryC = hi + carry(lo, t0, s);
        lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t1 = lo; carryA = hi;
        lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t0 = lo; carryC = hi;
        lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t2 = lo; carryA = hi;
        lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t1 = lo; carryC = hi;
        lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t3 = lo; carryA = hi;
        lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        // limb 3 of b
        bi = b3;
        lo = a0 * bi; hi = Math.unsignedMultiplyHigh(a0, bi);
        s = lo + t0; carryA = hi + carry(lo, t0, s);
        t0 = s;
        m = t0 * P_INV;
        lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0);
        s = lo + t0; carryC = hi + carry(lo, t0, s);
        lo = a1 * bi; hi = Math.unsignedMultiplyHigh(a1, bi);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t1 = lo; carryA = hi;
        lo = m * P1; hi = Math.unsignedMultiplyHigh(m, P1);
        s = lo + t1; hi += carry(lo, t1, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t0 = lo; carryC = hi;
        lo = a2 * bi; hi = Math.unsignedMultiplyHigh(a2, bi);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t2 = lo; carryA = hi;
        lo = m * P2; hi = Math.unsignedMultiplyHigh(m, P2);
        s = lo + t2; hi += carry(lo, t2, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t1 = lo; carryC = hi;
        lo = a3 * bi; hi = Math.unsignedMultiplyHigh(a3, bi);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryA; hi += carry(s, carryA, lo);
        t3 = lo; carryA = hi;
        lo = m * P3; hi = Math.unsignedMultiplyHigh(m, P3);
        s = lo + t3; hi += carry(lo, t3, s);
        lo = s + carryC; hi += carry(s, carryC, lo);
        t2 = lo; carryC = hi;
        t3 = carryC + carryA;
        return minusModulusIfAtLeast(t0, t1, t2, t3);
    }

    /** t or t - p, whichever is below p, for t < 2p. */
    private static Fp minusModulusIfAtLeast(long t0, long t1, long t2, long t3) {
        long d0 = t0 - P0;
        long b = borrowOut(t0, P0, d0);
        long d1 = t1 - P1 - b;
        b = borrowOut(t1, P1, d1);
        long d2 = t2 - P2 - b;
        b = borrowOut(t2, P2, d2);
        long d3 = t3 - P3 - b;
        b = borrowOut(t3, P3, d3);
        return b != 0 ? new Fp(t0, t1, t2, t3) : new Fp(d0, d1, d2, d3);
    }

    /** The carry out of s = x + y (unsigned): s wrapped around exactly when it is below x. */
    private static long carry(long x, long y, long s) {
        return Long.compareUnsigned(s, x) < 0 ? 1 : 0;
    }

    /**
     * The carry out of s = x + y + c for a carry-in c of 0 or 1, branch-free: the top bit of the majority of x, y
     * and not-s (Hacker's Delight 2-16).
     */
    private static long carryOut(long x, long y, long s) {
        return ((x & y) | ((x | y) & ~s)) >>> 63;
    }

    /** The borrow out of d = x - y - b for a borrow-in b of 0 or 1, branch-free (Hacker's Delight 2-16). */
    private static long borrowOut(long x, long y, long d) {
        return ((~x & y) | (~(x ^ y) & d)) >>> 63;
    }
}
