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

    Fp12 multiply(Fp12 o) {
        // Schoolbook product; w^(k+6) = ξ·w^k folds the upper half back.
        Fp2[] low = new Fp2[6];
        Fp2[] high = new Fp2[5];
        Arrays.fill(low, Fp2.ZERO);
        Arrays.fill(high, Fp2.ZERO);
        for (int i = 0; i < 6; i++) {
            if (c[i].isZero()) continue;
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

    Fp12 square() {
        // Each cross product c_i·c_j (i < j) appears twice: 21 products instead of 36.
        Fp2[] low = new Fp2[6];
        Fp2[] high = new Fp2[5];
        Arrays.fill(low, Fp2.ZERO);
        Arrays.fill(high, Fp2.ZERO);
        for (int i = 0; i < 6; i++) {
            for (int j = i; j < 6; j++) {
                Fp2 term = c[i].multiply(c[j]);
                if (i != j) term = term.add(term);
                int k = i + j;
                if (k < 6) low[k] = low[k].add(term);
                else high[k - 6] = high[k - 6].add(term);
            }
        }
        for (int k = 0; k < 5; k++) low[k] = low[k].add(high[k].multiplyByXi());
        return new Fp12(low);
    }

    /**
     * this · (a + b·w^3 + d·w^5): the shape of every Miller-loop line value, 18 F_p2 products instead of 36.
     */
    Fp12 multiplyByLine(Fp2 a, Fp2 b, Fp2 d) {
        Fp2[] r = new Fp2[6];
        for (int k = 0; k < 6; k++) {
            Fp2 sum = c[k].multiply(a);
            sum = sum.add(shifted(k, 3).multiply(b));
            sum = sum.add(shifted(k, 5).multiply(d));
            r[k] = sum;
        }
        return new Fp12(r);
    }

    /** The coefficient that lands on w^k when multiplied by w^s: c_(k-s), times ξ when it wraps past w^6. */
    private Fp2 shifted(int k, int s) {
        int from = k - s;
        return from >= 0 ? c[from] : c[from + 6].multiplyByXi();
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
