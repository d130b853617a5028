package org.parkchain.evm.precompile;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The straightforward BigInteger BN254 (alt_bn128) that the precompiles used before package {@code bn254}, kept as
 * the reference the Montgomery-limb version is tested against. The curve y² = x³ + 3 over F_p for EIP-196/197. G1
 * points are affine pairs of 32-byte big-endian coordinates, (0, 0) standing for the point at infinity; coordinates
 * must be below p and on the curve.
 */
final class Bn254 {
    static final BigInteger P = new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    static final BigInteger R = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private Bn254() {}

    /** An affine G1 point; {@code null} coordinates never occur, infinity is its own flag. */
    record G1(BigInteger x, BigInteger y, boolean infinity) {
        static final G1 INFINITY = new G1(BigInteger.ZERO, BigInteger.ZERO, true);

        G1 negate() {
            return infinity ? this : new G1(x, P.subtract(y).mod(P), false);
        }
    }

    static Optional<G1> decodeG1(byte[] in, int offset) {
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(in, offset, offset + 32));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(in, offset + 32, offset + 64));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) return Optional.empty();
        if (x.signum() == 0 && y.signum() == 0) return Optional.of(G1.INFINITY);
        if (!y.multiply(y).subtract(x.pow(3)).subtract(THREE).mod(P).equals(BigInteger.ZERO)) return Optional.empty();
        return Optional.of(new G1(x, y, false));
    }

    static G1 add(G1 a, G1 b) {
        if (a.infinity) return b;
        if (b.infinity) return a;
        BigInteger lambda;
        if (a.x.equals(b.x)) {
            if (!a.y.equals(b.y) || a.y.signum() == 0) return G1.INFINITY;
            lambda = THREE.multiply(a.x).multiply(a.x).multiply(a.y.shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = b.y.subtract(a.y).multiply(b.x.subtract(a.x).modInverse(P)).mod(P);
        }
        BigInteger x = lambda.multiply(lambda).subtract(a.x).subtract(b.x).mod(P);
        BigInteger y = lambda.multiply(a.x.subtract(x)).subtract(a.y).mod(P);
        return new G1(x, y, false);
    }

    static G1 mul(G1 p, BigInteger k) {
        G1 result = G1.INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) result = add(result, p);
        }
        return result;
    }

    static byte[] encode(G1 p) {
        byte[] out = new byte[64];
        if (p.infinity) return out;
        put(out, 0, p.x);
        put(out, 32, p.y);
        return out;
    }

    static void put(byte[] out, int offset, BigInteger v) {
        byte[] b = v.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, out, offset + 32 - (b.length - skip), b.length - skip);
    }

    static Optional<byte[]> add(byte[] in) {
        Optional<G1> a = decodeG1(in, 0), b = decodeG1(in, 64);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        return Optional.of(encode(add(a.get(), b.get())));
    }

    static Optional<byte[]> mul(byte[] in) {
        Optional<G1> a = decodeG1(in, 0);
        if (a.isEmpty()) return Optional.empty();
        BigInteger k = new BigInteger(1, java.util.Arrays.copyOfRange(in, 64, 96));
        return Optional.of(encode(mul(a.get(), k)));
    }

    static Optional<byte[]> pairingCheck(byte[] in) {
        return Bn254Pairing.check(in);
    }
}
