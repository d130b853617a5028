package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * F_p12 = F_p2[w]/(w^6 - ξ), ξ = 1 + i: an element is Σ c_k·w^k with six F_p2 coefficients. This flat basis keeps
 * the twist's untwisting map and the Frobenius map one-liners: G2 points untwist to (x·w^4/ξ, y·w^3/ξ), and
 * (c·w^k)^p = conj(c)·γ_k·w^k with γ_k = ξ^(k(p-1)/6). The even coefficients form the subfield F_p6 = F_p2[v],
 * v = w², and the map w -> -w is the conjugation f -> f^(p^6). Immutable.
 */
final class Fp12 {
    static final Fp12 ONE = new Fp12(new Fp2[] {Fp2.ONE, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO, Fp2.ZERO});
    /** γ_k = ξ^(k(p-1)/6) for the Frobenius map, computed once from the definition. */
    private static final Fp2[] FROBENIUS = new Fp2[6];

    static {
        Fp2 gamma1 = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
        FROBENIUS[0] = Fp2.ONE;
        for (int k = 1; k < 6; k++) FROBENIUS[k] = FROBENIUS[k - 1].multiply(gamma1);
    }

    private final Fp2[] c;

    Fp12(Fp2[] coefficients) {
        if (coefficients.length != 6) throw new IllegalArgumentException("an F_p12 element has 6 coefficients");
        this.c = coefficients;
    }

    Fp2 coefficient(int k) {
        return c[k];
    }

    /**
     * Karatsuba over the quadratic split f = A + B·w (A = c0 + c2·v + c4·v², B = c1 + c3·v + c5·v², v = w²):
     * (A1 + B1·w)(A2 + B2·w) = A1A2 + v·B1B2 + ((A1 + B1)(A2 + B2) - A1A2 - B1B2)·w, three F_p6 products of six
     * F_p2 products each (18 instead of the schoolbook's 36).
     */
    Fp12 multiply(Fp12 o) {
        Fp2[] a1 = even(), b1 = odd(), a2 = o.even(), b2 = o.odd();
        Fp2[] t0 = multiply6(a1, a2);
        Fp2[] t1 = multiply6(b1, b2);
        Fp2[] even = add6(t0, timesV(t1));
        Fp2[] odd = subtract6(subtract6(multiply6(add6(a1, b1), add6(a2, b2)), t0), t1);
        return interleave(even, odd);
    }

    /** (A + B·w)² = (A + B)(A + v·B) - AB - v·AB + 2AB·w: two F_p6 products (12 F_p2 products). */
    Fp12 square() {
        Fp2[] a = even(), b = odd();
        Fp2[] ab = multiply6(a, b);
        Fp2[] even = subtract6(subtract6(multiply6(add6(a, b), add6(a, timesV(b))), ab), timesV(ab));
        return interleave(even, add6(ab, ab));
    }

    /**
     * The square of an element of the cyclotomic subgroup (every value after the final exponentiation's easy
     * part), by Granger and Scott: with f = g0 + g1·w + g2·w² over F_p4 = F_p2[s], s = w³ (s² = ξ),
     * f² = (3g0² - 2·conj(g0)) + (3s·g2² + 2·conj(g1))·w + (3g1² - 2·conj(g2))·w², conj negating s. Three F_p4
     * squarings, nine F_p2 squarings. Wrong for other elements; the tests compare it with {@link #square} there.
     */
    Fp12 cyclotomicSquare() {
        Fp2[] g0 = square4(c[0], c[3]), g1 = square4(c[1], c[4]), g2 = square4(c[2], c[5]);
        Fp2[] r = new Fp2[6];
        // h0 = 3g0² - 2conj(g0)
        r[0] = triple(g0[0]).subtract(c[0].add(c[0]));
        r[3] = triple(g0[1]).add(c[3].add(c[3]));
        // h1 = 3s·g2² + 2conj(g1), with s·(x + y·s) = ξy + x·s
        r[1] = triple(g2[1].multiplyByXi()).add(c[1].add(c[1]));
        r[4] = triple(g2[0]).subtract(c[4].add(c[4]));
        // h2 = 3g1² - 2conj(g2)
        r[2] = triple(g1[0]).subtract(c[2].add(c[2]));
        r[5] = triple(g1[1]).add(c[5].add(c[5]));
        return new Fp12(r);
    }

