package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.ec.Curve;

/** The endomorphism shortcuts against the definitions they replace: r·P = O, and h_eff·P. */
class EndomorphismsTest {
    private static final BigInteger G2_COFACTOR = new BigInteger(
            "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551", 16);
    private final Random random = new Random(381);

    @Test
    void betaIsACubeRootOfUnity() {
        assertThat(Endomorphisms.BETA.square().multiply(Endomorphisms.BETA)).isEqualTo(Fp.ONE);
        assertThat(Endomorphisms.BETA).isNotEqualTo(Fp.ONE);
    }

    @Test
    void g1CheckAgreesWithMultiplicationByTheOrder() {
        assertThat(Endomorphisms.inG1(PairingTest.G1)).isTrue();
        assertThat(Endomorphisms.inG1(Bls12381.G1.affineInfinity())).isTrue();
        for (int i = 0; i < 20; i++) {
            Curve.Affine<Fp> raw = MapToCurve.G1.isogeny(MapToCurve.G1.simplifiedSwu(Fp.of(new BigInteger(381, random))));
            assertThat(Endomorphisms.inG1(raw)).isEqualTo(Bls12381.G1.isInSubgroup(raw)).isFalse();
            Curve.Affine<Fp> member = PairingTest.g1Times(new BigInteger(255, random));
            assertThat(Endomorphisms.inG1(member)).isTrue();
            // A subgroup point plus a small-order component is on the curve but outside G1.
            Curve.Affine<Fp> mixed = Bls12381.G1.toAffine(Bls12381.G1.add(Bls12381.G1.toJacobian(member), Bls12381.G1.toJacobian(raw)));
            assertThat(Endomorphisms.inG1(mixed)).isEqualTo(Bls12381.G1.isInSubgroup(mixed));
        }
    }

    @Test
    void g2CheckAgreesWithMultiplicationByTheOrder() {
        assertThat(Endomorphisms.inG2(PairingTest.G2)).isTrue();
        for (int i = 0; i < 10; i++) {
            Fp2 u = new Fp2(Fp.of(new BigInteger(381, random)), Fp.of(new BigInteger(381, random)));
            Curve.Affine<Fp2> raw = MapToCurve.G2.isogeny(MapToCurve.G2.simplifiedSwu(u));
            assertThat(Endomorphisms.inG2(raw)).isEqualTo(Bls12381.G2.isInSubgroup(raw)).isFalse();
            Curve.Affine<Fp2> member = PairingTest.g2Times(new BigInteger(255, random));
            assertThat(Endomorphisms.inG2(member)).isTrue();
        }
    }

    @Test
    void g2CofactorClearingEqualsMultiplicationByHEff() {
        for (int i = 0; i < 5; i++) {
            Fp2 u = new Fp2(Fp.of(new BigInteger(381, random)), Fp.of(new BigInteger(381, random)));
            Curve.Jacobian<Fp2> raw = Bls12381.G2.toJacobian(MapToCurve.G2.isogeny(MapToCurve.G2.simplifiedSwu(u)));
            assertThat(Bls12381.G2.toAffine(Endomorphisms.clearG2Cofactor(raw)))
                    .isEqualTo(Bls12381.G2.toAffine(Bls12381.G2.multiply(raw, G2_COFACTOR)));
        }
    }
}
