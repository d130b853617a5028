package org.parkchain.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.ec.Curve;

/** BN254's Montgomery-limb tower against BigInteger arithmetic and the definitions. */
class Bn254FieldAndPairingTest {
    private static final BigInteger P = Fp.P;
    private final Random random = new Random(254);
    private static final Curve.Affine<Fp> G1 = new Curve.Affine<>(Fp.of(1), Fp.of(2), false);
    /** EIP-197's G2 generator. */
    private static final Curve.Affine<Fp2> G2 = new Curve.Affine<>(
            Fp2.of(new BigInteger("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed", 16),
                    new BigInteger("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2", 16)),
            Fp2.of(new BigInteger("12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa", 16),
                    new BigInteger("090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b", 16)),
            false);

    private static Fp12 pairing(Curve.Affine<Fp> p, Curve.Affine<Fp2> q) {
        return Pairing.finalExponentiation(Pairing.millerLoop(java.util.List.of(new Pairing.Pair(p, q))));
    }

    private static <F extends org.parkchain.evm.precompile.ec.FieldElement<F>> Curve.Affine<F> times(
            Curve<F> curve, Curve.Affine<F> point, BigInteger k) {
        return curve.toAffine(curve.multiply(curve.toJacobian(point), k));
    }

    @Test
    void millerStepsMoveTAsTheCurveDoes() {
        Curve<Fp2> c = Bn254Curves.G2;
        for (int i = 0; i < 5; i++) {
            Curve.Affine<Fp2> q = times(c, G2, new BigInteger(250, random));
            Pairing.MillerPair pair = new Pairing.MillerPair(new Pairing.Pair(G1, q));
            Curve.Jacobian<Fp2> expected = c.toJacobian(q);
            for (int step = 0; step < 6; step++) {
                pair.doublingStep(Fp12.ONE);
                expected = c.doubled(expected);
                assertThat(pair.t()).isEqualTo(c.toAffine(expected));
                pair.additionStep(Fp12.ONE, q);
                expected = c.addAffine(expected, q);
                assertThat(pair.t()).isEqualTo(c.toAffine(expected));
            }
        }
    }

    @Test
    void pairingIsBilinearAndNonDegenerate() {
        Fp12 base = pairing(G1, G2);
        assertThat(base.isOne()).isFalse();
        assertThat(base.pow(Bn254Curves.ORDER).isOne()).isTrue();
        for (int i = 0; i < 3; i++) {
            BigInteger a = new BigInteger(64, random), b = new BigInteger(64, random);
            Fp12 e = pairing(times(Bn254Curves.G1, G1, a), times(Bn254Curves.G2, G2, b));
            assertThat(e).isEqualTo(base.pow(a.multiply(b)));
        }
    }

    private Fp2 randomFp2() {
        return new Fp2(Fp.of(new BigInteger(256, random)), Fp.of(new BigInteger(256, random)));
    }

    private Fp12 randomFp12() {
        Fp2[] c = new Fp2[6];
        for (int k = 0; k < 6; k++) c[k] = randomFp2();
        return new Fp12(c);
    }

