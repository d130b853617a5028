package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * Σ k_i·P_i. Few pairs: one double-and-add per pair. Many pairs: Pippenger's bucket method, which EIP-2537's
 * discount table assumes: scalars are cut into c-bit windows; per window each point is added once into the bucket
 * of its digit, and the buckets are summed with two running sums (Σ j·B_j in 2·2^c additions); between windows
 * the total is doubled c times. The naive form is kept as the reference the bucket method is tested against.
 */
final class MultiScalarMultiplication {
    private static final int SCALAR_BITS = 256;
    private static final int PIPPENGER_FROM = 8;

    private MultiScalarMultiplication() {}

    static <F extends FieldElement<F>> Curve.Affine<F> sum(Curve<F> curve, List<Curve.Affine<F>> points, List<BigInteger> scalars) {
        return curve.toAffine(points.size() < PIPPENGER_FROM
                ? naive(curve, points, scalars)
                : pippenger(curve, points, scalars));
    }

    static <F extends FieldElement<F>> Curve.Jacobian<F> naive(Curve<F> curve, List<Curve.Affine<F>> points, List<BigInteger> scalars) {
        Curve.Jacobian<F> total = curve.infinity();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).infinity() || scalars.get(i).signum() == 0) continue;
            total = curve.add(total, curve.multiply(curve.toJacobian(points.get(i)), scalars.get(i)));
        }
        return total;
    }

    static <F extends FieldElement<F>> Curve.Jacobian<F> pippenger(Curve<F> curve, List<Curve.Affine<F>> points, List<BigInteger> scalars) {
        int n = points.size();
        int c = windowBits(n);
        @SuppressWarnings("unchecked")
        Curve.Jacobian<F>[] buckets = new Curve.Jacobian[(1 << c) - 1];
        Curve.Jacobian<F> total = curve.infinity();
        for (int window = (SCALAR_BITS + c - 1) / c - 1; window >= 0; window--) {
            for (int i = 0; i < c; i++) total = curve.doubled(total);
            Arrays.fill(buckets, curve.infinity());
            for (int i = 0; i < n; i++) {
                int digit = digit(scalars.get(i), window * c, c);
                if (digit != 0) buckets[digit - 1] = curve.addAffine(buckets[digit - 1], points.get(i));
            }
            Curve.Jacobian<F> running = curve.infinity();
            Curve.Jacobian<F> windowSum = curve.infinity();
            for (int j = buckets.length - 1; j >= 0; j--) {
                running = curve.add(running, buckets[j]);
                windowSum = curve.add(windowSum, running);
            }
            total = curve.add(total, windowSum);
        }
        return total;
    }

    /** The window size with the fewest additions: (256/c) windows of n bucket additions and 2·2^c to sum them. */
    static int windowBits(int n) {
        int best = 2;
        long bestCost = Long.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            long cost = (long) ((SCALAR_BITS + c - 1) / c) * (n + (2L << c));
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        return best;
    }

    private static int digit(BigInteger k, int from, int width) {
        int d = 0;
        for (int b = width - 1; b >= 0; b--) d = (d << 1) | (k.testBit(from + b) ? 1 : 0);
        return d;
    }
}
