package org.parkchain.evm.precompile.ec;

/**
 * The arithmetic a curve needs from its coordinate field (F_p, F_p2 of BLS12-381 or BN254): one {@link Curve}
 * implementation serves every group through it.
 */
public interface FieldElement<F extends FieldElement<F>> {
    F add(F other);

    F subtract(F other);

    F multiply(F other);

    F square();

    F negate();

    /** The multiplicative inverse; the inverse of zero is zero (RFC 9380's {@code inv0}). */
    F inverse();

    boolean isZero();

    /** Whether this is a square in the field (zero counts as one). */
    boolean isSquare();

    /**
     * A square root when this is a square; otherwise some element whose square is not this (callers may square the
     * result to learn which case holds), never an exception.
     */
    F sqrt();

    /** RFC 9380's sign of an element, which picks between y and -y in the map to the curve. */
    boolean sgn0();
}
