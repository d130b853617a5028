package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.ec.Curve;

class GroupOperationsTest {
    private final Random random = new Random(11);

    @Test
    void jacobianAdditionHandlesDoublingInverseAndInfinity() {
        Curve<Fp> c = Bls12381.G1;
        Curve.Jacobian<Fp> g = c.toJacobian(PairingTest.G1);
        Curve.Jacobian<Fp> three = c.multiply(g, BigInteger.valueOf(3));
        assertThat(c.toAffine(c.add(g, c.doubled(g)))).isEqualTo(c.toAffine(three));
        assertThat(c.toAffine(c.add(g, g))).isEqualTo(c.toAffine(c.doubled(g)));
        assertThat(c.add(g, c.negate(g)).isInfinity()).isTrue();
        assertThat(c.toAffine(c.add(c.infinity(), g))).isEqualTo(PairingTest.G1);
        assertThat(c.multiply(g, Bls12381.ORDER).isInfinity()).isTrue();
    }

    @Test
    void nafMultiplicationAndMixedAdditionAgreeWithTheirReferences() {
        Curve<Fp2> c = Bls12381.G2;
        Curve.Jacobian<Fp2> q = c.toJacobian(PairingTest.G2);
        for (int i = 0; i < 20; i++) {
            BigInteger k = new BigInteger(i < 10 ? 256 : 12, random);
            assertThat(c.toAffine(c.multiply(q, k))).isEqualTo(c.toAffine(c.multiplyNaive(q, k)));
            Curve.Jacobian<Fp2> a = c.multiply(q, k);
            Curve.Affine<Fp2> b = PairingTest.g2Times(new BigInteger(64, random));
            assertThat(c.toAffine(c.addAffine(a, b))).isEqualTo(c.toAffine(c.add(a, c.toJacobian(b))));
        }
        Curve.Jacobian<Fp2> a = c.multiply(q, BigInteger.valueOf(3));
        assertThat(c.toAffine(c.addAffine(a, c.toAffine(a)))).isEqualTo(c.toAffine(c.doubled(a)));
        assertThat(c.addAffine(a, c.toAffine(c.negate(a))).isInfinity()).isTrue();
        assertThat(c.toAffine(c.addAffine(c.infinity(), PairingTest.G2))).isEqualTo(PairingTest.G2);
    }

