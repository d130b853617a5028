package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * F_p2 = F_p[i]/(i² + 1), the field of G2's coordinates; EIP-2537 encodes c0 + c1·i as c0 ‖ c1. Multiplication is
 * Karatsuba's three products, kept unreduced and combined before two Montgomery reductions
 * ({@link Fp#complexProduct}). Immutable.
 */
record Fp2(Fp c0, Fp c1) implements FieldElement<Fp2> {
    static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
    static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
    /** ξ = 1 + i, the non-residue that builds F_p12 over F_p2 (w^6 = ξ) and twists G2's curve (b' = 4ξ). */
    static final Fp2 XI = new Fp2(Fp.ONE, Fp.ONE);

    static Fp2 of(BigInteger c0, BigInteger c1) {
        return new Fp2(Fp.of(c0), Fp.of(c1));
    }

    static Fp2 of(long c0, long c1) {
        return new Fp2(Fp.of(c0), Fp.of(c1));
    }

    @Override
    public Fp2 add(Fp2 o) {
        return new Fp2(c0.add(o.c0), c1.add(o.c1));
    }

    @Override
    public Fp2 subtract(Fp2 o) {
        return new Fp2(c0.subtract(o.c0), c1.subtract(o.c1));
    }

    @Override
    public Fp2 negate() {
        return new Fp2(c0.negate(), c1.negate());
    }

    @Override
    public Fp2 multiply(Fp2 o) {
        return Fp.complexProduct(c0, c1, o.c0, o.c1);
    }

    /** Karatsuba on reduced F_p products: the reference {@link #multiply}'s lazy reduction is tested against. */
    Fp2 multiplyReduced(Fp2 o) {
        Fp v0 = c0.multiply(o.c0);
        Fp v1 = c1.multiply(o.c1);
        Fp cross = c0.add(c1).multiply(o.c0.add(o.c1));
        return new Fp2(v0.subtract(v1), cross.subtract(v0).subtract(v1));
    }

    Fp2 multiply(Fp k) {
        return new Fp2(c0.multiply(k), c1.multiply(k));
    }

    @Override
    public Fp2 square() {
        // (a + bi)² = (a + b)(a - b) + 2ab·i
        Fp ab = c0.multiply(c1);
        return new Fp2(c0.add(c1).multiply(c0.subtract(c1)), ab.twice());
    }

    /** this·ξ = (a + bi)(1 + i) = (a - b) + (a + b)i: two additions instead of a product. */
    Fp2 multiplyByXi() {
        return new Fp2(c0.subtract(c1), c0.add(c1));
    }

    /** The conjugate a - bi, which is also the Frobenius map x -> x^p on F_p2. */
    Fp2 conjugate() {
        return new Fp2(c0, c1.negate());
    }

    @Override
    public Fp2 inverse() {
        // 1/(a + bi) = (a - bi)/(a² + b²); the norm a² + b² is zero only for zero.
        Fp normInverse = c0.square().add(c1.square()).inverse();
        return new Fp2(c0.multiply(normInverse), c1.negate().multiply(normInverse));
    }

    Fp2 pow(BigInteger e) {
        Fp2 result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) result = result.multiply(this);
        }
        return result;
    }

    /** A square in F_p2 exactly when its norm a² + b² is a square in F_p. */
    @Override
    public boolean isSquare() {
        return c0.square().add(c1.square()).isSquare();
    }

    /**
     * A square root of a square (the caller checks {@link #isSquare}), by the norm method: with α = √(a² + b²),
     * one of δ = (a ± α)/2 is a square in F_p, and √δ + (b / 2√δ)·i squares to a + bi. When b = 0 the root is √a or
     * √(-a)·i, whichever exists.
     */
    @Override
    public Fp2 sqrt() {
        if (c1.isZero()) {
            return c0.isSquare() ? new Fp2(c0.sqrt(), Fp.ZERO) : new Fp2(Fp.ZERO, c0.negate().sqrt());
        }
        Fp alpha = c0.square().add(c1.square()).sqrt();
        Fp half = Fp.of(2).inverse();
        Fp delta = c0.add(alpha).multiply(half);
        if (!delta.isSquare()) delta = c0.subtract(alpha).multiply(half);
        Fp x0 = delta.sqrt();
        Fp x1 = c1.multiply(x0.twice().inverse());
        return new Fp2(x0, x1);
    }

    /** RFC 9380's sgn0 on F_p2: the parity of c0, or of c1 when c0 is zero. */
    @Override
    public boolean sgn0() {
        return c0.sgn0() || (c0.isZero() && c1.sgn0());
    }

    @Override
    public boolean isZero() {
        return c0.isZero() && c1.isZero();
    }

    @Override
    public String toString() {
        return "(" + c0 + ", " + c1 + ")";
    }
}
