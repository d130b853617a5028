package org.parkchain.primitives;

import java.math.BigInteger;

/**
 * An unsigned 256-bit integer in four 64-bit limbs ({@code u0} least significant). Immutable; arithmetic wraps
 * modulo 2^256 as the EVM's does. BigInteger appears only at the edges (parsing, printing), never in arithmetic.
 */
public final class UInt256 implements Comparable<UInt256> {
    public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
    public static final UInt256 ONE = new UInt256(1, 0, 0, 0);
    public static final UInt256 MAX = new UInt256(-1L, -1L, -1L, -1L);
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    public final long u0;
    public final long u1;
    public final long u2;
    public final long u3;

    public UInt256(long u0, long u1, long u2, long u3) {
        this.u0 = u0;
        this.u1 = u1;
        this.u2 = u2;
        this.u3 = u3;
    }

    /** The value of {@code v} read as unsigned 64 bits. */
    public static UInt256 of(long v) {
        return v == 0 ? ZERO : new UInt256(v, 0, 0, 0);
    }

    /** @throws IllegalArgumentException when {@code v} is negative or wider than 256 bits */
    public static UInt256 of(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not an unsigned 256-bit value: " + v);
        }
        return new UInt256(v.longValue(), v.shiftRight(64).longValue(), v.shiftRight(128).longValue(), v.shiftRight(192).longValue());
    }

    /** Big-endian bytes, at most 32 of them (fewer are left-padded with zeros). */
    public static UInt256 fromBytes(byte[] b) {
        return fromBytes(b, 0, b.length);
    }

    public static UInt256 fromBytes(byte[] b, int offset, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("more than 32 bytes for a 256-bit value: " + length);
        }
        long[] limbs = new long[4];
        for (int i = 0; i < length; i++) {
            int bitPos = 8 * (length - 1 - i);
            limbs[bitPos >>> 6] |= (b[offset + i] & 0xffL) << (bitPos & 63);
        }
        return new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
    }

    /** Parses {@code 0x}-hex (any number of digits up to 64, odd allowed) or decimal. */
    public static UInt256 parse(String s) {
        try {
            return Hex.hasPrefix(s) ? of(new BigInteger(s.substring(2).isEmpty() ? "0" : s.substring(2), 16)) : of(new BigInteger(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'");
        }
    }

    public boolean isZero() {
        return (u0 | u1 | u2 | u3) == 0;
    }

    /** Whether the value fits in a signed long (is below 2^63). */
    public boolean fitsLong() {
        return (u1 | u2 | u3) == 0 && u0 >= 0;
    }

    /** The value as a long; callers check {@link #fitsLong()} first. */
    public long toLong() {
        if (!fitsLong()) {
            throw new ArithmeticException("value does not fit in a long: " + this);
        }
        return u0;
    }

    /** Number of significant bits (0 for zero). */
    public int bitLength() {
        if (u3 != 0) return 256 - Long.numberOfLeadingZeros(u3);
        if (u2 != 0) return 192 - Long.numberOfLeadingZeros(u2);
        if (u1 != 0) return 128 - Long.numberOfLeadingZeros(u1);
        return 64 - Long.numberOfLeadingZeros(u0);
    }

    public UInt256 add(UInt256 o) {
        long r0 = u0 + o.u0;
        long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
        long t1 = u1 + o.u1;
        long c1 = Long.compareUnsigned(t1, u1) < 0 ? 1 : 0;
        long r1 = t1 + c;
        c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
        long t2 = u2 + o.u2;
        long c2 = Long.compareUnsigned(t2, u2) < 0 ? 1 : 0;
        long r2 = t2 + c1;
        c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
        long r3 = u3 + o.u3 + c2;
        return new UInt256(r0, r1, r2, r3);
    }

    public UInt256 sub(UInt256 o) {
        long r0 = u0 - o.u0;
        long b = Long.compareUnsigned(u0, o.u0) < 0 ? 1 : 0;
        long t1 = u1 - o.u1;
        long b1 = Long.compareUnsigned(u1, o.u1) < 0 ? 1 : 0;
        long r1 = t1 - b;
        b1 |= Long.compareUnsigned(t1, b) < 0 ? 1 : 0;
        long t2 = u2 - o.u2;
        long b2 = Long.compareUnsigned(u2, o.u2) < 0 ? 1 : 0;
        long r2 = t2 - b1;
        b2 |= Long.compareUnsigned(t2, b1) < 0 ? 1 : 0;
        long r3 = u3 - o.u3 - b2;
        return new UInt256(r0, r1, r2, r3);
    }

    // --- multiplication, division --------------------------------------------------------------------------

    /**
     * The product modulo 2^256: schoolbook on 64-bit limbs, keeping only the four low limbs. Each step adds
     * x*y + r + carry, which is at most (2^64-1)^2 + 2(2^64-1) = 2^128 - 1, so (hi, lo) never overflows.
     */
    public UInt256 mul(UInt256 o) {
        long[] r = new long[4];
        mulInto(r, 0, u0, u1, u2, u3, o.u0, o.u1, o.u2, o.u3);
        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    /**
     * The same product on bare limbs (least significant first), written to {@code out[at..at+3]}: the EVM's
     * interpreter multiplies words in place on its limb stack with it. The operands are read before anything is
     * written, so {@code out} may hold them.
     */
    public static void mulInto(long[] out, int at, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
        // row a0
        long r0 = a0 * b0;
        long carry = Math.unsignedMultiplyHigh(a0, b0);
        long lo = a0 * b1;
        long r1 = lo + carry;
        carry = Math.unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(r1, lo) < 0 ? 1 : 0);
        lo = a0 * b2;
        long r2 = lo + carry;
        carry = Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(r2, lo) < 0 ? 1 : 0);
        long r3 = a0 * b3 + carry;
        // row a1
        lo = a1 * b0;
        long s = r1 + lo;
        long hi = Math.unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        r1 = s;
        lo = a1 * b1;
        s = r2 + lo;
        long hi2 = Math.unsignedMultiplyHigh(a1, b1) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        long s2 = s + hi;
        hi2 += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        r2 = s2;
        r3 += a1 * b2 + hi2;
        // row a2
        lo = a2 * b0;
        s = r2 + lo;
        hi = Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
        r2 = s;
        r3 += a2 * b1 + hi;
        // row a3
        r3 += a3 * b0;
        out[at] = r0;
        out[at + 1] = r1;
        out[at + 2] = r2;
        out[at + 3] = r3;
    }

    /** Unsigned division; zero when the divisor is zero (the EVM's rule). */
    public UInt256 div(UInt256 o) {
        if (o.isZero() || compareTo(o) < 0) return ZERO;
        if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) return of(Long.divideUnsigned(u0, o.u0));
        if ((o.u1 | o.u2 | o.u3 | (o.u0 >>> 32)) == 0) return divideBySmall(o.u0, true);
        int[] q = new int[8];
        LongDivision.divide(digits(this, 8), 8, digits(o, 8), q, null);
        return fromDigits(q);
    }

    /** Unsigned remainder; zero when the divisor is zero. */
    public UInt256 mod(UInt256 o) {
        if (o.isZero()) return ZERO;
        if (compareTo(o) < 0) return this;
        if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) return of(Long.remainderUnsigned(u0, o.u0));
        if ((o.u1 | o.u2 | o.u3 | (o.u0 >>> 32)) == 0) return divideBySmall(o.u0, false);
        int[] r = new int[8];
        LongDivision.divide(digits(this, 8), 8, digits(o, 8), new int[8], r);
        return fromDigits(r);
    }

    /**
     * Short division by a divisor below 2^32, 32 bits at a time from the top: the running remainder stays below
     * the divisor, so each partial dividend (remainder · 2^32 + next half-limb) fits in 64 bits.
     */
    private UInt256 divideBySmall(long d, boolean quotient) {
        long[] limbs = {u3, u2, u1, u0};
        long[] q = new long[4];
        long r = 0;
        for (int i = 0; i < 4; i++) {
            long high = (r << 32) | (limbs[i] >>> 32);
            long qh = Long.divideUnsigned(high, d);
            r = high - qh * d;
            long low = (r << 32) | (limbs[i] & 0xffffffffL);
            long ql = Long.divideUnsigned(low, d);
            r = low - ql * d;
            q[i] = (qh << 32) | ql;
        }
        return quotient ? new UInt256(q[3], q[2], q[1], q[0]) : of(r);
    }

    /** Two's-complement division, truncating toward zero; -2^255 / -1 wraps to -2^255. */
    public UInt256 sdiv(UInt256 o) {
        if (o.isZero()) return ZERO;
        boolean negA = isNegative(), negB = o.isNegative();
        UInt256 q = (negA ? negate() : this).div(negB ? o.negate() : o);
        return negA != negB ? q.negate() : q;
    }

    /** Two's-complement remainder; the result takes the sign of the dividend. */
    public UInt256 smod(UInt256 o) {
        if (o.isZero()) return ZERO;
        boolean negA = isNegative();
        UInt256 r = (negA ? negate() : this).mod(o.isNegative() ? o.negate() : o);
        return negA ? r.negate() : r;
    }

    /** (this + o) mod m over the full 257-bit sum; zero when m is zero. */
    public UInt256 addmod(UInt256 o, UInt256 m) {
        if (m.isZero()) return ZERO;
        UInt256 sum = add(o);
        boolean carry = Long.compareUnsigned(sum.u3, u3) < 0 || (sum.u3 == u3 && sum.compareTo(this) < 0);
        if (!carry) return sum.mod(m);
        int[] u = new int[9];
        putDigits(sum, u, 0);
        u[8] = 1;
        int[] r = new int[8];
        LongDivision.divide(u, 9, digits(m, 8), new int[9], r);
        return fromDigits(r);
    }

    /** (this * o) mod m over the full 512-bit product; zero when m is zero. */
    public UInt256 mulmod(UInt256 o, UInt256 m) {
        if (m.isZero() || isZero() || o.isZero()) return ZERO;
        long[] p = mulFull(this, o);
        int[] u = new int[16];
        for (int i = 0; i < 8; i++) {
            u[2 * i] = (int) p[i];
            u[2 * i + 1] = (int) (p[i] >>> 32);
        }
        int[] r = new int[8];
        LongDivision.divide(u, 16, digits(m, 8), new int[16], r);
        return fromDigits(r);
    }

    /** this^e modulo 2^256 by square-and-multiply. */
    public UInt256 exp(UInt256 e) {
        UInt256 result = ONE, base = this;
        int bits = e.bitLength();
        for (int i = 0; i < bits; i++) {
            if (e.testBit(i)) result = result.mul(base);
            if (i + 1 < bits) base = base.mul(base);
        }
        return result;
    }

    /** The full 512-bit product as eight 64-bit limbs, least significant first. */
    static long[] mulFull(UInt256 a, UInt256 b) {
        long[] x = {a.u0, a.u1, a.u2, a.u3};
        long[] y = {b.u0, b.u1, b.u2, b.u3};
        long[] r = new long[8];
        for (int i = 0; i < 4; i++) {
            long carry = 0;
            for (int j = 0; j < 4; j++) {
                long lo = x[i] * y[j];
                long hi = Math.unsignedMultiplyHigh(x[i], y[j]);
                long s = r[i + j] + lo;
                hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long s2 = s + carry;
                hi += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
                r[i + j] = s2;
                carry = hi;
            }
            r[i + 4] = carry;
        }
        return r;
    }

    private static int[] digits(UInt256 v, int n) {
        int[] d = new int[n];
        putDigits(v, d, 0);
        return d;
    }

    private static void putDigits(UInt256 v, int[] d, int at) {
        d[at] = (int) v.u0;
        d[at + 1] = (int) (v.u0 >>> 32);
        d[at + 2] = (int) v.u1;
        d[at + 3] = (int) (v.u1 >>> 32);
        d[at + 4] = (int) v.u2;
        d[at + 5] = (int) (v.u2 >>> 32);
        d[at + 6] = (int) v.u3;
        d[at + 7] = (int) (v.u3 >>> 32);
    }

    private static UInt256 fromDigits(int[] d) {
        return new UInt256(
                (d[0] & 0xffffffffL) | ((long) d[1] << 32),
                (d[2] & 0xffffffffL) | ((long) d[3] << 32),
                (d[4] & 0xffffffffL) | ((long) d[5] << 32),
                (d[6] & 0xffffffffL) | ((long) d[7] << 32));
    }

    // --- sign, bits ---------------------------------------------------------------------------------------

    /** Whether the top bit is set, i.e. the value is negative as a two's-complement number. */
    public boolean isNegative() {
        return u3 < 0;
    }

    /** Two's-complement negation modulo 2^256. */
    public UInt256 negate() {
        return not().add(ONE);
    }

    public boolean testBit(int n) {
        long limb = n < 64 ? u0 : n < 128 ? u1 : n < 192 ? u2 : u3;
        return (limb >>> (n & 63) & 1) != 0;
    }

    /**
     * SIGNEXTEND: {@code b} counts bytes from the least significant; the sign bit is bit {@code 8b+7}. Every bit
     * above it becomes a copy of it: with the sign bit s, the mask of bits at or below it is {@code 2^(8b+8) - 1};
     * the result is {@code x | ~mask} when s is 1 and {@code x & mask} when it is 0. From b = 31 on, the sign bit is
     * bit 255 or beyond and the value is unchanged.
     */
    public UInt256 signExtend(UInt256 b) {
        if (!b.fitsLong() || b.u0 >= 31) return this;
        int bit = (int) b.u0 * 8 + 7;
        long[] l = {u0, u1, u2, u3};
        int limb = bit >>> 6;
        long lowMask = (bit & 63) == 63 ? -1L : (1L << ((bit & 63) + 1)) - 1;
        boolean negative = testBit(bit);
        if (negative) {
            l[limb] |= ~lowMask;
            for (int i = limb + 1; i < 4; i++) l[i] = -1L;
        } else {
            l[limb] &= lowMask;
            for (int i = limb + 1; i < 4; i++) l[i] = 0;
        }
        return new UInt256(l[0], l[1], l[2], l[3]);
    }

    /** BYTE: byte {@code i} counted from the most significant (0) end; zero for i >= 32. */
    public UInt256 byteAt(UInt256 i) {
        if (!i.fitsLong() || i.u0 >= 32) return ZERO;
        int fromLow = 31 - (int) i.u0;
        long limb = fromLow < 8 ? u0 : fromLow < 16 ? u1 : fromLow < 24 ? u2 : u3;
        return of((limb >>> ((fromLow & 7) * 8)) & 0xff);
    }

    /** Shift left by whole limbs, then by the remaining bits, pulling each limb's overflow into the next. */
    public UInt256 shl(int n) {
        if (n <= 0) return this;
        long[] w = {u0, u1, u2, u3};
        shiftLeftInto(w, 0, n);
        return new UInt256(w[0], w[1], w[2], w[3]);
    }

    public UInt256 shr(int n) {
        return shiftedRight(n, false);
    }

    /** Arithmetic shift right: the vacated high bits copy the sign bit. */
    public UInt256 sar(int n) {
        return shiftedRight(n, true);
    }

    private UInt256 shiftedRight(int n, boolean arithmetic) {
        if (n <= 0) return this;
        long[] w = {u0, u1, u2, u3};
        shiftRightInto(w, 0, n, arithmetic);
        return new UInt256(w[0], w[1], w[2], w[3]);
    }

    /**
     * SHL on bare limbs (least significant first) at {@code w[at..at+3]}, in place: by whole limbs, then by the
     * remaining bits, pulling each limb's overflow into the next; n ≥ 0, and 256 or more gives zero. The interpreter shifts
     * words on its limb stack with it.
     */
    public static void shiftLeftInto(long[] w, int at, int n) {
        long x0 = w[at], x1 = w[at + 1], x2 = w[at + 2], x3 = w[at + 3];
        long r0, r1, r2, r3;
        if (n >= 256) {
            r0 = 0; r1 = 0; r2 = 0; r3 = 0;
        } else {
            switch (n >>> 6) {
                case 0 -> { r0 = x0; r1 = x1; r2 = x2; r3 = x3; }
                case 1 -> { r0 = 0; r1 = x0; r2 = x1; r3 = x2; }
                case 2 -> { r0 = 0; r1 = 0; r2 = x0; r3 = x1; }
                default -> { r0 = 0; r1 = 0; r2 = 0; r3 = x0; }
            }
            int bits = n & 63;
            if (bits != 0) {
                int back = 64 - bits;
                r3 = (r3 << bits) | (r2 >>> back);
                r2 = (r2 << bits) | (r1 >>> back);
                r1 = (r1 << bits) | (r0 >>> back);
                r0 <<= bits;
            }
        }
        w[at] = r0; w[at + 1] = r1; w[at + 2] = r2; w[at + 3] = r3;
    }

    /**
     * SHR, or SAR when {@code arithmetic} (the vacated bits copy the sign bit), on bare limbs at {@code w[at..at+3]},
     * in place; n ≥ 0, and 256 or more leaves only the fill.
     */
    public static void shiftRightInto(long[] w, int at, int n, boolean arithmetic) {
        long fill = arithmetic && w[at + 3] < 0 ? -1L : 0;
        long r0, r1, r2, r3;
        if (n >= 256) {
            r0 = fill; r1 = fill; r2 = fill; r3 = fill;
        } else {
            long x0 = w[at], x1 = w[at + 1], x2 = w[at + 2], x3 = w[at + 3];
            switch (n >>> 6) {
                case 0 -> { r0 = x0; r1 = x1; r2 = x2; r3 = x3; }
                case 1 -> { r0 = x1; r1 = x2; r2 = x3; r3 = fill; }
                case 2 -> { r0 = x2; r1 = x3; r2 = fill; r3 = fill; }
                default -> { r0 = x3; r1 = fill; r2 = fill; r3 = fill; }
            }
            int bits = n & 63;
            if (bits != 0) {
                int back = 64 - bits;
                r0 = (r0 >>> bits) | (r1 << back);
                r1 = (r1 >>> bits) | (r2 << back);
                r2 = (r2 >>> bits) | (r3 << back);
                r3 = (r3 >>> bits) | (fill << back);
            }
        }
        w[at] = r0; w[at + 1] = r1; w[at + 2] = r2; w[at + 3] = r3;
    }

    /** The EVM's SHL: the shift amount is the full word, so any amount of 256 or more gives zero. */
    public UInt256 shl(UInt256 n) {
        return n.fitsLong() && n.u0 < 256 ? shl((int) n.u0) : ZERO;
    }

    public UInt256 shr(UInt256 n) {
        return n.fitsLong() && n.u0 < 256 ? shr((int) n.u0) : ZERO;
    }

    public UInt256 sar(UInt256 n) {
        return sar(n.fitsLong() && n.u0 < 256 ? (int) n.u0 : 256);
    }

    public UInt256 and(UInt256 o) {
        return new UInt256(u0 & o.u0, u1 & o.u1, u2 & o.u2, u3 & o.u3);
    }

    public UInt256 or(UInt256 o) {
        return new UInt256(u0 | o.u0, u1 | o.u1, u2 | o.u2, u3 | o.u3);
    }

    public UInt256 xor(UInt256 o) {
        return new UInt256(u0 ^ o.u0, u1 ^ o.u1, u2 ^ o.u2, u3 ^ o.u3);
    }

    public UInt256 not() {
        return new UInt256(~u0, ~u1, ~u2, ~u3);
    }

    // --- comparisons --------------------------------------------------------------------------------------

    public boolean lt(UInt256 o) {
        return compareTo(o) < 0;
    }

    public boolean gt(UInt256 o) {
        return compareTo(o) > 0;
    }

    /** Signed (two's-complement) less-than. */
    public boolean slt(UInt256 o) {
        if (isNegative() != o.isNegative()) return isNegative();
        return compareTo(o) < 0;
    }

    public boolean sgt(UInt256 o) {
        return o.slt(this);
    }

    public boolean eq(UInt256 o) {
        return equals(o);
    }

    /** 32 big-endian bytes. */
    public byte[] toBytes32() {
        byte[] out = new byte[32];
        putLong(out, 0, u3);
        putLong(out, 8, u2);
        putLong(out, 16, u1);
        putLong(out, 24, u0);
        return out;
    }

    /** Big-endian bytes without leading zeros (empty for zero), as RLP encodes scalars. */
    public byte[] toMinimalBytes() {
        int len = (bitLength() + 7) / 8;
        byte[] full = toBytes32();
        byte[] out = new byte[len];
        System.arraycopy(full, 32 - len, out, 0, len);
        return out;
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytes32());
    }

    /** Two's-complement interpretation, for tests and printing. */
    public BigInteger toSignedBigInteger() {
        BigInteger v = toBigInteger();
        return u3 < 0 ? v.subtract(TWO_256) : v;
    }

    private static void putLong(byte[] out, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            out[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    @Override
    public int compareTo(UInt256 o) {
        if (u3 != o.u3) return Long.compareUnsigned(u3, o.u3);
        if (u2 != o.u2) return Long.compareUnsigned(u2, o.u2);
        if (u1 != o.u1) return Long.compareUnsigned(u1, o.u1);
        return Long.compareUnsigned(u0, o.u0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UInt256 v && u0 == v.u0 && u1 == v.u1 && u2 == v.u2 && u3 == v.u3;
    }

    @Override
    public int hashCode() {
        long h = u0 * 31 + u1;
        h = h * 31 + u2;
        h = h * 31 + u3;
        return Long.hashCode(h);
    }

    /** {@code 0x}-prefixed hex without leading zeros ({@code 0x0} for zero), as JSON-RPC quantities print. */
    public String toHexQuantity() {
        return "0x" + toBigInteger().toString(16);
    }

    @Override
    public String toString() {
        return toBigInteger().toString();
    }
}
