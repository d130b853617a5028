package org.parkchain.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;

/**
 * The optimal ate pairing on BN254 as a product check (EIP-197): whether Π e(P_i, Q_i) = 1.
 *
 * <p><b>Miller loop</b> over the non-adjacent form of 6u + 2 (u = 4965661367192848881) with one shared accumulator
 * f, each pair's T_i in homogeneous projective coordinates, the point step and its line computed together
 * ({@link MillerPair}), then the two extra lines through T_i and π(Q_i), and through T_i + π(Q_i) and -π²(Q_i), π
 * being the Frobenius endomorphism carried to the twist. On the D-type twist a line with twisted slope λ through
 * T, evaluated at P, is y_P - λ·x_P·w + (λ·x_T - y_T)·w³; each is scaled by a factor in F_p2 that the final
 * exponentiation removes, so no inversion is needed, and multiplies f sparsely ({@link Fp12#multiplyByLine}).
 *
 * <p><b>Final exponentiation</b> to a power prime to r of (p^12 - 1)/r, which gives the same answer to the check
 * for a third of the work ({@link #finalExponentiation}).
 */
final class Pairing {
    static final BigInteger U = new BigInteger("4965661367192848881");
    static final BigInteger LOOP = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    /** 6u + 2 in non-adjacent form: 22 nonzero digits instead of its 37 one bits, so fewer addition steps. */
    private static final int[] LOOP_NAF = Curve.naf(LOOP, 2);
    /** u in width-4 NAF: 14 nonzero digits in {±1, ±3, ±5, ±7} instead of its 28 one bits. */
    private static final int[] U_NAF = Curve.naf(U, 4);
    /** 3b' for the doubling step, b' = 3/ξ being the twist's constant. */
    private static final Fp2 THREE_B = Bn254Curves.G2.b().add(Bn254Curves.G2.b()).add(Bn254Curves.G2.b());
    /** π on twisted coordinates: (x, y) -> (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)). */
    static final Fp2 PI_X = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    static final Fp2 PI_Y = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.TWO));

    private Pairing() {}

    record Pair(Curve.Affine<Fp> p, Curve.Affine<Fp2> q) {}

    static boolean productIsOne(List<Pair> pairs) {
        List<Pair> live = pairs.stream().filter(pair -> !pair.p().infinity() && !pair.q().infinity()).toList();
        if (live.isEmpty()) return true;
        return finalExponentiation(millerLoop(live)).isOne();
    }

    static Curve.Affine<Fp2> frobenius(Curve.Affine<Fp2> q) {
        return new Curve.Affine<>(q.x().conjugate().multiply(PI_X), q.y().conjugate().multiply(PI_Y), false);
    }

    static Fp12 millerLoop(List<Pair> pairs) {
        int n = pairs.size();
        MillerPair[] m = new MillerPair[n];
        for (int i = 0; i < n; i++) m[i] = new MillerPair(pairs.get(i));
        Fp12 f = Fp12.ONE;
        for (int digit = LOOP_NAF.length - 2; digit >= 0; digit--) {
            f = f.square();
            for (int i = 0; i < n; i++) f = m[i].doublingStep(f);
            if (LOOP_NAF[digit] == 0) continue;
            for (int i = 0; i < n; i++) f = m[i].additionStep(f, LOOP_NAF[digit] > 0 ? m[i].q : m[i].minusQ);
        }
        for (int i = 0; i < n; i++) {
            Curve.Affine<Fp2> q1 = frobenius(m[i].q);
            Curve.Affine<Fp2> q2 = frobenius(q1);
            f = m[i].additionStep(f, q1);
            f = m[i].additionStep(f, new Curve.Affine<>(q2.x(), q2.y().negate(), false));
        }
        return f;
    }

    /**
     * One pair's state through the Miller loop: T in homogeneous projective coordinates (x = X/Z, y = Y/Z) on the
     * twist y² = x³ + b', and what its lines need of P, computed once. Each step moves T and multiplies f by the
     * line it passed, with the formulas of Costello, Lange and Naehrig ("Faster pairing computations on curves with
     * high-degree twists", 2010) and Aranha et al. ("Faster explicit formulas for computing pairings over ordinary
     * curves", 2011), written for this tower's line a + b·w + d·w³ (see {@link Fp12#multiplyByLine}). G2 points
     * have prime order r and every multiple the loop reaches is below r and not ±1, so T never meets ±Q or O and the
     * formulas need no special cases.
     */
    static final class MillerPair {
        private final Curve.Affine<Fp2> q;
        private final Curve.Affine<Fp2> minusQ;
        private final Fp yP;
        private final Fp minusYP;
        private final Fp minusXP;
        private final Fp threeXP;
        private Fp2 x, y, z;

        MillerPair(Pair pair) {
            q = pair.q();
            minusQ = new Curve.Affine<>(q.x(), q.y().negate(), false);
            yP = pair.p().y();
            minusYP = yP.negate();
            minusXP = pair.p().x().negate();
            threeXP = pair.p().x().twice().add(pair.p().x());
            x = q.x();
            y = q.y();
            z = Fp2.ONE;
        }

        /** T in affine coordinates (for the tests). */
        Curve.Affine<Fp2> t() {
            Fp2 zInverse = z.inverse();
            return new Curve.Affine<>(x.multiply(zInverse), y.multiply(zInverse), false);
        }

        /**
         * T -> 2T and f·tangent. With B = Y², C = Z², E = 3b'·C, F = 3E, G = (B + F)/2, H = 2YZ:
         * 2T = (XY/2·(B - F), G² - 3E², B·H). The tangent λ = 3x²/(2y) through T, scaled by -2YZ and with
         * X³ = Y²Z - b'Z³ from the curve, is -H·y_P + 3X²·x_P·w + (E - B)·w³.
         */
        Fp12 doublingStep(Fp12 f) {
            Fp2 b = y.square();
            Fp2 c = z.square();
            Fp2 e = c.multiply(THREE_B);
            Fp2 threeE = e.add(e).add(e);
            Fp2 h = y.add(z).square().subtract(b).subtract(c);
            Fp2 xSquared = x.square();
            Fp2 eSquared = e.square();
            Fp2 newX = x.multiply(y).halve().multiply(b.subtract(threeE));
            y = b.add(threeE).halve().square().subtract(eSquared.add(eSquared).add(eSquared));
            x = newX;
            z = b.multiply(h);
            return f.multiplyByLine(h.multiply(minusYP), xSquared.multiply(threeXP), e.subtract(b));
        }

        /**
         * T -> T + R for an affine R and f·line through them. With θ = Y - y_R·Z and λ = X - x_R·Z (the slope is
         * θ/λ), C = θ², D = λ², E = λ·D, F = Z·C, G = X·D, H = E + F - 2G: T + R = (λ·H, θ(G - H) - Y·E, Z·E). The
         * line through R, scaled by λ, is λ·y_P - θ·x_P·w + (θ·x_R - λ·y_R)·w³.
         */
        Fp12 additionStep(Fp12 f, Curve.Affine<Fp2> r) {
            Fp2 theta = y.subtract(r.y().multiply(z));
            Fp2 lambda = x.subtract(r.x().multiply(z));
            Fp2 d = lambda.square();
            Fp2 e = lambda.multiply(d);
            Fp2 g = x.multiply(d);
            Fp2 h = e.add(z.multiply(theta.square())).subtract(g.add(g));
            Fp2 lineW3 = theta.multiply(r.x()).subtract(lambda.multiply(r.y()));
            y = theta.multiply(g.subtract(h)).subtract(y.multiply(e));
            x = lambda.multiply(h);
            z = z.multiply(e);
            return f.multiplyByLine(lambda.multiply(yP), theta.multiply(minusXP), lineW3);
        }
    }

    /**
     * f^(m·(p^12 - 1)/r) with m = 2u(6u² + 3u + 1), which is below r and so prime to it: the product check's answer
     * is the same as with the exact exponent, since the pairings' product lies in the order-r subgroup. Easy part
     * (p^6 - 1)(p^2 + 1) by conjugation, one inversion and Frobenius maps; hard part m·(p^4 - p^2 + 1)/r =
     * λ0 + λ1·p + λ2·p² + λ3·p³ with λ0 = 12u³ + 12u² + 6u + 1, λ1 = 12u³ + 6u² + 4u, λ2 = 12u³ + 6u² + 6u,
     * λ3 = 12u³ + 6u² + 4u - 1 (Fuentes-Castañeda, Knapp and Rodríguez-Henríquez, "Faster hashing to G2", 2011;
     * the tests check the identity): three exponentiations by u, three cyclotomic squarings, ten products and
     * three Frobenius maps.
     */
    static Fp12 finalExponentiation(Fp12 f) {
        Fp12 t = f.conjugate().multiply(f.inverse());
        t = t.frobenius().frobenius().multiply(t);
        Fp12 tU2 = powU(t).cyclotomicSquare();
        Fp12 tU4 = tU2.cyclotomicSquare();
        Fp12 tU6U2 = powU(tU4.multiply(tU2));
        Fp12 tU12U3 = powU(tU6U2.cyclotomicSquare());
        Fp12 y1 = tU12U3.multiply(tU6U2).multiply(tU4);
        Fp12 y2 = y1.multiply(tU2);
        Fp12 y0 = y2.multiply(tU6U2).multiply(t);
        Fp12 y3 = y1.multiply(t.conjugate()); // a cyclotomic element's inverse is its conjugate
        return y0.multiply(y1.frobenius()).multiply(y2.frobenius().frobenius())
                .multiply(y3.frobenius().frobenius().frobenius());
    }

    /**
     * g^u for a cyclotomic g over u's width-4 NAF: 62 cyclotomic squarings, 13 products and 3 more for the table of
     * g, g³, g⁵, g⁷ (instead of 27 products over u's bits); a negative digit multiplies by the conjugate, which is
     * the inverse here.
     */
    static Fp12 powU(Fp12 g) {
        Fp12[] odd = new Fp12[4];
        odd[0] = g;
        Fp12 square = g.cyclotomicSquare();
        for (int k = 1; k < 4; k++) odd[k] = odd[k - 1].multiply(square);
        Fp12 result = odd[U_NAF[U_NAF.length - 1] >> 1];
        for (int digit = U_NAF.length - 2; digit >= 0; digit--) {
            result = result.cyclotomicSquare();
            int d = U_NAF[digit];
            if (d > 0) result = result.multiply(odd[d >> 1]);
            else if (d < 0) result = result.multiply(odd[-d >> 1].conjugate());
        }
        return result;
    }
}
