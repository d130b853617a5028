package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Montgomery-limb field and its extensions against plain BigInteger arithmetic and the fields' definitions. */
class FieldArithmeticTest {
    private static final BigInteger P = Fp.P;
    private final Random random = new Random(2537);

    private BigInteger randomBelowP() {
        return new BigInteger(381, random).mod(P);
    }

    private Fp2 randomFp2() {
        return new Fp2(Fp.of(randomBelowP()), Fp.of(randomBelowP()));
    }

    private Fp12 randomFp12() {
        Fp2[] c = new Fp2[6];
        for (int k = 0; k < 6; k++) c[k] = randomFp2();
        return new Fp12(c);
    }

    private static final java.util.Random RANDOM_FOR_POW = new java.util.Random(381);

    @Test
    void montgomeryArithmeticAgreesWithBigIntegerModP() {
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(380), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = i < edges.length ? edges[i] : randomBelowP();
            BigInteger b = i < edges.length ? edges[edges.length - 1 - i] : randomBelowP();
            Fp x = Fp.of(a), y = Fp.of(b);
            assertThat(x.toBigInteger()).isEqualTo(a);
            assertThat(x.multiply(y).toBigInteger()).isEqualTo(a.multiply(b).mod(P));
            assertThat(x.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
            assertThat(x.add(y).toBigInteger()).isEqualTo(a.add(b).mod(P));
            assertThat(x.subtract(y).toBigInteger()).isEqualTo(a.subtract(b).mod(P));
            assertThat(x.negate().toBigInteger()).isEqualTo(a.negate().mod(P));
            if (a.signum() != 0) assertThat(x.inverse().toBigInteger()).isEqualTo(a.modInverse(P));
            if (i < 100) {
                BigInteger e = i < 20 ? BigInteger.valueOf(i) : new BigInteger(i % 2 == 0 ? 381 : 70, RANDOM_FOR_POW);
                assertThat(x.pow(e).toBigInteger()).as("%s^%s", a, e).isEqualTo(a.modPow(e, P));
            }
        }
        assertThat(Fp.ZERO.inverse()).isEqualTo(Fp.ZERO);
    }

    @Test
    void bytesRoundTripAndValuesFromPUpAreRefused() {
        for (int i = 0; i < 200; i++) {
            BigInteger a = i == 0 ? P.subtract(BigInteger.ONE) : randomBelowP();
            byte[] bytes = new byte[48];
            Fp.of(a).toBytes(bytes, 0);
            assertThat(new BigInteger(1, bytes)).isEqualTo(a);
            assertThat(Fp.fromBytes(bytes, 0)).isEqualTo(Fp.of(a));
            assertThat(Fp.of(a).sgn0()).isEqualTo(a.testBit(0));
        }
        byte[] p = new byte[48];
        byte[] raw = P.toByteArray();
        System.arraycopy(raw, raw.length - 48, p, 0, 48);
        assertThat(Fp.fromBytes(p, 0)).isNull();
    }

    @Test
    void squareRootsAndSquarenessInFpAndFp2() {
        for (int i = 0; i < 50; i++) {
            Fp a = Fp.of(randomBelowP());
            Fp square = a.square();
            assertThat(square.isSquare()).isTrue();
            assertThat(square.sqrt().square()).isEqualTo(square);
            Fp2 b = randomFp2();
            Fp2 square2 = b.square();
            assertThat(square2.isSquare()).isTrue();
            assertThat(square2.sqrt().square()).isEqualTo(square2);
        }
        // -1 is not a square in F_p (p ≡ 3 mod 4), and ξ = 1 + i is not a square in F_p2 (it builds F_p12).
        assertThat(Fp.ONE.negate().isSquare()).isFalse();
        assertThat(Fp2.XI.isSquare()).isFalse();
        // The root of a non-square is some element that does not square back (the hash to curve relies on it).
        for (int i = 0; i < 50; i++) {
            Fp nonSquare = Fp.of(randomBelowP()).square().negate();
            if (!nonSquare.isZero()) assertThat(nonSquare.sqrt().square()).isNotEqualTo(nonSquare);
            Fp2 nonSquare2 = randomFp2().square().multiply(Fp2.XI);
            if (!nonSquare2.isZero()) assertThat(nonSquare2.sqrt().square()).isNotEqualTo(nonSquare2);
        }
        // sgn0 of c0 + c1·i looks at c1 only when c0 is zero.
        assertThat(Fp2.of(0, 1).sgn0()).isTrue();
        assertThat(Fp2.of(2, 1).sgn0()).isFalse();
    }

