package org.parkchain.evm.precompile;

import static org.parkchain.evm.precompile.Bn254.P;
import static org.parkchain.evm.precompile.Bn254.R;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The reference for package {@code bn254}'s pairing, kept in the tests. EIP-197's pairing check on BN254: for
 * pairs (P_i in G1, Q_i in G2) whether the product of the optimal ate pairings e(P_i, Q_i) is 1.
 *
 * <p>The tower is kept deliberately simple, favouring obvious correctness over speed: F_p12 is F_p[w]/(w^12 -
 * 18 w^6 + 82), in which w^6 plays ξ = 9 + i and i = w^6 - 9 (so (w^6 - 9)^2 = -1). G2 points live on the twist
 * E': y^2 = x^3 + 3/ξ over F_p2 and are untwisted as (x·w^2, y·w^3) only where a line is evaluated. Point
 * arithmetic stays in F_p2 (cheap inverses); the Miller loop multiplies line values into an F_p12 accumulator and
 * one final exponentiation by (p^12 - 1)/r follows the product of all loops.
 */
final class Bn254Pairing {
    /** 6u + 2 for the BN parameter u; the loop runs over its bits below the top one. */
    private static final BigInteger ATE_LOOP_COUNT = new BigInteger("29793968203157093288");
    private static final BigInteger FINAL_EXPONENT = P.pow(12).subtract(BigInteger.ONE).divide(R);
    private static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);
    /** The twist's constant b' = 3/ξ. */
    private static final Fp2 TWIST_B = new Fp2(BigInteger.valueOf(3), BigInteger.ZERO).mul(XI.inverse());
    /** Frobenius on twisted coordinates: (x·w^2)^p = conj(x)·ξ^((p-1)/3)·w^2, (y·w^3)^p = conj(y)·ξ^((p-1)/2)·w^3. */
    private static final Fp2 FROBENIUS_X = XI.pow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fp2 FROBENIUS_Y = XI.pow(P.subtract(BigInteger.ONE).divide(BigInteger.TWO));

    private Bn254Pairing() {}

    static Optional<byte[]> check(byte[] in) {
        Fp12 product = Fp12.ONE;
        for (int offset = 0; offset < in.length; offset += 192) {
            Optional<Bn254.G1> p = Bn254.decodeG1(in, offset);
            Optional<G2> q = decodeG2(in, offset + 64);
            if (p.isEmpty() || q.isEmpty()) return Optional.empty();
            if (p.get().infinity() || q.get().infinity) continue;
            product = product.mul(millerLoop(q.get(), p.get()));
        }
        boolean one = finalExponentiation(product).equals(Fp12.ONE);
        byte[] out = new byte[32];
        out[31] = (byte) (one ? 1 : 0);
        return Optional.of(out);
    }

    /** w^(i·p) for i < 12: the Frobenius map f -> f^p is linear over F_p in the basis of powers of w. */
    private static final Fp12[] FROBENIUS_BASIS = frobeniusBasis();
    /** The final exponent (p^12 - 1)/r written in base p: twelve digits below p. */
    private static final BigInteger[] FINAL_EXPONENT_DIGITS = digitsBaseP(FINAL_EXPONENT);

    private static Fp12[] frobeniusBasis() {
        BigInteger[] c = new BigInteger[12];
        Arrays.fill(c, BigInteger.ZERO);
        c[1] = BigInteger.ONE;
        Fp12 wp = new Fp12(c).pow(P);
        Fp12[] basis = new Fp12[12];
        basis[0] = Fp12.ONE;
        for (int i = 1; i < 12; i++) basis[i] = basis[i - 1].mul(wp);
        return basis;
    }

    private static BigInteger[] digitsBaseP(BigInteger e) {
        BigInteger[] d = new BigInteger[12];
        for (int i = 0; i < 12; i++) {
            BigInteger[] qr = e.divideAndRemainder(P);
            d[i] = qr[1];
            e = qr[0];
        }
        if (e.signum() != 0) throw new IllegalStateException("the final exponent has more than 12 base-p digits");
        return d;
    }

    /** f^p, as Σ c_i·w^(ip) (the coefficients are in F_p, which the Frobenius map fixes). */
    static Fp12 frobenius(Fp12 f) {
        BigInteger[] r = new BigInteger[12];
        Arrays.fill(r, BigInteger.ZERO);
        for (int i = 0; i < 12; i++) {
            BigInteger ci = f.c()[i];
            if (ci.signum() == 0) continue;
            BigInteger[] b = FROBENIUS_BASIS[i].c();
            for (int k = 0; k < 12; k++) r[k] = r[k].add(ci.multiply(b[k]));
        }
        for (int k = 0; k < 12; k++) r[k] = r[k].mod(P);
        return new Fp12(r);
    }

    /**
     * f^((p^12 - 1)/r) as Π f^(p^i · d_i) over the exponent's base-p digits d_i: the powers f^(p^i) are cheap
     * Frobenius images, and one simultaneous square-and-multiply over the twelve ~254-bit digits (in three groups
     * of four with 16-entry product tables) replaces a 2,800-bit exponentiation. {@link Fp12#pow} stays as the
     * obviously correct reference that the tests compare against.
     */
    static Fp12 finalExponentiation(Fp12 f) {
        Fp12[] bases = new Fp12[12];
        bases[0] = f;
        for (int i = 1; i < 12; i++) bases[i] = frobenius(bases[i - 1]);
        Fp12[][] tables = new Fp12[3][16];
        for (int g = 0; g < 3; g++) {
            tables[g][0] = Fp12.ONE;
            for (int mask = 1; mask < 16; mask++) {
                int low = Integer.numberOfTrailingZeros(mask);
                tables[g][mask] = tables[g][mask & (mask - 1)].mul(bases[4 * g + low]);
            }
        }
        int bits = 0;
        for (BigInteger d : FINAL_EXPONENT_DIGITS) bits = Math.max(bits, d.bitLength());
        Fp12 result = Fp12.ONE;
        for (int bit = bits - 1; bit >= 0; bit--) {
            result = result.mul(result);
            for (int g = 0; g < 3; g++) {
                int mask = 0;
                for (int j = 0; j < 4; j++) {
                    if (FINAL_EXPONENT_DIGITS[4 * g + j].testBit(bit)) mask |= 1 << j;
                }
                if (mask != 0) result = result.mul(tables[g][mask]);
            }
        }
        return result;
    }

    /** F_p2 elements are encoded imaginary part first (EIP-197); the point must be on E' and of order r. */
    static Optional<G2> decodeG2(byte[] in, int offset) {
        BigInteger[] c = new BigInteger[4];
        for (int i = 0; i < 4; i++) {
            c[i] = new BigInteger(1, Arrays.copyOfRange(in, offset + 32 * i, offset + 32 * i + 32));
            if (c[i].compareTo(P) >= 0) return Optional.empty();
        }
        Fp2 x = new Fp2(c[1], c[0]), y = new Fp2(c[3], c[2]);
        if (x.isZero() && y.isZero()) return Optional.of(G2.INFINITY);
        G2 q = new G2(x, y, false);
        if (!y.square().equals(x.square().mul(x).add(TWIST_B))) return Optional.empty();
        if (!q.mul(R).infinity) return Optional.empty();
        return Optional.of(q);
    }

    static Fp12 millerLoop(G2 q, Bn254.G1 p) {
        BigInteger xp = p.x(), yp = p.y();
        G2 r = q;
        Fp12 f = Fp12.ONE;
        for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
            f = f.mul(f).mul(line(r, r, xp, yp));
            r = r.add(r);
            if (ATE_LOOP_COUNT.testBit(i)) {
                f = f.mul(line(r, q, xp, yp));
                r = r.add(q);
            }
        }
        G2 q1 = new G2(q.x.conjugate().mul(FROBENIUS_X), q.y.conjugate().mul(FROBENIUS_Y), false);
        G2 minusQ2 = new G2(q1.x.conjugate().mul(FROBENIUS_X), q1.y.conjugate().mul(FROBENIUS_Y).negate(), false);
        f = f.mul(line(r, q1, xp, yp));
        r = r.add(q1);
        return f.mul(line(r, minusQ2, xp, yp));
    }

    /**
     * The line through the untwisted a and b (the tangent when equal) evaluated at (xp, yp). On the twist the
     * slope is m = Δy/Δx in F_p2; untwisted it is m·w (w^3/w^2), so the line is m·w·(xp - xa·w^2) - (yp - ya·w^3).
     */
    private static Fp12 line(G2 a, G2 b, BigInteger xp, BigInteger yp) {
        Fp2 m;
        if (!a.x.equals(b.x)) {
            m = b.y.subtract(a.y).mul(b.x.subtract(a.x).inverse());
        } else if (a.y.equals(b.y)) {
            m = a.x.square().mul(BigInteger.valueOf(3)).mul(a.y.add(a.y).inverse());
        } else {
            // vertical line: xp - xa·w^2
            return Fp12.constant(xp).subtract(Fp12.embed(a.x, 2));
        }
        // m·w·xp - m·xa·w^3 - yp + ya·w^3
        return Fp12.embed(m.mul(xp), 1)
                .subtract(Fp12.embed(m.mul(a.x), 3))
                .subtract(Fp12.constant(yp))
                .add(Fp12.embed(a.y, 3));
    }

    /** a + b·i over F_p with i^2 = -1. */
    record Fp2(BigInteger a, BigInteger b) {
        static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
        static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

        boolean isZero() {
            return a.signum() == 0 && b.signum() == 0;
        }

        Fp2 add(Fp2 o) {
            return new Fp2(a.add(o.a).mod(P), b.add(o.b).mod(P));
        }

        Fp2 subtract(Fp2 o) {
            return new Fp2(a.subtract(o.a).mod(P), b.subtract(o.b).mod(P));
        }

        Fp2 negate() {
            return new Fp2(a.negate().mod(P), b.negate().mod(P));
        }

        Fp2 mul(Fp2 o) {
            return new Fp2(a.multiply(o.a).subtract(b.multiply(o.b)).mod(P), a.multiply(o.b).add(b.multiply(o.a)).mod(P));
        }

        Fp2 mul(BigInteger k) {
            return new Fp2(a.multiply(k).mod(P), b.multiply(k).mod(P));
        }

        Fp2 square() {
            return mul(this);
        }

        Fp2 conjugate() {
            return new Fp2(a, b.negate().mod(P));
        }

        /** 1/(a + bi) = (a - bi)/(a^2 + b^2). */
        Fp2 inverse() {
            BigInteger norm = a.multiply(a).add(b.multiply(b)).mod(P).modInverse(P);
            return new Fp2(a.multiply(norm).mod(P), b.negate().multiply(norm).mod(P));
        }

        Fp2 pow(BigInteger e) {
            Fp2 result = ONE;
            for (int i = e.bitLength() - 1; i >= 0; i--) {
                result = result.square();
                if (e.testBit(i)) result = result.mul(this);
            }
            return result;
        }
    }

    /** An affine point on the twist E'. */
    record G2(Fp2 x, Fp2 y, boolean infinity) {
        static final G2 INFINITY = new G2(Fp2.ZERO, Fp2.ZERO, true);

        G2 add(G2 o) {
            if (infinity) return o;
            if (o.infinity) return this;
            Fp2 m;
            if (x.equals(o.x)) {
                if (!y.equals(o.y) || y.isZero()) return INFINITY;
                m = x.square().mul(BigInteger.valueOf(3)).mul(y.add(y).inverse());
            } else {
                m = o.y.subtract(y).mul(o.x.subtract(x).inverse());
            }
            Fp2 nx = m.square().subtract(x).subtract(o.x);
            return new G2(nx, m.mul(x.subtract(nx)).subtract(y), false);
        }

        G2 mul(BigInteger k) {
            G2 result = INFINITY;
            for (int i = k.bitLength() - 1; i >= 0; i--) {
                result = result.add(result);
                if (k.testBit(i)) result = result.add(this);
            }
            return result;
        }
    }

    /** F_p12 as polynomials in w of degree < 12 modulo w^12 - 18 w^6 + 82. */
    record Fp12(BigInteger[] c) {
        static final Fp12 ONE = constant(BigInteger.ONE);

        static Fp12 constant(BigInteger v) {
            BigInteger[] c = zeros();
            c[0] = v.mod(P);
            return new Fp12(c);
        }

        /** The F_p2 element a + b·i times w^k, with i = w^6 - 9: (a - 9b)·w^k + b·w^(k+6), for k < 6. */
        static Fp12 embed(Fp2 v, int k) {
            BigInteger[] c = zeros();
            c[k] = v.a.subtract(v.b.multiply(BigInteger.valueOf(9))).mod(P);
            c[k + 6] = v.b;
            return new Fp12(c);
        }

        private static BigInteger[] zeros() {
            BigInteger[] c = new BigInteger[12];
            Arrays.fill(c, BigInteger.ZERO);
            return c;
        }

        Fp12 add(Fp12 o) {
            BigInteger[] r = new BigInteger[12];
            for (int i = 0; i < 12; i++) r[i] = c[i].add(o.c[i]).mod(P);
            return new Fp12(r);
        }

        Fp12 subtract(Fp12 o) {
            BigInteger[] r = new BigInteger[12];
            for (int i = 0; i < 12; i++) r[i] = c[i].subtract(o.c[i]).mod(P);
            return new Fp12(r);
        }

        Fp12 mul(Fp12 o) {
            BigInteger[] t = new BigInteger[23];
            Arrays.fill(t, BigInteger.ZERO);
            for (int i = 0; i < 12; i++) {
                if (c[i].signum() == 0) continue;
                for (int j = 0; j < 12; j++) {
                    if (o.c[j].signum() != 0) t[i + j] = t[i + j].add(c[i].multiply(o.c[j]));
                }
            }
            // w^12 = 18·w^6 - 82: fold the high coefficients down, highest first
            BigInteger eighteen = BigInteger.valueOf(18), eightyTwo = BigInteger.valueOf(82);
            for (int k = 22; k >= 12; k--) {
                BigInteger top = t[k].mod(P);
                if (top.signum() == 0) continue;
                t[k - 6] = t[k - 6].add(top.multiply(eighteen));
                t[k - 12] = t[k - 12].subtract(top.multiply(eightyTwo));
            }
            BigInteger[] r = new BigInteger[12];
            for (int i = 0; i < 12; i++) r[i] = t[i].mod(P);
            return new Fp12(r);
        }

        Fp12 pow(BigInteger e) {
            Fp12 result = ONE;
            for (int i = e.bitLength() - 1; i >= 0; i--) {
                result = result.mul(result);
                if (e.testBit(i)) result = result.mul(this);
            }
            return result;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fp12 f && Arrays.equals(c, f.c);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(c);
        }
    }
}
