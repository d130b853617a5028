package org.parkchain.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.precompile.ec.Curve;

/** The endomorphism test for G2 membership against the definition [r]Q = O, on points in and out of G2. */
class G2SubgroupTest {
    private static final Curve<Fp2> G2 = Bn254Curves.G2;
    private static final BigInteger P = Fp.P, R = Bn254Curves.ORDER;
    /** The twist has r·(2p - r) points. */
    private static final BigInteger COFACTOR = P.shiftLeft(1).subtract(R);
    private final Random random = new Random(2022);

    private Curve.Jacobian<Fp2> randomTwistPoint() {
        while (true) {
            Fp2 x = new Fp2(Fp.of(new BigInteger(256, random)), Fp.of(new BigInteger(256, random)));
            Fp2 rhs = x.square().multiply(x).add(G2.b());
            if (rhs.isSquare()) return G2.toJacobian(new Curve.Affine<>(x, rhs.sqrt(), false));
        }
    }

    private static void assertAgreesWithDefinition(Curve.Jacobian<Fp2> point, boolean expected) {
        Curve.Affine<Fp2> q = G2.toAffine(point);
        assertThat(G2.isOnCurve(q)).isTrue();
        assertThat(G2.isInSubgroup(q)).isEqualTo(expected);
        assertThat(G2Subgroup.contains(q)).isEqualTo(expected);
    }

    @Test
    void psiActsOnG2AsMultiplicationByP() {
        BigInteger u = Pairing.U;
        BigInteger remainder = u.add(BigInteger.ONE).add(P.multiply(u)).add(P.pow(2).multiply(u))
                .subtract(u.shiftLeft(1).multiply(P.pow(3))).mod(R);
        assertThat(remainder).isZero();
        Curve.Jacobian<Fp2> q = G2.multiply(randomTwistPoint(), COFACTOR);
        assertThat(G2.toAffine(G2Subgroup.psi(q))).isEqualTo(G2.toAffine(G2.multiply(q, P.mod(R))));
    }

    @Test
    void acceptsExactlyThePointsOfOrderR() {
        for (int i = 0; i < 8; i++) {
            Curve.Jacobian<Fp2> any = randomTwistPoint();
            Curve.Jacobian<Fp2> inG2 = G2.multiply(any, COFACTOR);
            Curve.Jacobian<Fp2> smallOrder = G2.multiply(randomTwistPoint(), R);
            assertAgreesWithDefinition(any, false);
            assertAgreesWithDefinition(inG2, true);
            assertAgreesWithDefinition(G2.add(inG2, smallOrder), false);
            assertAgreesWithDefinition(G2.negate(inG2), true);
        }
        assertThat(G2Subgroup.contains(G2.affineInfinity())).isTrue();
    }
}
