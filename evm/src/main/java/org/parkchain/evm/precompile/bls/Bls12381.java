package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import org.parkchain.evm.precompile.ec.Curve;

/** BLS12-381's two curves: G1's y² = x³ + 4 over F_p and G2's M-type twist y² = x³ + 4(1 + i) over F_p2. */
final class Bls12381 {
    /** The order r of the prime subgroups G1 and G2. */
    static final BigInteger ORDER = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    static final Curve<Fp> G1 = new Curve<>(Fp.ZERO, Fp.ONE, Fp.of(4), ORDER);
    static final Curve<Fp2> G2 = new Curve<>(Fp2.ZERO, Fp2.ONE, Fp2.of(4, 4), ORDER);

    private Bls12381() {}
}
