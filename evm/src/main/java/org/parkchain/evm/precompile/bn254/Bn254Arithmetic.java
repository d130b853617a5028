package org.parkchain.evm.precompile.bn254;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.precompile.ec.Curve;

/**
 * EIP-196 and EIP-197 on bytes, for the precompiles at 0x06–0x08. Coordinates are 32-byte big-endian integers
 * that must be below p; (0, 0) is the point at infinity; other points must lie on the curve, and G2 points in the
 * order-r subgroup (G1's cofactor is 1). F_p2 elements are encoded imaginary part first. Empty means the input is
 * refused (the call fails).
 */
public final class Bn254Arithmetic {
    private Bn254Arithmetic() {}

    /** 128 bytes (two G1 points) to their sum. */
    public static Optional<byte[]> add(byte[] in) {
        Curve.Affine<Fp> a = g1(in, 0), b = g1(in, 64);
        if (a == null || b == null) return Optional.empty();
        Curve<Fp> c = Bn254Curves.G1;
        return Optional.of(encode(c.toAffine(c.addAffine(c.toJacobian(a), b))));
    }

    /** 96 bytes (a G1 point and a 256-bit scalar) to their product. */
    public static Optional<byte[]> multiply(byte[] in) {
        Curve.Affine<Fp> a = g1(in, 0);
        if (a == null) return Optional.empty();
        Curve<Fp> c = Bn254Curves.G1;
        java.math.BigInteger k = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(in, 64, 96));
        return Optional.of(encode(c.toAffine(c.multiply(c.toJacobian(a), k))));
    }

    /** 192·k bytes of (G1, G2) pairs to the 32-byte word 1 when the pairings' product is 1, else 0. */
    public static Optional<byte[]> pairingCheck(byte[] in) {
        if (in.length % 192 != 0) return Optional.empty();
        List<Pairing.Pair> pairs = new ArrayList<>();
        for (int offset = 0; offset < in.length; offset += 192) {
            Curve.Affine<Fp> p = g1(in, offset);
            Curve.Affine<Fp2> q = g2(in, offset + 64);
            if (p == null || q == null) return Optional.empty();
            pairs.add(new Pairing.Pair(p, q));
        }
        byte[] out = new byte[32];
        out[31] = (byte) (Pairing.productIsOne(pairs) ? 1 : 0);
        return Optional.of(out);
    }

    /** A G1 point, or null when a coordinate is not below p or the point is off the curve. */
    private static Curve.Affine<Fp> g1(byte[] in, int offset) {
        Fp x = Fp.fromBytes(in, offset), y = Fp.fromBytes(in, offset + 32);
        if (x == null || y == null) return null;
        Curve.Affine<Fp> p = new Curve.Affine<>(x, y, x.isZero() && y.isZero());
        return Bn254Curves.G1.isOnCurve(p) ? p : null;
    }

    /** A G2 point in the subgroup, or null. */
    private static Curve.Affine<Fp2> g2(byte[] in, int offset) {
        Fp xIm = Fp.fromBytes(in, offset), xRe = Fp.fromBytes(in, offset + 32);
        Fp yIm = Fp.fromBytes(in, offset + 64), yRe = Fp.fromBytes(in, offset + 96);
        if (xIm == null || xRe == null || yIm == null || yRe == null) return null;
        Fp2 x = new Fp2(xRe, xIm), y = new Fp2(yRe, yIm);
        Curve.Affine<Fp2> q = new Curve.Affine<>(x, y, x.isZero() && y.isZero());
        return Bn254Curves.G2.isOnCurve(q) && G2Subgroup.contains(q) ? q : null;
    }

    private static byte[] encode(Curve.Affine<Fp> p) {
        byte[] out = new byte[64];
        if (p.infinity()) return out;
        p.x().toBytes(out, 0);
        p.y().toBytes(out, 32);
        return out;
    }
}
