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
