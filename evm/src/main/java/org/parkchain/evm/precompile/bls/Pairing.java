package org.parkchain.evm.precompile.bls;

import java.util.List;

/**
 * The optimal ate pairing on BLS12-381, used as a product check: whether Π e(P_i, Q_i) = 1 for P_i in G1 and Q_i
 * in G2 (both already validated as subgroup members).
 *
 * <p><b>Miller loop.</b> One shared accumulator f runs over the bits of |u| = 0xd201000000010000 (u is the curve's
 * negative seed): square f, multiply in the tangent line at each T_i, double T_i, and on a set bit multiply in the
 * line through T_i and Q_i. T_i stays in affine twisted coordinates over F_p2 (one F_p2 inversion per step). A
 * line through twisted points with twisted slope λ, evaluated at P = (x_P, y_P) and scaled by ξ (a factor in a
 * proper subfield, which the final exponentiation maps to 1), is ξ·y_P + (λ·x_T - y_T)·w^3 - λ·x_P·w^5; vertical
 * lines lie in F_p6 and are dropped for the same reason. As u < 0, f is conjugated at the end.
 *
 * <p><b>Final exponentiation</b> to (p^12 - 1)/r: the easy part (p^6 - 1)(p^2 + 1) costs an inversion and
 * Frobenius maps; after it f is unitary, so f^-1 = conj(f). The hard part raises to 3·(p^4 - p^2 + 1)/r instead,
 * which BLS12 curves decompose as (u - 1)²·(u + p)·(u² + p² - 1) + 3 (the identity is checked in the tests): five
 * exponentiations by the 64-bit u and a few Frobenius maps. Cubing changes nothing for a check against 1, since
 * the pairing values have prime order r and 3 does not divide r.
 */
final class Pairing {
    /** |u|, the Miller loop's scalar; u itself is negative. */
    static final long U_ABS = 0xd201000000010000L;

    private Pairing() {}

    record Pair(Curve.Affine<Fp> p, Curve.Affine<Fp2> q) {}

    /** Whether the product of the pairings of {@code pairs} is 1; pairs with an infinite point contribute 1. */
    static boolean productIsOne(List<Pair> pairs) {
        List<Pair> live = pairs.stream().filter(pair -> !pair.p().infinity() && !pair.q().infinity()).toList();
        if (live.isEmpty()) return true;
        return finalExponentiation(millerLoop(live)).isOne();
    }

    static Fp12 millerLoop(List<Pair> pairs) {
        int n = pairs.size();
        Fp2[] tx = new Fp2[n], ty = new Fp2[n];
        for (int i = 0; i < n; i++) {
            tx[i] = pairs.get(i).q().x();
            ty[i] = pairs.get(i).q().y();
        }
        Fp12 f = Fp12.ONE;
        for (int bit = 62; bit >= 0; bit--) {
            f = f.square();
            for (int i = 0; i < n; i++) {
                Pair pair = pairs.get(i);
                // Tangent at T: λ = 3x²/(2y).
                Fp2 x2 = tx[i].square();
                Fp2 lambda = x2.add(x2).add(x2).multiply(ty[i].add(ty[i]).inverse());
                f = multiplyLine(f, lambda, tx[i], ty[i], pair.p());
                Fp2 x3 = lambda.square().subtract(tx[i]).subtract(tx[i]);
                ty[i] = lambda.multiply(tx[i].subtract(x3)).subtract(ty[i]);
                tx[i] = x3;
                if (((U_ABS >>> bit) & 1) != 0) {
                    // Chord through T and Q: λ = (y_Q - y_T)/(x_Q - x_T). T = kQ with 1 < k < |u| < r, so T ≠ ±Q.
                    Fp2 qx = pair.q().x(), qy = pair.q().y();
                    lambda = qy.subtract(ty[i]).multiply(qx.subtract(tx[i]).inverse());
                    f = multiplyLine(f, lambda, tx[i], ty[i], pair.p());
                    x3 = lambda.square().subtract(tx[i]).subtract(qx);
                    ty[i] = lambda.multiply(tx[i].subtract(x3)).subtract(ty[i]);
                    tx[i] = x3;
                }
            }
        }
        return f.conjugate();
    }

    private static Fp12 multiplyLine(Fp12 f, Fp2 lambda, Fp2 tx, Fp2 ty, Curve.Affine<Fp> p) {
        Fp2 a = new Fp2(p.y(), p.y()); // ξ·y_P = y_P·(1 + i)
        Fp2 b = lambda.multiply(tx).subtract(ty);
        Fp2 d = lambda.multiply(p.x()).negate();
        return f.multiplyByLine(a, b, d);
    }

    static Fp12 finalExponentiation(Fp12 f) {
        // Easy part: f^(p^6 - 1) = conj(f)/f, then ^(p^2 + 1).
        Fp12 t = f.conjugate().multiply(f.inverse());
        t = t.frobenius().frobenius().multiply(t);
        // Hard part (times 3): t^((u-1)²(u+p)(u²+p²-1) + 3).
        Fp12 a = powU(t).multiply(t.conjugate());
        a = powU(a).multiply(a.conjugate());
        Fp12 b = powU(a).multiply(a.frobenius());
        Fp12 c = powU(powU(b)).multiply(b.frobenius().frobenius()).multiply(b.conjugate());
        return c.multiply(t.square()).multiply(t);
    }

    /** g^u for a unitary g: g^|u| by square-and-multiply, conjugated because u is negative. */
    static Fp12 powU(Fp12 g) {
        Fp12 result = g;
        for (int bit = 62; bit >= 0; bit--) {
            result = result.square();
            if (((U_ABS >>> bit) & 1) != 0) result = result.multiply(g);
        }
        return result.conjugate();
    }
}
