package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limb binary GCD against {@link BigInteger#modInverse}, on BLS12-381's p and other odd moduli. */
class BinaryGcdInversionTest {
    private static final BigInteger P = Fp.P;
    private final Random random = new Random(20201);

    @Test
    void invertsLikeBigIntegerModInverseModuloP() {
        BinaryGcdInversion inversion = new BinaryGcdInversion(limbs(P));
        for (BigInteger x : samplesBelow(P, 3_000)) {
            assertThat(value(inversion.inverse(limbs(x)))).as("1/%s", x.toString(16)).isEqualTo(x.modInverse(P));
        }
    }

    @Test
    void invertsModuloOtherOddModuliOfEveryLength() {
        for (int bits : new int[] {65, 127, 200, 256, 300, 382, 383}) {
            BigInteger m = BigInteger.probablePrime(bits, random);
            BinaryGcdInversion inversion = new BinaryGcdInversion(limbs(m));
            for (BigInteger x : samplesBelow(m, 300)) {
                assertThat(value(inversion.inverse(limbs(x)))).as("1/%s mod %s", x, m).isEqualTo(x.modInverse(m));
            }
        }
        // An odd composite modulus: units invert, non-units are refused.
        BigInteger m = BigInteger.valueOf(3).multiply(BigInteger.probablePrime(300, random));
        BinaryGcdInversion inversion = new BinaryGcdInversion(limbs(m));
        BigInteger unit = BigInteger.valueOf(5).pow(100).mod(m);
        assertThat(value(inversion.inverse(limbs(unit)))).isEqualTo(unit.modInverse(m));
        assertThatThrownBy(() -> inversion.inverse(limbs(BigInteger.valueOf(3).pow(50).mod(m))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fpInverseTimesItselfIsOneAndZeroStaysZero() {
        for (BigInteger x : samplesBelow(P, 500)) {
            Fp a = Fp.of(x);
            assertThat(a.inverse().toBigInteger()).isEqualTo(x.modInverse(P));
            assertThat(a.multiply(a.inverse())).isEqualTo(Fp.ONE);
        }
        assertThat(Fp.ZERO.inverse()).isEqualTo(Fp.ZERO);
    }

    @Test
    void refusesAnEvenOrOversizedModulus() {
        assertThatThrownBy(() -> new BinaryGcdInversion(limbs(P.add(BigInteger.ONE))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinaryGcdInversion(limbs(BigInteger.ONE.shiftLeft(383).add(BigInteger.ONE))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Edge values first (1, 2, m-1, m-2, powers of two, long runs of ones and zeros, values whose top and low words
     * are alike, which stress the approximation of the comparisons), then random values of random lengths.
     */
    private List<BigInteger> samplesBelow(BigInteger m, int randomCount) {
        List<BigInteger> edges = new ArrayList<>();
        edges.add(BigInteger.ONE);
        edges.add(BigInteger.TWO);
        edges.add(m.subtract(BigInteger.ONE));
        edges.add(m.subtract(BigInteger.TWO));
        edges.add(m.shiftRight(1));
        edges.add(m.shiftRight(1).add(BigInteger.ONE));
        for (int k = 0; k < m.bitLength(); k++) {
            edges.add(BigInteger.ONE.shiftLeft(k));
            edges.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE)); // a run of k ones
            edges.add(m.subtract(BigInteger.ONE.shiftLeft(k))); // m with a hole
            edges.add(BigInteger.ONE.shiftLeft(k).add(BigInteger.ONE)); // a long run of zeros between two ones
        }
        for (int i = 0; i < randomCount; i++) {
            int bits = 1 + random.nextInt(m.bitLength());
            edges.add(new BigInteger(bits, random));
            edges.add(m.subtract(new BigInteger(random.nextInt(64) + 1, random))); // close to m: long equal prefixes
        }
        return edges.stream().map(x -> x.mod(m)).filter(x -> x.signum() != 0 && x.gcd(m).equals(BigInteger.ONE)).toList();
    }

    private static long[] limbs(BigInteger v) {
        long[] r = new long[6];
        for (int i = 0; i < 6; i++) r[i] = v.shiftRight(64 * i).longValue();
        return r;
    }

    private static BigInteger value(long[] limbs) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 5; i >= 0; i--) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        return v;
    }
}
