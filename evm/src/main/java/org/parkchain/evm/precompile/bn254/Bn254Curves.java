package org.parkchain.evm.precompile.bn254;

import java.math.BigInteger;
import org.parkchain.evm.precompile.ec.Curve;

/** BN254's curves: G1's y² = x³ + 3 over F_p (cofactor 1) and G2's D-type twist y² = x³ + 3/(9 + i) over F_p2. */
final class Bn254Curves {
    static final BigInteger ORDER = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    static final Curve<Fp> G1 = new Curve<>(Fp.ZERO, Fp.ONE, Fp.of(3), ORDER);
    static final Curve<Fp2> G2 = new Curve<>(Fp2.ZERO, Fp2.ONE, Fp2.of(3, 0).multiply(Fp2.XI.inverse()), ORDER);

    private Bn254Curves() {}
}
