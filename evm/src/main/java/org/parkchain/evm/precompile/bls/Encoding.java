package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;
import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * EIP-2537's byte encodings. An F_p element is 64 big-endian bytes whose top 16 are zero and whose value is below
 * p; an F_p2 element is c0 ‖ c1; a point is x ‖ y, all zero bytes standing for the point at infinity (as (0, 0) is
 * on neither curve). Decoding validates in that order, then the curve equation; subgroup membership is the
 * caller's choice, since additions skip it and multiplications and pairings require it.
 *
 * <p>A refusal is an {@link InvalidInput} carrying the reason in the words of the EIP's test vectors.
 */
final class Encoding {
    static final int FP = 64;
    static final int FP2 = 128;
    static final int G1 = 128;
    static final int G2 = 256;
    static final int SCALAR = 32;

    static final String BAD_LENGTH = "invalid input length";
    static final String BAD_TOP_BYTES = "invalid field element top bytes";
    static final String NOT_BELOW_P = "invalid fp.Element encoding";
    static final String NOT_ON_CURVE = "invalid point: not on curve";
    static final String G1_NOT_IN_SUBGROUP = "g1 point is not in the correct subgroup";
    static final String G2_NOT_IN_SUBGROUP = "g2 point is not in the correct subgroup";

    /** Why an input is refused; carries no stack trace, as it is an answer to bad input, not a program error. */
    static final class InvalidInput extends RuntimeException {
        InvalidInput(String reason) {
            super(reason, null, false, false);
        }
    }

    private Encoding() {}

    static Fp fp(byte[] in, int offset) {
        for (int i = 0; i < 16; i++) {
            if (in[offset + i] != 0) throw new InvalidInput(BAD_TOP_BYTES);
        }
        Fp v = Fp.fromBytes(in, offset + 16);
        if (v == null) throw new InvalidInput(NOT_BELOW_P);
        return v;
    }

    static Fp2 fp2(byte[] in, int offset) {
        Fp c0 = fp(in, offset);
        Fp c1 = fp(in, offset + FP);
        return new Fp2(c0, c1);
    }

    /** A point of G1's curve (not necessarily of the subgroup). */
    static Curve.Affine<Fp> g1(byte[] in, int offset) {
        Fp x = fp(in, offset);
        Fp y = fp(in, offset + FP);
        return onCurve(Bls12381.G1, new Curve.Affine<>(x, y, x.isZero() && y.isZero()));
    }

    /** A point of G2's curve (not necessarily of the subgroup). */
    static Curve.Affine<Fp2> g2(byte[] in, int offset) {
        Fp2 x = fp2(in, offset);
        Fp2 y = fp2(in, offset + FP2);
        return onCurve(Bls12381.G2, new Curve.Affine<>(x, y, x.isZero() && y.isZero()));
    }

    static Curve.Affine<Fp> g1InSubgroup(byte[] in, int offset) {
        Curve.Affine<Fp> p = g1(in, offset);
        if (!Endomorphisms.inG1(p)) throw new InvalidInput(G1_NOT_IN_SUBGROUP);
        return p;
    }

    static Curve.Affine<Fp2> g2InSubgroup(byte[] in, int offset) {
        Curve.Affine<Fp2> p = g2(in, offset);
        if (!Endomorphisms.inG2(p)) throw new InvalidInput(G2_NOT_IN_SUBGROUP);
        return p;
    }

    static BigInteger scalar(byte[] in, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(in, offset, offset + SCALAR));
    }

    static byte[] encodeG1(Curve.Affine<Fp> p) {
        byte[] out = new byte[G1];
        if (p.infinity()) return out;
        put(out, 0, p.x());
        put(out, FP, p.y());
        return out;
    }

    static byte[] encodeG2(Curve.Affine<Fp2> p) {
        byte[] out = new byte[G2];
        if (p.infinity()) return out;
        put(out, 0, p.x().c0());
        put(out, FP, p.x().c1());
        put(out, 2 * FP, p.y().c0());
        put(out, 3 * FP, p.y().c1());
        return out;
    }

    private static <F extends FieldElement<F>> Curve.Affine<F> onCurve(Curve<F> curve, Curve.Affine<F> p) {
        if (!curve.isOnCurve(p)) throw new InvalidInput(NOT_ON_CURVE);
        return p;
    }

    private static void put(byte[] out, int offset, Fp v) {
        v.toBytes(out, offset + 16);
    }
}
