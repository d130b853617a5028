package org.parkchain.evm.precompile.bls;

import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;

/**
 * The optimal ate pairing on BLS12-381, used as a product check: whether Π e(P_i, Q_i) = 1 for P_i in G1 and Q_i
 * in G2 (both already validated as subgroup members).
 *
 * <p><b>Miller loop.</b> One shared accumulator f runs over the bits of |u| = 0xd201000000010000 (u is the curve's
 * negative seed): square f, multiply in the tangent line at each T_i, double T_i, and on a set bit multiply in the
 * line through T_i and Q_i. A line through twisted points with twisted slope λ, evaluated at P = (x_P, y_P) and
 * scaled by ξ (a factor in a proper subfield, which the final exponentiation maps to 1), is
 * ξ·y_P + (λ·x_T - y_T)·w^3 - λ·x_P·w^5; vertical lines lie in F_p6 and are dropped for the same reason. T_i is
 * kept in Jacobian coordinates and each line is scaled by its slope's denominator (another F_p2 factor), so the
 * loop needs no inversion; the tangent and the doubling share their squares, and a line multiplies f sparsely
 * ({@link Fp12#multiplyByLine}, 14 F_p2 products). As u < 0, f is conjugated at the end.
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
        Curve<Fp2> c = Bls12381.G2;
        @SuppressWarnings("unchecked")
        Curve.Jacobian<Fp2>[] t = new Curve.Jacobian[n];
        for (int i = 0; i < n; i++) t[i] = c.toJacobian(pairs.get(i).q());
        Fp12 f = Fp12.ONE;
        for (int bit = 62; bit >= 0; bit--) {
            f = f.square();
            for (int i = 0; i < n; i++) {
                Pair pair = pairs.get(i);
                Doubling step = doublingStep(f, t[i], pair.p());
                f = step.f();
                t[i] = step.doubled();
                if (((U_ABS >>> bit) & 1) != 0) {
                    // T = kQ with 1 < k < |u| < r, so T ≠ ±Q and the chord is never vertical.
                    f = chordLine(f, t[i], pair.q(), pair.p());
                    t[i] = c.add(t[i], c.toJacobian(pair.q()));
                }
            }
        }
        return f.conjugate();
    }

    /** f times the tangent line at T, and 2T. */
    private record Doubling(Fp12 f, Curve.Jacobian<Fp2> doubled) {}

    /**
     * f times the tangent at T = (X, Y, Z) (Jacobian, x = X/Z², y = Y/Z³) evaluated at P, and 2T, sharing X², Y² and
     * YZ. With λ = 3x²/(2y), the line ξ·y_P + (λx - y)·w³ - λ·x_P·w^5 scaled by 2YZ³ (in F_p2, so removed by the
     * final exponentiation) is 2YZ³·y_P·ξ + (3X³ - 2Y²)·w³ - 3X²Z²·x_P·w^5: no inversion. The doubling is
     * {@link Curve#doubled}'s "dbl-2009-l" (the tests compare the loop with bilinearity and the EIP's vectors);
     * T = kQ with 1 < k < r, so T is never infinite nor of order 2 here.
     */
    private static Doubling doublingStep(Fp12 f, Curve.Jacobian<Fp2> t, Curve.Affine<Fp> p) {
        Fp2 x = t.x(), y = t.y(), z = t.z();
        Fp2 xx = x.square();
        Fp2 yy = y.square();
        Fp2 zz = z.square();
        Fp2 yz = y.multiply(z);
        Fp2 threeXx = xx.add(xx).add(xx);
        // the tangent line
        Fp2 a = yz.multiply(zz).multiply(p.y().twice());
        Fp2 b = threeXx.multiply(x).subtract(yy.add(yy));
        Fp2 d = threeXx.multiply(zz).multiply(p.x()).negate();
        Fp12 product = f.multiplyByLine(a.multiplyByXi(), b, d);
        // 2T: C = Y⁴, D = 2((X + Y²)² - X² - C), X3 = (3X²)² - 2D, Y3 = 3X²(D - X3) - 8C, Z3 = 2YZ
        Fp2 cc = yy.square();
        Fp2 dd = x.add(yy).square().subtract(xx).subtract(cc);
        dd = dd.add(dd);
        Fp2 x3 = threeXx.square().subtract(dd).subtract(dd);
        Fp2 c8 = cc.add(cc);
        c8 = c8.add(c8);
        c8 = c8.add(c8);
        Fp2 y3 = threeXx.multiply(dd.subtract(x3)).subtract(c8);
        return new Doubling(product, new Curve.Jacobian<>(x3, y3, yz.add(yz)));
    }

    /**
     * f times the line through T (Jacobian) and Q (affine) at P, written through Q: with λ = N/D, N = y_Q·Z³ - Y,
     * D = (x_Q·Z² - X)·Z, the line ξ·y_P + (λ·x_Q - y_Q)·w³ - λ·x_P·w^5 scaled by D is
     * D·y_P·ξ + (N·x_Q - D·y_Q)·w³ - N·x_P·w^5.
     */
    private static Fp12 chordLine(Fp12 f, Curve.Jacobian<Fp2> t, Curve.Affine<Fp2> q, Curve.Affine<Fp> p) {
        Fp2 z2 = t.z().square();
        Fp2 num = q.y().multiply(z2).multiply(t.z()).subtract(t.y());
        Fp2 den = q.x().multiply(z2).subtract(t.x()).multiply(t.z());
        Fp2 a = den.multiply(p.y());
        Fp2 b = num.multiply(q.x()).subtract(den.multiply(q.y()));
        Fp2 d = num.multiply(p.x()).negate();
        return f.multiplyByLine(a.multiplyByXi(), b, d);
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
        return c.multiply(t.cyclotomicSquare()).multiply(t);
    }

    /** g^u for a cyclotomic g: g^|u| by square-and-multiply (cyclotomic squarings), conjugated as u < 0. */
    static Fp12 powU(Fp12 g) {
        Fp12 result = g;
        for (int bit = 62; bit >= 0; bit--) {
            result = result.cyclotomicSquare();
            if (((U_ABS >>> bit) & 1) != 0) result = result.multiply(g);
        }
        return result.conjugate();
    }
}