    /** (x + y·s)² in F_p4 = F_p2[s]/(s² - ξ): (x² + ξy²) + ((x + y)² - x² - y²)·s. */
    private static Fp2[] square4(Fp2 x, Fp2 y) {
        Fp2 x2 = x.square(), y2 = y.square();
        return new Fp2[] {x2.add(y2.multiplyByXi()), x.add(y).square().subtract(x2).subtract(y2)};
    }

    private static Fp2 triple(Fp2 x) {
        return x.add(x).add(x);
    }

    /** The schoolbook product (w^(k+6) = ξ·w^k), kept as the reference the Karatsuba forms are tested against. */
    Fp12 multiplySchoolbook(Fp12 o) {
        Fp2[] low = new Fp2[6];
        Fp2[] high = new Fp2[5];
        Arrays.fill(low, Fp2.ZERO);
        Arrays.fill(high, Fp2.ZERO);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                Fp2 term = c[i].multiply(o.c[j]);
                int k = i + j;
                if (k < 6) low[k] = low[k].add(term);
                else high[k - 6] = high[k - 6].add(term);
            }
        }
        for (int k = 0; k < 5; k++) low[k] = low[k].add(high[k].multiplyByXi());
        return new Fp12(low);
    }

    private Fp2[] even() {
        return new Fp2[] {c[0], c[2], c[4]};
    }

    private Fp2[] odd() {
        return new Fp2[] {c[1], c[3], c[5]};
    }

    private static Fp12 interleave(Fp2[] even, Fp2[] odd) {
        return new Fp12(new Fp2[] {even[0], odd[0], even[1], odd[1], even[2], odd[2]});
    }

    /** F_p6 = F_p2[v]/(v³ - ξ) product by Karatsuba: six F_p2 products. */
    private static Fp2[] multiply6(Fp2[] a, Fp2[] b) {
        Fp2 v0 = a[0].multiply(b[0]), v1 = a[1].multiply(b[1]), v2 = a[2].multiply(b[2]);
        Fp2 c0 = v0.add(a[1].add(a[2]).multiply(b[1].add(b[2])).subtract(v1).subtract(v2).multiplyByXi());
        Fp2 c1 = a[0].add(a[1]).multiply(b[0].add(b[1])).subtract(v0).subtract(v1).add(v2.multiplyByXi());
        Fp2 c2 = a[0].add(a[2]).multiply(b[0].add(b[2])).subtract(v0).subtract(v2).add(v1);
        return new Fp2[] {c0, c1, c2};
    }

    /** v·(a0 + a1·v + a2·v²) = ξa2 + a0·v + a1·v². */
    private static Fp2[] timesV(Fp2[] a) {
        return new Fp2[] {a[2].multiplyByXi(), a[0], a[1]};
    }

    private static Fp2[] add6(Fp2[] a, Fp2[] b) {
        return new Fp2[] {a[0].add(b[0]), a[1].add(b[1]), a[2].add(b[2])};
    }

    private static Fp2[] subtract6(Fp2[] a, Fp2[] b) {
        return new Fp2[] {a[0].subtract(b[0]), a[1].subtract(b[1]), a[2].subtract(b[2])};
    }

    /**
     * this · (a + b·w^3 + d·w^5), the shape of every Miller-loop line value, in 14 F_p2 products instead of 36. Over
     * F_p6 = F_p2[v], v = w², this is f = A + B·w with A = (c0, c2, c4), B = (c1, c3, c5), and the line is
     * L0 + L1·w with L0 = (a, 0, 0) and L1 = (0, b, d), both sparse: A·L0 is three products, B·L1 five (Karatsuba on
     * its two non-zero coefficients), and Karatsuba's middle term (A + B)(L0 + L1) - A·L0 - B·L1 one full F_p6
     * product of six. Tested against {@link #multiplySchoolbook}.
     */
    Fp12 multiplyByLine(Fp2 a, Fp2 b, Fp2 d) {
        Fp2 a0 = c[0], a1 = c[2], a2 = c[4], b0 = c[1], b1 = c[3], b2 = c[5];
        Fp2 x0 = a0.multiply(a), x1 = a1.multiply(a), x2 = a2.multiply(a);
        // B·L1 = (B0 + B1·v + B2·v²)(b·v + d·v²) = ξ(B1·d + B2·b) + (B0·b + ξ·B2·d)·v + (B0·d + B1·b)·v², v³ = ξ
        Fp2 b1b = b1.multiply(b), b2d = b2.multiply(d);
        Fp2 y0 = b1.add(b2).multiply(b.add(d)).subtract(b1b).subtract(b2d).multiplyByXi();
        Fp2 y1 = b0.multiply(b).add(b2d.multiplyByXi());
        Fp2 y2 = b0.multiply(d).add(b1b);
        Fp2[] z = multiply6(new Fp2[] {a0.add(b0), a1.add(b1), a2.add(b2)}, new Fp2[] {a, b, d});
        // even part A·L0 + v·B·L1 (v·(y0, y1, y2) = (ξ·y2, y0, y1)), odd part the Karatsuba middle term
        return new Fp12(new Fp2[] {
            x0.add(y2.multiplyByXi()), z[0].subtract(x0).subtract(y0),
            x1.add(y0), z[1].subtract(x1).subtract(y1),
            x2.add(y1), z[2].subtract(x2).subtract(y2)});
    }

    /** f^(p^6): w -> -w, negating the odd coefficients; the inverse of a unitary (cyclotomic) element. */
    Fp12 conjugate() {
        Fp2[] r = c.clone();
        for (int k = 1; k < 6; k += 2) r[k] = r[k].negate();
        return new Fp12(r);
    }

    /** f^p. */
    Fp12 frobenius() {
        Fp2[] r = new Fp2[6];
        for (int k = 0; k < 6; k++) r[k] = c[k].conjugate().multiply(FROBENIUS[k]);
        return new Fp12(r);
    }

    /**
     * 1/f = conj(f) / (f·conj(f)): the norm f·conj(f) has only even coefficients, an element n0 + n2·v + n4·v² of
     * F_p6 = F_p2[v]/(v³ - ξ), inverted there by the usual adjugate formula.
     */
    Fp12 inverse() {
        Fp12 conj = conjugate();
        Fp12 norm = multiply(conj);
        Fp2 a0 = norm.c[0], a1 = norm.c[2], a2 = norm.c[4];
        Fp2 t0 = a0.square().subtract(a1.multiply(a2).multiplyByXi());
        Fp2 t1 = a2.square().multiplyByXi().subtract(a0.multiply(a1));
        Fp2 t2 = a1.square().subtract(a0.multiply(a2));
        Fp2 det = a0.multiply(t0).add(a2.multiply(t1).add(a1.multiply(t2)).multiplyByXi());
        Fp2 detInv = det.inverse();
        Fp12 normInverse = new Fp12(new Fp2[] {
            t0.multiply(detInv), Fp2.ZERO, t1.multiply(detInv), Fp2.ZERO, t2.multiply(detInv), Fp2.ZERO});
        return conj.multiply(normInverse);
    }

    /** f^e for e ≥ 0 by square-and-multiply (the reference the fast final exponentiation is tested against). */
    Fp12 pow(BigInteger e) {
        Fp12 result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) result = result.multiply(this);
        }
        return result;
    }

    boolean isOne() {
        return equals(ONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fp12 other && Arrays.equals(c, other.c);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(c);
    }

    @Override
    public String toString() {
        return Arrays.toString(c);
    }
}
