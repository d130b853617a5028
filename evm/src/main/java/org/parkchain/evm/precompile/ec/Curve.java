package org.parkchain.evm.precompile.ec;

import java.math.BigInteger;

/**
 * A short Weierstrass curve y² = x³ + b over a field F (BLS12-381's and BN254's G1 curves over F_p, their twists
 * over F_p2 for G2) whose prime subgroup has order r, with group arithmetic in Jacobian coordinates: (X, Y, Z) stands for
 * the affine point (X/Z², Y/Z³), and Z = 0 for the point at infinity. The formulas are the standard a = 0 ones
 * (doubling "dbl-2009-l", addition "add-2007-bl" from the Explicit-Formulas Database).
 */
public final class Curve<F extends FieldElement<F>> {
    /** An affine point; infinity is its own flag since (0, 0) is not on these curves. */
    public record Affine<F>(F x, F y, boolean infinity) {}

    public record Jacobian<F extends FieldElement<F>>(F x, F y, F z) {
        public boolean isInfinity() {
            return z.isZero();
        }
    }

    private final F zero;
    private final F one;
    private final F b;
    private final BigInteger order;
    private final Jacobian<F> infinity;
    private final Affine<F> affineInfinity;

    public Curve(F zero, F one, F b, BigInteger order) {
        this.zero = zero;
        this.one = one;
        this.b = b;
        this.order = order;
        this.infinity = new Jacobian<>(one, one, zero);
        this.affineInfinity = new Affine<>(zero, zero, true);
    }

    public Jacobian<F> infinity() {
        return infinity;
    }

    public Affine<F> affineInfinity() {
        return affineInfinity;
    }

    public boolean isOnCurve(Affine<F> p) {
        return p.infinity() || p.y().square().equals(p.x().square().multiply(p.x()).add(b));
    }

    public Jacobian<F> toJacobian(Affine<F> p) {
        return p.infinity() ? infinity : new Jacobian<>(p.x(), p.y(), one);
    }

    public Affine<F> toAffine(Jacobian<F> p) {
        if (p.isInfinity()) return affineInfinity;
        F zInv = p.z().inverse();
        F zInv2 = zInv.square();
        return new Affine<>(p.x().multiply(zInv2), p.y().multiply(zInv2).multiply(zInv), false);
    }

    public Jacobian<F> negate(Jacobian<F> p) {
        return new Jacobian<>(p.x(), p.y().negate(), p.z());
    }

