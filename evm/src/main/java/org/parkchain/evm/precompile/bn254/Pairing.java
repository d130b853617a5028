package org.parkchain.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;

/**
 * The optimal ate pairing on BN254 as a product check (EIP-197): whether Π e(P_i, Q_i) = 1.
 *
 * <p><b>Miller loop</b> over the bits of 6u + 2 (u = 4965661367192848881) with one shared accumulator, T_i in
 * Jacobian coordinates, then the two extra lines through T_i and π(Q_i), and through T_i + π(Q_i) and -π²(Q_i),
 * π being the Frobenius endomorphism carried to the twist. On the D-type twist a line with twisted slope λ through
 * T, evaluated at P, is y_P - λ·x_P·w + (λ·x_T - y_T)·w³; each is scaled by its slope's denominator, a factor in
 * F_p2 that the final exponentiation removes, so no inversion is needed.
 *
 * <p><b>Final exponentiation</b>: easy part (p^6 - 1)(p^2 + 1) by conjugation, one inversion and Frobenius maps;
 * hard part (p^4 - p^2 + 1)/r = λ0 + λ1·p + λ2·p² + λ3·p³ with λ3 = 1, λ2 = 6u² + 1,
 * λ1 = -36u³ - 18u² - 12u + 1, λ0 = -36u³ - 30u² - 18u - 2 (the tests check the identity): three exponentiations
 * by u, small powers, and Frobenius maps, all with cyclotomic squarings.
 */
final class Pairing {
    static final BigInteger U = new BigInteger("4965661367192848881");
    static final BigInteger LOOP = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    /** π on twisted coordinates: (x, y) -> (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)). */
    static final Fp2 PI_X = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    static final Fp2 PI_Y = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.TWO));
    /** Coefficients of λ0…λ3 in (u³, u², u, 1). */
    private static final int[][] HARD_PART = {{-36, -30, -18, -2}, {-36, -18, -12, 1}, {0, 6, 0, 1}, {0, 0, 0, 1}};

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
        Curve<Fp2> c = Bn254Curves.G2;
        @SuppressWarnings("unchecked")
        Curve.Jacobian<Fp2>[] t = new Curve.Jacobian[n];
        for (int i = 0; i < n; i++) t[i] = c.toJacobian(pairs.get(i).q());
        Fp12 f = Fp12.ONE;
        for (int bit = LOOP.bitLength() - 2; bit >= 0; bit--) {
            f = f.square();
            for (int i = 0; i < n; i++) {
                Pair pair = pairs.get(i);
                f = tangentLine(f, t[i], pair.p());
                t[i] = c.doubled(t[i]);
                if (LOOP.testBit(bit)) {
                    f = chordLine(f, t[i], pair.q(), pair.p());
                    t[i] = c.addAffine(t[i], pair.q());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Pair pair = pairs.get(i);
            Curve.Affine<Fp2> q1 = frobenius(pair.q());
            Curve.Affine<Fp2> q2 = frobenius(q1);
            Curve.Affine<Fp2> minusQ2 = new Curve.Affine<>(q2.x(), q2.y().negate(), false);
            f = chordLine(f, t[i], q1, pair.p());
            t[i] = c.addAffine(t[i], q1);
            f = chordLine(f, t[i], minusQ2, pair.p());
        }
        return f;
    }

    /** Tangent at T = (X, Y, Z), scaled by 2YZ³: 2YZ³·y_P - 3X²Z²·x_P·w + (3X³ - 2Y²)·w³. */
    private static Fp12 tangentLine(Fp12 f, Curve.Jacobian<Fp2> t, Curve.Affine<Fp> p) {
        Fp2 x2 = t.x().square();
        Fp2 y2 = t.y().square();
        Fp2 z2 = t.z().square();
        Fp2 a = t.y().multiply(t.z()).multiply(z2).multiply(p.y().twice());
        Fp2 threeX2 = x2.add(x2).add(x2);
        Fp2 b = threeX2.multiply(z2).multiply(p.x()).negate();
        Fp2 d = threeX2.multiply(t.x()).subtract(y2.add(y2));
        return f.multiplyByLine(a, b, d);
    }

    /**
     * Line through T (Jacobian) and Q (affine), written through Q and scaled by D: with N = y_Q·Z³ - Y and
     * D = (x_Q·Z² - X)·Z, it is D·y_P - N·x_P·w + (N·x_Q - D·y_Q)·w³.
     */
    private static Fp12 chordLine(Fp12 f, Curve.Jacobian<Fp2> t, Curve.Affine<Fp2> q, Curve.Affine<Fp> p) {
        Fp2 z2 = t.z().square();
        Fp2 num = q.y().multiply(z2).multiply(t.z()).subtract(t.y());
        Fp2 den = q.x().multiply(z2).subtract(t.x()).multiply(t.z());
        Fp2 a = den.multiply(p.y());
        Fp2 b = num.multiply(p.x()).negate();
        Fp2 d = num.multiply(q.x()).subtract(den.multiply(q.y()));
        return f.multiplyByLine(a, b, d);
    }

    static Fp12 finalExponentiation(Fp12 f) {
        Fp12 t = f.conjugate().multiply(f.inverse());
        t = t.frobenius().frobenius().multiply(t);
        Fp12 a = powU(t), b = powU(a), c = powU(b);
        Fp12[] bases = {c, b, a, t};
        Fp12 result = Fp12.ONE;
        for (int i = 3; i >= 0; i--) {
            Fp12 term = Fp12.ONE;
            for (int j = 0; j < 4; j++) term = term.multiply(powSmall(bases[j], HARD_PART[i][j]));
            result = result.frobenius().multiply(term); // Horner in p: ((F3·p + F2)·p + F1)·p + F0
        }
        return result;
    }

    /** g^u for a cyclotomic g, square-and-multiply over u's bits. */
    static Fp12 powU(Fp12 g) {
        Fp12 result = g;
        for (int bit = U.bitLength() - 2; bit >= 0; bit--) {
            result = result.cyclotomicSquare();
            if (U.testBit(bit)) result = result.multiply(g);
        }
        return result;
    }

    /** g^e for a small signed e and a cyclotomic g (whose inverse is its conjugate). */
    private static Fp12 powSmall(Fp12 g, int e) {
        if (e == 0) return Fp12.ONE;
        int m = Math.abs(e);
        Fp12 result = g;
        for (int bit = 30 - Integer.numberOfLeadingZeros(m); bit >= 0; bit--) {
            result = result.cyclotomicSquare();
            if (((m >>> bit) & 1) != 0) result = result.multiply(g);
        }
        return e < 0 ? result.conjugate() : result;
    }
}
