package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;

/**
 * A short Weierstrass curve y² = x³ + b over a field F (BLS12-381's G1 curve over F_p with b = 4, and its M-type
 * twist over F_p2 with b = 4(1 + i) for G2), with group arithmetic in Jacobian coordinates: (X, Y, Z) stands for
 * the affine point (X/Z², Y/Z³), and Z = 0 for the point at infinity. The formulas are the standard a = 0 ones
 * (doubling "dbl-2009-l", addition "add-2007-bl" from the Explicit-Formulas Database).
 */
final class Curve<F extends FieldElement<F>> {
    /** An affine point; infinity is its own flag since (0, 0) is not on these curves. */
    record Affine<F>(F x, F y, boolean infinity) {}

    record Jacobian<F extends FieldElement<F>>(F x, F y, F z) {
        boolean isInfinity() {
            return z.isZero();
        }
    }

    static final Curve<Fp> G1 = new Curve<>(Fp.ZERO, Fp.ONE, Fp.of(4));
    static final Curve<Fp2> G2 = new Curve<>(Fp2.ZERO, Fp2.ONE, Fp2.of(4, 4));
    /** The order r of the prime subgroups G1 and G2. */
    static final BigInteger ORDER = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    private final F zero;
    private final F one;
    private final F b;
    private final Jacobian<F> infinity;
    private final Affine<F> affineInfinity;

    private Curve(F zero, F one, F b) {
        this.zero = zero;
        this.one = one;
        this.b = b;
        this.infinity = new Jacobian<>(one, one, zero);
        this.affineInfinity = new Affine<>(zero, zero, true);
    }

    Jacobian<F> infinity() {
        return infinity;
    }

    Affine<F> affineInfinity() {
        return affineInfinity;
    }

    boolean isOnCurve(Affine<F> p) {
        return p.infinity() || p.y().square().equals(p.x().square().multiply(p.x()).add(b));
    }

    Jacobian<F> toJacobian(Affine<F> p) {
        return p.infinity() ? infinity : new Jacobian<>(p.x(), p.y(), one);
    }

    Affine<F> toAffine(Jacobian<F> p) {
        if (p.isInfinity()) return affineInfinity;
        F zInv = p.z().inverse();
        F zInv2 = zInv.square();
        return new Affine<>(p.x().multiply(zInv2), p.y().multiply(zInv2).multiply(zInv), false);
    }

    Jacobian<F> negate(Jacobian<F> p) {
        return new Jacobian<>(p.x(), p.y().negate(), p.z());
    }

    Jacobian<F> doubled(Jacobian<F> p) {
        if (p.isInfinity() || p.y().isZero()) return infinity;
        F a = p.x().square();
        F bb = p.y().square();
        F c = bb.square();
        F d = p.x().add(bb).square().subtract(a).subtract(c);
        d = d.add(d);
        F e = a.add(a).add(a);
        F f = e.square();
        F x3 = f.subtract(d).subtract(d);
        F c8 = c.add(c);
        c8 = c8.add(c8);
        c8 = c8.add(c8);
        F y3 = e.multiply(d.subtract(x3)).subtract(c8);
        F yz = p.y().multiply(p.z());
        return new Jacobian<>(x3, y3, yz.add(yz));
    }

    Jacobian<F> add(Jacobian<F> p, Jacobian<F> q) {
        if (p.isInfinity()) return q;
        if (q.isInfinity()) return p;
        F z1z1 = p.z().square();
        F z2z2 = q.z().square();
        F u1 = p.x().multiply(z2z2);
        F u2 = q.x().multiply(z1z1);
        F s1 = p.y().multiply(q.z()).multiply(z2z2);
        F s2 = q.y().multiply(p.z()).multiply(z1z1);
        F h = u2.subtract(u1);
        F r = s2.subtract(s1);
        if (h.isZero()) return r.isZero() ? doubled(p) : infinity;
        r = r.add(r);
        F i = h.add(h).square();
        F j = h.multiply(i);
        F v = u1.multiply(i);
        F x3 = r.square().subtract(j).subtract(v).subtract(v);
        F s1j = s1.multiply(j);
        F y3 = r.multiply(v.subtract(x3)).subtract(s1j).subtract(s1j);
        F z3 = p.z().add(q.z()).square().subtract(z1z1).subtract(z2z2).multiply(h);
        return new Jacobian<>(x3, y3, z3);
    }

    /** k·p for k ≥ 0, double-and-add from the top bit (inputs are public, so no constant-time ladder is needed). */
    Jacobian<F> multiply(Jacobian<F> p, BigInteger k) {
        Jacobian<F> result = infinity;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = doubled(result);
            if (k.testBit(i)) result = add(result, p);
        }
        return result;
    }

    /** Whether p lies in the subgroup of order r, checked directly as r·p = O. */
    boolean isInSubgroup(Affine<F> p) {
        return p.infinity() || multiply(toJacobian(p), ORDER).isInfinity();
    }

    F zero() {
        return zero;
    }

    F one() {
        return one;
    }

    F b() {
        return b;
    }
}