    @Test
    void fp2IsTheQuadraticExtensionByTheSquareRootOfMinusOne() {
        Fp2 i = Fp2.of(0, 1);
        assertThat(i.square()).isEqualTo(Fp2.ONE.negate());
        for (int n = 0; n < 50; n++) {
            Fp2 a = randomFp2(), b = randomFp2();
            // Karatsuba against the schoolbook (a0 + a1 i)(b0 + b1 i).
            Fp re = a.c0().multiply(b.c0()).subtract(a.c1().multiply(b.c1()));
            Fp im = a.c0().multiply(b.c1()).add(a.c1().multiply(b.c0()));
            assertThat(a.multiply(b)).isEqualTo(new Fp2(re, im));
            assertThat(a.square()).isEqualTo(a.multiply(a));
            assertThat(a.multiply(a.inverse())).isEqualTo(Fp2.ONE);
            assertThat(a.multiplyByXi()).isEqualTo(a.multiply(Fp2.XI));
            assertThat(a.pow(P)).isEqualTo(a.conjugate());
        }
    }

    @Test
    void fp12InverseFrobeniusAndConjugationMatchTheirDefinitions() {
        for (int n = 0; n < 5; n++) {
            Fp12 f = randomFp12(), g = randomFp12();
            assertThat(f.multiply(g)).isEqualTo(f.multiplySchoolbook(g));
            assertThat(f.square()).isEqualTo(f.multiplySchoolbook(f));
            assertThat(f.multiply(f.inverse())).isEqualTo(Fp12.ONE);
            assertThat(f.multiply(g)).isEqualTo(g.multiply(f));
            assertThat(f.frobenius()).isEqualTo(f.pow(P));
            assertThat(f.conjugate()).isEqualTo(f.pow(P.pow(6)));
            Fp2 a = randomFp2(), b = randomFp2(), d = randomFp2();
            Fp12 line = new Fp12(new Fp2[] {a, Fp2.ZERO, Fp2.ZERO, b, Fp2.ZERO, d});
            assertThat(f.multiplyByLine(a, b, d)).isEqualTo(f.multiplySchoolbook(line));
        }
    }

    @Test
    void cyclotomicSquaringMatchesSquaringOnTheCyclotomicSubgroup() {
        for (int n = 0; n < 5; n++) {
            Fp12 f = randomFp12();
            // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
            Fp12 g = f.conjugate().multiply(f.inverse());
            g = g.frobenius().frobenius().multiply(g);
            assertThat(g.cyclotomicSquare()).isEqualTo(g.square());
            assertThat(f.cyclotomicSquare()).isNotEqualTo(f.square());
        }
    }
    /**
     * The dedicated Montgomery squaring against the general product and BigInteger, on values whose limbs are all
     * ones or zeros (every carry chain taken or none), p - 1 and random values.
     */
    @Test
    void dedicatedSquaringAgreesWithTheProductAndBigInteger() {
        java.util.List<BigInteger> values = new java.util.ArrayList<>(java.util.List.of(BigInteger.ZERO, BigInteger.ONE,
                P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO), P.shiftRight(1)));
        for (int k = 0; k < 381; k += 7) {
            values.add(BigInteger.ONE.shiftLeft(k));
            values.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
            values.add(P.subtract(BigInteger.ONE.shiftLeft(k)));
        }
        for (int i = 0; i < 5_000; i++) values.add(randomBelowP());
        for (BigInteger a : values) {
            Fp x = Fp.of(a);
            assertThat(x.square()).as("%s²", a).isEqualTo(x.squareByProduct());
            assertThat(x.square().toBigInteger()).isEqualTo(a.multiply(a).mod(P));
            // Raw Montgomery-form limbs near p: values whose Montgomery form itself is all ones at the top.
            Fp raw = Fp.of(Fp.fromMontgomery(P.subtract(BigInteger.ONE.add(a.mod(BigInteger.valueOf(1_000))))));
            assertThat(raw.square()).isEqualTo(raw.squareByProduct());
        }
    }
    /**
     * F_p2's lazily reduced product against Karatsuba on reduced products and against BigInteger, with components
     * 0, 1, p - 1 and p - 2 (largest products, and a0b0 - a1b1 of both signs) as well as random ones.
     */
    @Test
    void lazyFp2ProductAgreesWithReducedProductsAndBigInteger() {
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO)};
        java.util.List<Fp2> values = new java.util.ArrayList<>();
        for (BigInteger x : edges) for (BigInteger y : edges) values.add(new Fp2(Fp.of(x), Fp.of(y)));
        for (int i = 0; i < 400; i++) values.add(randomFp2());
        for (int i = 0; i < values.size(); i++) {
            Fp2 a = values.get(i), b = values.get((i * 7 + 3) % values.size());
            Fp2 product = a.multiply(b);
            assertThat(product).as("%s · %s", a, b).isEqualTo(a.multiplyReduced(b));
            BigInteger a0 = a.c0().toBigInteger(), a1 = a.c1().toBigInteger(), b0 = b.c0().toBigInteger(), b1 = b.c1().toBigInteger();
            assertThat(product.c0().toBigInteger()).isEqualTo(a0.multiply(b0).subtract(a1.multiply(b1)).mod(P));
            assertThat(product.c1().toBigInteger()).isEqualTo(a0.multiply(b1).add(a1.multiply(b0)).mod(P));
        }
    }
}
