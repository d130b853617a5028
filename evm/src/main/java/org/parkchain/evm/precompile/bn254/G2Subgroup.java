package org.parkchain.evm.precompile.bn254;

import org.parkchain.evm.precompile.ec.Curve;

/**
 * Membership of a twist point in G2, the order-r subgroup, by the endomorphism test of Dai, Lin, Zhao and Zhou
 * ("Fast subgroup membership testings for G1, G2 and GT on pairing-friendly curves", 2022): a point Q of the twist
 * lies in G2 exactly when [u+1]Q + ψ([u]Q) + ψ²([u]Q) = ψ³([2u]Q), ψ being the Frobenius map carried to the twist.
 * On G2, ψ acts as multiplication by p, and u + 1 + p·u + p²·u - 2u·p³ ≡ 0 mod r (the tests check the identity);
 * the converse, that no other point of the twist passes, is their theorem. One 63-bit multiplication instead of
 * the 254-bit [r]Q of {@link Curve#isInSubgroup}, which stays as the reference in the tests.
 */
final class G2Subgroup {
    private G2Subgroup() {}

    static boolean contains(Curve.Affine<Fp2> q) {
        if (q.infinity()) return true;
        Curve<Fp2> c = Bn254Curves.G2;
        Curve.Jacobian<Fp2> point = c.toJacobian(q);
        Curve.Jacobian<Fp2> uQ = c.multiply(point, Pairing.U);
        Curve.Jacobian<Fp2> left = c.add(c.add(c.add(uQ, point), psi(uQ)), psi(psi(uQ)));
        Curve.Jacobian<Fp2> right = psi(psi(psi(c.doubled(uQ))));
        return c.add(left, c.negate(right)).isInfinity();
    }

    /**
     * ψ on Jacobian coordinates: conjugation is a field automorphism, so x = X/Z² maps to conj(X)/conj(Z)², and the
     * twist's constants multiply X and Y as in {@link Pairing#frobenius}.
     */
    static Curve.Jacobian<Fp2> psi(Curve.Jacobian<Fp2> p) {
        return new Curve.Jacobian<>(
                p.x().conjugate().multiply(Pairing.PI_X), p.y().conjugate().multiply(Pairing.PI_Y), p.z().conjugate());
    }

}
