package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * Fast subgroup checks and G2 cofactor clearing through the curves' endomorphisms; each replaces a scalar
 * multiplication by a 255- or 636-bit number with one or two by the 64-bit seed u (u < 0, |u| = 0xd201000000010000).
 *
 * <ul>
 *   <li>φ(x, y) = (β·x, y) on G1's curve, β a cube root of unity in F_p: P is in G1 exactly when φ(P) = -u²·P.</li>
 *   <li>ψ on G2's twist: untwist, Frobenius, twist back; ψ(x, y) = (conj(x)·ξ^-((p-1)/3), conj(y)·ξ^-((p-1)/2)).
 *       P is in G2 exactly when ψ(P) = u·P.</li>
 *   <li>h_eff·P for G2 as RFC 9380's clear_cofactor_bls12381_g2 (Budroni–Pintore): u²·P - u·P - P + (u - 1)·ψ(P)
 *       + ψ²(2P), in the RFC's order of operations.</li>
 * </ul>
 * Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves" (2021), proves both
 * checks for BLS12-381; the tests hold them against r·P = O, and the cofactor clearing against h_eff·P.
 */
final class Endomorphisms {
    static final BigInteger U_ABS = new BigInteger("d201000000010000", 16);
    private static final BigInteger U_SQUARED = U_ABS.multiply(U_ABS);
    /** β = 2^((p-1)/3): of the two primitive cube roots of unity, the one whose φ acts as -u² on G1 (the tests check it). */
    static final Fp BETA = Fp.of(2).pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    private static final Fp2 PSI_X = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3))).inverse();
    private static final Fp2 PSI_Y = Fp2.XI.pow(Fp.P.subtract(BigInteger.ONE).divide(BigInteger.TWO)).inverse();

    private Endomorphisms() {}

    /**
     * Adds to {@code points}/{@code scalars} the two short multiplications that make k·P for P in G1: φ acts there as
     * -u², so with k mod r = c0 + c1·u² (r < u⁴, so both digits are below u², 128 bits) k·P = c0·P + c1·(-φ(P)).
     * Only for points in the subgroup (the MSM's inputs are checked). -φ(P) = (β·x, -y) stays affine.
     */
    static void splitG1(Curve.Affine<Fp> p, BigInteger k, List<Curve.Affine<Fp>> points, List<BigInteger> scalars) {
        BigInteger[] qr = k.mod(Bls12381.ORDER).divideAndRemainder(U_SQUARED);
        points.add(p);
        scalars.add(qr[1]);
        points.add(new Curve.Affine<>(p.x().multiply(BETA), p.y().negate(), false));
        scalars.add(qr[0]);
    }

    /**
     * The four short multiplications that make k·Q for Q in G2: ψ acts there as u = -|u|, so with k mod r written in
     * base |u| as c0 + c1·|u| + c2·|u|² + c3·|u|³ (64-bit digits), k·Q = Σ c_i·(-ψ)^i(Q). Only for points in the
     * subgroup. ψ maps affine points to affine points.
     */
    static void splitG2(Curve.Affine<Fp2> q, BigInteger k, List<Curve.Affine<Fp2>> points, List<BigInteger> scalars) {
        BigInteger rest = k.mod(Bls12381.ORDER);
        Curve.Affine<Fp2> power = q;
        for (int i = 0; i < 4; i++) {
            BigInteger[] qr = rest.divideAndRemainder(U_ABS);
            points.add(power);
            scalars.add(qr[1]);
            rest = qr[0];
            if (i < 3) power = new Curve.Affine<>(power.x().conjugate().multiply(PSI_X), power.y().conjugate().multiply(PSI_Y).negate(), false);
        }
    }

    static boolean inG1(Curve.Affine<Fp> p) {
        if (p.infinity()) return true;
        Curve<Fp> c = Bls12381.G1;
        Curve.Jacobian<Fp> phi = new Curve.Jacobian<>(p.x().multiply(BETA), p.y(), Fp.ONE);
        Curve.Jacobian<Fp> minusU2P = c.negate(c.multiply(c.toJacobian(p), U_SQUARED));
        return equal(c, phi, minusU2P);
    }

    static boolean inG2(Curve.Affine<Fp2> p) {
        if (p.infinity()) return true;
        Curve<Fp2> c = Bls12381.G2;
        Curve.Jacobian<Fp2> q = c.toJacobian(p);
        return equal(c, psi(q), timesU(q));
    }

    /** h_eff·P on G2's twist. */
    static Curve.Jacobian<Fp2> clearG2Cofactor(Curve.Jacobian<Fp2> p) {
        Curve<Fp2> c = Bls12381.G2;
        Curve.Jacobian<Fp2> t1 = timesU(p);
        Curve.Jacobian<Fp2> t2 = psi(p);
        Curve.Jacobian<Fp2> t3 = psi(psi(c.doubled(p)));
        t3 = c.add(t3, c.negate(t2));
        t2 = c.add(t1, t2);
        t2 = timesU(t2);
        t3 = c.add(t3, t2);
        t3 = c.add(t3, c.negate(t1));
        return c.add(t3, c.negate(p));
    }

    static Curve.Jacobian<Fp2> psi(Curve.Jacobian<Fp2> p) {
        return new Curve.Jacobian<>(p.x().conjugate().multiply(PSI_X), p.y().conjugate().multiply(PSI_Y), p.z().conjugate());
    }

    /** u·P = -(|u|·P). */
    private static Curve.Jacobian<Fp2> timesU(Curve.Jacobian<Fp2> p) {
        return Bls12381.G2.negate(Bls12381.G2.multiply(p, U_ABS));
    }

    /** Equality of Jacobian points without inversions: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³. */
    static <F extends FieldElement<F>> boolean equal(Curve<F> c, Curve.Jacobian<F> a, Curve.Jacobian<F> b) {
        if (a.isInfinity() || b.isInfinity()) return a.isInfinity() && b.isInfinity();
        F za2 = a.z().square(), zb2 = b.z().square();
        return a.x().multiply(zb2).equals(b.x().multiply(za2))
                && a.y().multiply(zb2).multiply(b.z()).equals(b.y().multiply(za2).multiply(a.z()));
    }
}