    public Jacobian<F> doubled(Jacobian<F> p) {
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

    public Jacobian<F> add(Jacobian<F> p, Jacobian<F> q) {
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

    /** p + q for an affine q ("madd-2007-bl", Z2 = 1): four fewer products than {@link #add}. */
    public Jacobian<F> addAffine(Jacobian<F> p, Affine<F> q) {
        if (q.infinity()) return p;
        if (p.isInfinity()) return toJacobian(q);
        F z1z1 = p.z().square();
        F u2 = q.x().multiply(z1z1);
        F s2 = q.y().multiply(p.z()).multiply(z1z1);
        F h = u2.subtract(p.x());
        F r = s2.subtract(p.y());
        if (h.isZero()) return r.isZero() ? doubled(p) : infinity;
        F hh = h.square();
        F i = hh.add(hh);
        i = i.add(i);
        F j = h.multiply(i);
        r = r.add(r);
        F v = p.x().multiply(i);
        F x3 = r.square().subtract(j).subtract(v).subtract(v);
        F y1j = p.y().multiply(j);
        F y3 = r.multiply(v.subtract(x3)).subtract(y1j).subtract(y1j);
        F z3 = p.z().add(h).square().subtract(z1z1).subtract(hh);
        return new Jacobian<>(x3, y3, z3);
    }

    /** k·p for k ≥ 0 by plain double-and-add: the reference {@link #multiply} is tested against. */
    public Jacobian<F> multiplyNaive(Jacobian<F> p, BigInteger k) {
        Jacobian<F> result = infinity;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = doubled(result);
            if (k.testBit(i)) result = add(result, p);
        }
        return result;
    }

    /**
     * k·p for k ≥ 0 with a width-4 NAF: digits in {0, ±1, ±3, ±5, ±7}, at most one nonzero in any four, so about
     * bits/5 additions (of precomputed odd multiples) instead of bits/2. Inputs are public: not constant-time.
     */
    public Jacobian<F> multiply(Jacobian<F> p, BigInteger k) {
        if (k.bitLength() <= 8) return multiplyNaive(p, k);
        Jacobian<F>[] odd = oddMultiples(p);
        int[] naf = naf(k, 4);
        Jacobian<F> result = infinity;
        for (int i = naf.length - 1; i >= 0; i--) {
            result = doubled(result);
            result = addDigit(result, odd, naf[i]);
        }
        return result;
    }

    /**
     * Σ k_i·p_i for k_i ≥ 0 with the doublings shared (Straus's interleaving): each scalar in width-4 NAF with its own
     * table of odd multiples, one doubling per digit of the longest scalar and one addition per nonzero digit. With
     * an endomorphism splitting one 255-bit scalar into two or four short ones, this needs a half or a quarter of
     * the doublings of {@link #multiply}.
     */
    public Jacobian<F> sumOfMultiples(java.util.List<Jacobian<F>> points, java.util.List<BigInteger> scalars) {
        int n = points.size();
        int[][] nafs = new int[n][];
        @SuppressWarnings("unchecked")
        Jacobian<F>[][] odd = new Jacobian[n][];
        int length = 0;
        for (int i = 0; i < n; i++) {
            boolean none = points.get(i).isInfinity() || scalars.get(i).signum() == 0;
            nafs[i] = none ? new int[0] : naf(scalars.get(i), 4);
            odd[i] = none ? null : oddMultiples(points.get(i));
            length = Math.max(length, nafs[i].length);
        }
        Jacobian<F> result = infinity;
        for (int bit = length - 1; bit >= 0; bit--) {
            result = doubled(result);
            for (int i = 0; i < n; i++) {
                if (bit < nafs[i].length) result = addDigit(result, odd[i], nafs[i][bit]);
            }
        }
        return result;
    }

    /** p, 3p, 5p, 7p: the multiples a width-4 NAF digit selects. */
    private Jacobian<F>[] oddMultiples(Jacobian<F> p) {
        @SuppressWarnings("unchecked")
        Jacobian<F>[] odd = new Jacobian[4];
        odd[0] = p;
        Jacobian<F> twice = doubled(p);
        for (int i = 1; i < 4; i++) odd[i] = add(odd[i - 1], twice);
        return odd;
    }

    private Jacobian<F> addDigit(Jacobian<F> result, Jacobian<F>[] odd, int d) {
        if (d > 0) return add(result, odd[d >> 1]);
        if (d < 0) return add(result, negate(odd[(-d) >> 1]));
        return result;
    }

    /**
     * The width-w non-adjacent form of k ≥ 0, least significant digit first: odd digits below 2^(w-1) in absolute
     * value, at most one nonzero in any w consecutive ones (w = 2 is the plain NAF, digits in {-1, 0, 1}). The
     * scalar multiplications here use w = 4; the BN254 pairing walks its loop scalar and u in it too.
     */
    public static int[] naf(BigInteger k, int width) {
        int[] digits = new int[k.bitLength() + 1];
        BigInteger n = k;
        int mask = (1 << width) - 1;
        int i = 0;
        while (n.signum() > 0) {
            int d = 0;
            if (n.testBit(0)) {
                d = n.intValue() & mask;
                if (d >= 1 << (width - 1)) d -= 1 << width;
                n = n.subtract(BigInteger.valueOf(d));
            }
            digits[i++] = d;
            n = n.shiftRight(1);
        }
        return java.util.Arrays.copyOf(digits, i);
    }

    /** Whether p lies in the subgroup of order r, by the definition r·p = O (the reference for fast checks through endomorphisms). */
    public boolean isInSubgroup(Affine<F> p) {
        return p.infinity() || multiply(toJacobian(p), order).isInfinity();
    }

    public F zero() {
        return zero;
    }

    public F one() {
        return one;
    }

    public F b() {
        return b;
    }
}
