package org.parkchain.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.bn254.Bn254Arithmetic;

/**
 * The Montgomery-limb BN254 (package {@code bn254}) against the straightforward BigInteger implementation kept in
 * the test sources ({@link Bn254}, {@link Bn254Pairing}): same outputs and same refusals, byte for byte.
 */
class Bn254ReferenceTest {
    private static final BigInteger P = Bn254.P;
    private static final byte[] G2 = concat(
            word(new BigInteger("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2", 16)),
            word(new BigInteger("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed", 16)),
            word(new BigInteger("090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b", 16)),
            word(new BigInteger("12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa", 16)));
    private final Random random = new Random(197);

    static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, out, 32 - (b.length - skip), b.length - skip);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private byte[] g1Times(BigInteger k) {
        return Bn254.encode(Bn254.mul(new Bn254.G1(BigInteger.ONE, BigInteger.TWO, false), k));
    }

    private static void same(Optional<byte[]> fast, Optional<byte[]> reference) {
        assertThat(fast.isPresent()).isEqualTo(reference.isPresent());
        fast.ifPresent(bytes -> assertThat(bytes).isEqualTo(reference.get()));
    }

    @Test
    void additionAndMultiplicationMatchTheReference() {
        for (int i = 0; i < 30; i++) {
            byte[] a = g1Times(new BigInteger(254, random)), b = g1Times(new BigInteger(254, random));
            same(Bn254Arithmetic.add(concat(a, b)), Bn254.add(concat(a, b)));
            same(Bn254Arithmetic.add(concat(a, a)), Bn254.add(concat(a, a)));
            byte[] k = word(new BigInteger(256, random));
            same(Bn254Arithmetic.multiply(concat(a, k)), Bn254.mul(concat(a, k)));
        }
        byte[] infinity = new byte[64];
        byte[] a = g1Times(BigInteger.TEN);
        same(Bn254Arithmetic.add(concat(infinity, a)), Bn254.add(concat(infinity, a)));
        same(Bn254Arithmetic.multiply(concat(a, new byte[32])), Bn254.mul(concat(a, new byte[32])));
        // Off the curve, and a coordinate equal to p: both refused.
        byte[] off = concat(word(BigInteger.ONE), word(BigInteger.valueOf(3)));
        same(Bn254Arithmetic.add(concat(off, a)), Bn254.add(concat(off, a)));
        byte[] atP = concat(word(P), word(BigInteger.TWO));
        same(Bn254Arithmetic.multiply(concat(atP, new byte[32])), Bn254.mul(concat(atP, new byte[32])));
    }

    @Test
    void pairingChecksMatchTheReference() {
        for (int i = 0; i < 4; i++) {
            BigInteger x = new BigInteger(200, random), y = new BigInteger(200, random);
            byte[] g2y = Bn254Arithmetic.pairingCheck(concat(g1Times(BigInteger.ONE), G2)).orElseThrow();
            assertThat(g2y[31]).isZero();
            // e(xG, G2)·e(-xG, G2) = 1, and e(xG, G2)·e(yG, G2) ≠ 1
            byte[] balanced = concat(g1Times(x), G2, g1Times(Bn254.R.subtract(x)), G2);
            byte[] unbalanced = concat(g1Times(x), G2, g1Times(y), G2);
            same(Bn254Arithmetic.pairingCheck(balanced), Bn254.pairingCheck(balanced));
            same(Bn254Arithmetic.pairingCheck(unbalanced), Bn254.pairingCheck(unbalanced));
            assertThat(Bn254Arithmetic.pairingCheck(balanced).orElseThrow()[31]).isEqualTo((byte) 1);
        }
        same(Bn254Arithmetic.pairingCheck(new byte[0]), Bn254.pairingCheck(new byte[0]));
        byte[] infinityPair = new byte[192];
        same(Bn254Arithmetic.pairingCheck(infinityPair), Bn254.pairingCheck(infinityPair));
    }
}
