package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.ec.Curve;

class PairingTest {
    static final Curve.Affine<Fp> G1 = new Curve.Affine<>(
            Fp.of(new BigInteger("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb", 16)),
            Fp.of(new BigInteger("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1", 16)),
            false);
    static final Curve.Affine<Fp2> G2 = new Curve.Affine<>(
            Fp2.of(new BigInteger("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8", 16),
                    new BigInteger("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e", 16)),
            Fp2.of(new BigInteger("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801", 16),
                    new BigInteger("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be", 16)),
            false);
    private static final BigInteger U = BigInteger.valueOf(Pairing.U_ABS).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).negate();
    private final Random random = new Random(7);

    static Curve.Affine<Fp> g1Times(BigInteger k) {
        return Bls12381.G1.toAffine(Bls12381.G1.multiply(Bls12381.G1.toJacobian(G1), k));
    }

    static Curve.Affine<Fp2> g2Times(BigInteger k) {
        return Bls12381.G2.toAffine(Bls12381.G2.multiply(Bls12381.G2.toJacobian(G2), k));
    }

    @Test
    void theGeneratorsLieInTheirSubgroups() {
        assertThat(Bls12381.G1.isOnCurve(G1)).isTrue();
        assertThat(Bls12381.G2.isOnCurve(G2)).isTrue();
        assertThat(Bls12381.G1.isInSubgroup(G1)).isTrue();
        assertThat(Bls12381.G2.isInSubgroup(G2)).isTrue();
    }

    @Test
    void theHardPartDecompositionEqualsThreeTimesTheHardExponent() {
        BigInteger p = Fp.P, r = Bls12381.ORDER, one = BigInteger.ONE;
        BigInteger hard = p.pow(4).subtract(p.pow(2)).add(one);
        assertThat(hard.mod(r)).isZero();
        BigInteger decomposed = U.subtract(one).pow(2).multiply(U.add(p)).multiply(U.pow(2).add(p.pow(2)).subtract(one))
                .add(BigInteger.valueOf(3));
        assertThat(decomposed).isEqualTo(hard.divide(r).multiply(BigInteger.valueOf(3)));
        assertThat(r).isEqualTo(U.pow(4).subtract(U.pow(2)).add(one));
    }

    @Test
    void fastFinalExponentiationIsTheCubeOfTheDefinition() {
        BigInteger exponent = Fp.P.pow(12).subtract(BigInteger.ONE).divide(Bls12381.ORDER).multiply(BigInteger.valueOf(3));
        Fp12 f = Pairing.millerLoop(List.of(new Pairing.Pair(G1, G2)));
        assertThat(Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
    }

    @Test
    void pairingIsBilinearAndNonDegenerate() {
        BigInteger a = new BigInteger(255, random), b = new BigInteger(255, random);
        Curve.Affine<Fp> aG1 = g1Times(a);
        Curve.Affine<Fp2> bG2 = g2Times(b);
        Curve.Affine<Fp> minusAbG1 = g1Times(Bls12381.ORDER.subtract(a.multiply(b).mod(Bls12381.ORDER)));
        // e(aP, bQ) · e(-abP, Q) = 1
        assertThat(Pairing.productIsOne(List.of(new Pairing.Pair(aG1, bG2), new Pairing.Pair(minusAbG1, G2)))).isTrue();
        // e(P, Q) ≠ 1, and e(aP, bQ) · e(-abP + P, Q) = e(P, Q) ≠ 1
        assertThat(Pairing.productIsOne(List.of(new Pairing.Pair(G1, G2)))).isFalse();
        Curve.Affine<Fp> off = Bls12381.G1.toAffine(Bls12381.G1.add(Bls12381.G1.toJacobian(minusAbG1), Bls12381.G1.toJacobian(G1)));
        assertThat(Pairing.productIsOne(List.of(new Pairing.Pair(aG1, bG2), new Pairing.Pair(off, G2)))).isFalse();
        // Infinity on either side contributes 1.
        assertThat(Pairing.productIsOne(List.of(new Pairing.Pair(Bls12381.G1.affineInfinity(), G2)))).isTrue();
        assertThat(Pairing.productIsOne(List.of(new Pairing.Pair(G1, Bls12381.G2.affineInfinity())))).isTrue();
    }
}