    @Test
    void pippengerAgreesWithOnePairAtATime() {
        for (int n : new int[] {8, 13, 40}) {
            List<Curve.Affine<Fp>> g1 = new ArrayList<>();
            List<Curve.Affine<Fp2>> g2 = new ArrayList<>();
            List<BigInteger> scalars = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                g1.add(i == 3 ? Bls12381.G1.affineInfinity() : PairingTest.g1Times(new BigInteger(64, random)));
                g2.add(PairingTest.g2Times(new BigInteger(64, random)));
                // Full 256-bit scalars (above r, as the EIP allows), a zero, a one, and all ones and repeated 0x80
                // bytes, whose signed window digits borrow from every next window or sit at half the window.
                scalars.add(switch (i) {
                    case 1 -> BigInteger.ZERO;
                    case 2 -> BigInteger.ONE;
                    case 4 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
                    case 5 -> new BigInteger("80".repeat(32), 16);
                    case 6 -> new BigInteger("8421".repeat(16), 16);
                    default -> new BigInteger(256, random);
                });
            }
            assertThat(Bls12381.G1.toAffine(MultiScalarMultiplication.pippenger(Bls12381.G1, g1, scalars)))
                    .isEqualTo(Bls12381.G1.toAffine(MultiScalarMultiplication.naive(Bls12381.G1, g1, scalars)));
            assertThat(Bls12381.G2.toAffine(MultiScalarMultiplication.pippenger(Bls12381.G2, g2, scalars)))
                    .isEqualTo(Bls12381.G2.toAffine(MultiScalarMultiplication.naive(Bls12381.G2, g2, scalars)));
        }
    }

    @Test
    void signedWindowDigitsRecomposeTheScalar() {
        for (int c = 2; c <= 16; c++) {
            for (int i = 0; i < 200; i++) {
                int bits = 1 + random.nextInt(256);
                BigInteger k = i == 0 ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) : new BigInteger(bits, random);
                int[] digits = MultiScalarMultiplication.signedDigits(k, c, MultiScalarMultiplication.windowCount(Math.max(1, k.bitLength()), c));
                BigInteger sum = BigInteger.ZERO;
                for (int w = digits.length - 1; w >= 0; w--) {
                    assertThat(digits[w]).isGreaterThan(-(1 << (c - 1))).isLessThanOrEqualTo(1 << (c - 1));
                    sum = sum.shiftLeft(c).add(BigInteger.valueOf(digits[w]));
                }
                assertThat(sum).as("k = %s, c = %d", k, c).isEqualTo(k);
            }
        }
    }

    @Test
    void endomorphismSplitsAgreeWithOnePairAtATime() {
        BigInteger r = Bls12381.ORDER;
        List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, r.subtract(BigInteger.ONE), r, r.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), Endomorphisms.U_ABS, Endomorphisms.U_ABS.pow(2),
                Endomorphisms.U_ABS.pow(3).subtract(BigInteger.ONE), Endomorphisms.U_ABS.pow(2).multiply(r.subtract(BigInteger.ONE)));
        for (int n : new int[] {1, 1, 2, 3, 7, 70}) {
            List<Curve.Affine<Fp>> g1 = new ArrayList<>();
            List<Curve.Affine<Fp2>> g2 = new ArrayList<>();
            List<BigInteger> scalars = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                g1.add(n == 3 && i == 1 ? Bls12381.G1.affineInfinity() : PairingTest.g1Times(new BigInteger(64, random)));
                g2.add(n == 3 && i == 2 ? Bls12381.G2.affineInfinity() : PairingTest.g2Times(new BigInteger(64, random)));
                scalars.add(random.nextBoolean() ? edges.get(random.nextInt(edges.size())) : new BigInteger(256, random));
            }
            assertThat(MultiScalarMultiplication.g1(g1, scalars)).as("G1, %s", scalars)
                    .isEqualTo(Bls12381.G1.toAffine(MultiScalarMultiplication.naive(Bls12381.G1, g1, scalars)));
            assertThat(MultiScalarMultiplication.g2(g2, scalars)).as("G2, %s", scalars)
                    .isEqualTo(Bls12381.G2.toAffine(MultiScalarMultiplication.naive(Bls12381.G2, g2, scalars)));
        }
        // 70 pairs are 280 short G2 multiplications, enough for the buckets; 140 G1 ones are interleaved.
        assertThat(MultiScalarMultiplication.bucketsAreCheaper(280, 64)).isTrue();
        assertThat(MultiScalarMultiplication.bucketsAreCheaper(8, 64)).isFalse();
        for (BigInteger k : edges) {
            assertThat(MultiScalarMultiplication.g1(List.of(PairingTest.G1), List.of(k)))
                    .isEqualTo(Bls12381.G1.toAffine(Bls12381.G1.multiplyNaive(Bls12381.G1.toJacobian(PairingTest.G1), k)));
            assertThat(MultiScalarMultiplication.g2(List.of(PairingTest.G2), List.of(k)))
                    .isEqualTo(Bls12381.G2.toAffine(Bls12381.G2.multiplyNaive(Bls12381.G2.toJacobian(PairingTest.G2), k)));
        }
    }

    /**
     * The affine buckets add in pairs within a bucket, so repeated points (doublings), a point with its negation
     * (cancellation) and scalars that send everything to one bucket are the cases to get exactly right.
     */
    @Test
    void bucketsAgreeWithTheNaiveSumUnderCollisionsDoublingsAndCancellations() {
        Curve.Affine<Fp> p = PairingTest.g1Times(BigInteger.valueOf(7));
        Curve.Affine<Fp> minusP = new Curve.Affine<>(p.x(), p.y().negate(), false);
        Curve.Affine<Fp> twoP = Bls12381.G1.toAffine(Bls12381.G1.doubled(Bls12381.G1.toJacobian(p)));
        Curve.Affine<Fp2> q = PairingTest.g2Times(BigInteger.valueOf(9));
        Curve.Affine<Fp2> minusQ = new Curve.Affine<>(q.x(), q.y().negate(), false);
        Curve.Affine<Fp2> twoQ = Bls12381.G2.toAffine(Bls12381.G2.doubled(Bls12381.G2.toJacobian(q)));
        for (int round = 0; round < 12; round++) {
            int n = 1 + random.nextInt(90);
            List<Curve.Affine<Fp>> g1 = new ArrayList<>();
            List<Curve.Affine<Fp2>> g2 = new ArrayList<>();
            List<BigInteger> scalars = new ArrayList<>();
            BigInteger shared = new BigInteger(1 + random.nextInt(64), random);
            for (int i = 0; i < n; i++) {
                int pick = round < 4 ? round : random.nextInt(5);
                g1.add(switch (pick) {
                    case 0 -> p;
                    case 1 -> i % 2 == 0 ? p : minusP;
                    case 2 -> twoP;
                    case 3 -> i % 7 == 6 ? Bls12381.G1.affineInfinity() : PairingTest.g1Times(BigInteger.valueOf(i + 2));
                    default -> random.nextBoolean() ? p : minusP;
                });
                g2.add(switch (pick) {
                    case 0 -> q;
                    case 1 -> i % 2 == 0 ? q : minusQ;
                    case 2 -> twoQ;
                    case 3 -> i % 7 == 6 ? Bls12381.G2.affineInfinity() : PairingTest.g2Times(BigInteger.valueOf(i + 2));
                    default -> random.nextBoolean() ? q : minusQ;
                });
                // one shared scalar puts every point into the same bucket of every window; small ones collide often
                scalars.add(round % 2 == 0 ? shared : BigInteger.valueOf(random.nextInt(4)));
            }
            assertThat(Bls12381.G1.toAffine(MultiScalarMultiplication.pippenger(Bls12381.G1, g1, scalars))).as("G1 %s %s", round, scalars)
                    .isEqualTo(Bls12381.G1.toAffine(MultiScalarMultiplication.naive(Bls12381.G1, g1, scalars)));
            assertThat(Bls12381.G2.toAffine(MultiScalarMultiplication.pippenger(Bls12381.G2, g2, scalars))).as("G2 %s %s", round, scalars)
                    .isEqualTo(Bls12381.G2.toAffine(MultiScalarMultiplication.naive(Bls12381.G2, g2, scalars)));
        }
    }

    @Test
    void mappedPointsLieInTheSubgroupButThePreCofactorPointsDoNot() {
        for (int i = 0; i < 5; i++) {
            Fp u = Fp.of(new BigInteger(381, random));
            Curve.Affine<Fp> beforeCofactor = MapToCurve.G1.isogeny(MapToCurve.G1.simplifiedSwu(u));
            assertThat(Bls12381.G1.isOnCurve(beforeCofactor)).isTrue();
            assertThat(Bls12381.G1.isInSubgroup(beforeCofactor)).isFalse();
            Curve.Affine<Fp> mapped = MapToCurve.G1.map(u);
            assertThat(Bls12381.G1.isOnCurve(mapped)).isTrue();
            assertThat(Bls12381.G1.isInSubgroup(mapped)).isTrue();

            Fp2 u2 = new Fp2(Fp.of(new BigInteger(381, random)), Fp.of(new BigInteger(381, random)));
            Curve.Affine<Fp2> beforeCofactor2 = MapToCurve.G2.isogeny(MapToCurve.G2.simplifiedSwu(u2));
            assertThat(Bls12381.G2.isOnCurve(beforeCofactor2)).isTrue();
            assertThat(Bls12381.G2.isInSubgroup(beforeCofactor2)).isFalse();
            Curve.Affine<Fp2> mapped2 = MapToCurve.G2.map(u2);
            assertThat(Bls12381.G2.isOnCurve(mapped2)).isTrue();
            assertThat(Bls12381.G2.isInSubgroup(mapped2)).isTrue();
        }
        // u = 0 takes the exceptional branch of simplified SWU and still lands on the curve.
        assertThat(Bls12381.G1.isOnCurve(MapToCurve.G1.map(Fp.ZERO))).isTrue();
        assertThat(Bls12381.G2.isOnCurve(MapToCurve.G2.map(Fp2.ZERO))).isTrue();
    }
}