    @Test
    void montgomeryArithmeticAgreesWithBigIntegerModP() {
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = i == 0 ? P.subtract(BigInteger.ONE) : new BigInteger(256, random).mod(P);
            BigInteger b = i == 1 ? P.subtract(BigInteger.ONE) : new BigInteger(256, random).mod(P);
            Fp x = Fp.of(a), y = Fp.of(b);
            assertThat(x.toBigInteger()).isEqualTo(a);
            assertThat(x.multiply(y).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
            assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(P));
            assertThat(x.subtract(y).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
            if (a.signum() != 0) assertThat(x.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
            byte[] bytes = new byte[32];
            x.toBytes(bytes, 0);
            assertThat(Fp.fromBytes(bytes, 0)).isEqualTo(x);
        }
    }

    /** Values whose limbs sit at carry and borrow boundaries, where a wrong carry chain shows. */
    @Test
    void carryChainsAgreeWithBigIntegerAtLimbBoundaries() {
        java.util.List<BigInteger> values = new java.util.ArrayList<>();
        BigInteger one = BigInteger.ONE;
        for (int bits : new int[] {0, 64, 128, 192, 253}) {
            BigInteger power = one.shiftLeft(bits);
            values.add(power);
            values.add(power.subtract(one));
            values.add(P.subtract(power));
        }
        values.add(P.subtract(BigInteger.TWO));
        values.add(P.shiftRight(1));
        values.add(P.shiftRight(1).add(one));
        values.add(BigInteger.ZERO);
        for (BigInteger a : values) {
            BigInteger am = a.mod(P);
            Fp x = Fp.of(a);
            assertThat(x.toBigInteger()).isEqualTo(am);
            assertThat(x.negate().toBigInteger()).isEqualTo(am.negate().mod(P));
            assertThat(x.halve().add(x.halve())).isEqualTo(x);
            assertThat(x.halve().toBigInteger()).isEqualTo(am.multiply(BigInteger.TWO.modInverse(P)).mod(P));
            for (BigInteger b : values) {
                BigInteger bm = b.mod(P);
                Fp y = Fp.of(b);
                assertThat(x.add(y).toBigInteger()).as("%s + %s", a, b).isEqualTo(am.add(bm).mod(P));
                assertThat(x.subtract(y).toBigInteger()).as("%s - %s", a, b).isEqualTo(am.subtract(bm).mod(P));
                assertThat(x.multiply(y).toBigInteger()).as("%s * %s", a, b).isEqualTo(am.multiply(bm).mod(P));
            }
        }
    }

    @Test
    void towerMatchesItsDefinitions() {
        Fp2 a = randomFp2();
        assertThat(a.multiplyByXi()).isEqualTo(a.multiply(Fp2.XI));
        for (int n = 0; n < 3; n++) {
            Fp12 f = randomFp12(), g = randomFp12();
            assertThat(f.multiply(g)).isEqualTo(f.multiplySchoolbook(g));
            assertThat(f.square()).isEqualTo(f.multiplySchoolbook(f));
            assertThat(f.multiply(f.inverse())).isEqualTo(Fp12.ONE);
            assertThat(f.frobenius()).isEqualTo(f.pow(P));
            Fp2 x = randomFp2(), y = randomFp2(), z = randomFp2();
            Fp12 line = new Fp12(new Fp2[] {x, y, Fp2.ZERO, z, Fp2.ZERO, Fp2.ZERO});
            assertThat(f.multiplyByLine(x, y, z)).isEqualTo(f.multiplySchoolbook(line));
            Fp12 cyclotomic = f.conjugate().multiply(f.inverse());
            cyclotomic = cyclotomic.frobenius().frobenius().multiply(cyclotomic);
            assertThat(cyclotomic.cyclotomicSquare()).isEqualTo(cyclotomic.square());
        }
    }

    /** m = 2u(6u² + 3u + 1), the multiple of the hard exponent that the final exponentiation raises to. */
    private static BigInteger hardPartMultiple() {
        BigInteger u = Pairing.U;
        return u.shiftLeft(1).multiply(u.pow(2).multiply(BigInteger.valueOf(6)).add(u.multiply(BigInteger.valueOf(3)))
                .add(BigInteger.ONE));
    }

    @Test
    void hardPartCoefficientsSumToAMultipleOfTheHardExponentPrimeToR() {
        BigInteger u = Pairing.U, p = P, r = Bn254Curves.ORDER;
        BigInteger base = u.pow(3).multiply(BigInteger.valueOf(12)).add(u.pow(2).multiply(BigInteger.valueOf(6)))
                .add(u.multiply(BigInteger.valueOf(4)));
        BigInteger l0 = base.add(u.pow(2).multiply(BigInteger.valueOf(6))).add(u.multiply(BigInteger.TWO)).add(BigInteger.ONE);
        BigInteger l1 = base;
        BigInteger l2 = base.add(u.multiply(BigInteger.TWO));
        BigInteger l3 = base.subtract(BigInteger.ONE);
        BigInteger sum = l0.add(l1.multiply(p)).add(l2.multiply(p.pow(2))).add(l3.multiply(p.pow(3)));
        BigInteger hard = p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE).divide(r);
        assertThat(sum).isEqualTo(hard.multiply(hardPartMultiple()));
        assertThat(hardPartMultiple().gcd(r)).isEqualTo(BigInteger.ONE);
    }

