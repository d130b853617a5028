package org.parkchain.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BN254's Montgomery-limb tower against BigInteger arithmetic and the definitions. */
class Bn254FieldAndPairingTest {
    private static final BigInteger P = Fp.P;
    private final Random random = new Random(254);

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

    @Test
    void hardPartCoefficientsSumToTheHardExponent() {
        BigInteger u = Pairing.U, p = P, r = Bn254Curves.ORDER;
        BigInteger l0 = u.pow(3).multiply(BigInteger.valueOf(-36)).subtract(u.pow(2).multiply(BigInteger.valueOf(30)))
                .subtract(u.multiply(BigInteger.valueOf(18))).subtract(BigInteger.TWO);
        BigInteger l1 = u.pow(3).multiply(BigInteger.valueOf(-36)).subtract(u.pow(2).multiply(BigInteger.valueOf(18)))
                .subtract(u.multiply(BigInteger.valueOf(12))).add(BigInteger.ONE);
        BigInteger l2 = u.pow(2).multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
        BigInteger sum = l0.add(l1.multiply(p)).add(l2.multiply(p.pow(2))).add(p.pow(3));
        assertThat(sum).isEqualTo(p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE).divide(r));
    }

    @Test
    void fastFinalExponentiationMatchesTheDefinition() {
        Fp12 f = randomFp12();
        BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(Bn254Curves.ORDER);
        assertThat(Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
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