    @Test
    void fastFinalExponentiationMatchesTheDefinition() {
        BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(Bn254Curves.ORDER);
        for (int i = 0; i < 2; i++) {
            Fp12 f = randomFp12();
            Fp12 exact = f.pow(exponent);
            assertThat(Pairing.finalExponentiation(f)).isEqualTo(exact.pow(hardPartMultiple()));
            assertThat(exact.pow(Bn254Curves.ORDER).isOne()).isTrue();
        }
    }

    @Test
    void nafDigitsRebuildTheScalar() {
        for (int width : new int[] {2, 4}) {
            for (BigInteger k : new BigInteger[] {Pairing.U, Pairing.LOOP, new BigInteger(64, random).setBit(0)}) {
                int[] digits = Curve.naf(k, width);
                BigInteger sum = BigInteger.ZERO;
                for (int i = digits.length - 1; i >= 0; i--) {
                    sum = sum.shiftLeft(1).add(BigInteger.valueOf(digits[i]));
                    if (digits[i] == 0) continue;
                    assertThat(Math.abs(digits[i]) % 2).isEqualTo(1);
                    assertThat(Math.abs(digits[i])).isLessThan(1 << (width - 1));
                    for (int j = Math.max(0, i - width + 1); j < i; j++) assertThat(digits[j]).isZero();
                }
                assertThat(sum).isEqualTo(k);
                assertThat(digits[digits.length - 1]).isPositive();
            }
        }
    }

    @Test
    void powerByUMatchesPowInTheCyclotomicSubgroup() {
        Fp12 f = randomFp12();
        Fp12 cyclotomic = f.conjugate().multiply(f.inverse());
        cyclotomic = cyclotomic.frobenius().frobenius().multiply(cyclotomic);
        assertThat(Pairing.powU(cyclotomic)).isEqualTo(cyclotomic.pow(Pairing.U));
    }

    @Test
    void g2PointsOnTheTwistButOutsideTheSubgroupAreRefused() {
        for (long x = 1; x < 40; x++) {
            Fp2 fx = Fp2.of(x, 0);
            Fp2 rhs = fx.square().multiply(fx).add(Bn254Curves.G2.b());
            if (!rhs.isSquare()) continue;
            Fp2 y = rhs.sqrt();
            org.parkchain.evm.precompile.ec.Curve.Affine<Fp2> q = new org.parkchain.evm.precompile.ec.Curve.Affine<>(fx, y, false);
            assertThat(Bn254Curves.G2.isOnCurve(q)).isTrue();
            assertThat(Bn254Curves.G2.isInSubgroup(q)).isFalse();
            byte[] input = new byte[192];
            input[31] = 1;
            input[63] = 2; // G1 generator (1, 2)
            // x = 0·i + x, y = y.c1·i + y.c0, imaginary parts first
            byte[] xb = new byte[32], y0 = new byte[32], y1 = new byte[32];
            fx.c0().toBytes(xb, 0);
            y.c0().toBytes(y0, 0);
            y.c1().toBytes(y1, 0);
            System.arraycopy(xb, 0, input, 96, 32);
            System.arraycopy(y1, 0, input, 128, 32);
            System.arraycopy(y0, 0, input, 160, 32);
            assertThat(Bn254Arithmetic.pairingCheck(input)).isEmpty();
            return;
        }
        throw new AssertionError("no twist point found");
    }
}
