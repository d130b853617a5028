package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

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
        Curve.Jacobian<F>[] jacobian = new Curve.Jacobian[n];
        for (int i = 0; i < n; i++) jacobian[i] = curve.toJacobian(points.get(i));
        @SuppressWarnings("unchecked")
        Curve.Jacobian<F>[] buckets = new Curve.Jacobian[(1 << c) - 1];
        Curve.Jacobian<F> total = curve.infinity();
        for (int window = (SCALAR_BITS + c - 1) / c - 1; window >= 0; window--) {
            for (int i = 0; i < c; i++) total = curve.doubled(total);
            Arrays.fill(buckets, curve.infinity());
            for (int i = 0; i < n; i++) {
                int digit = digit(scalars.get(i), window * c, c);
                if (digit != 0) buckets[digit - 1] = curve.add(buckets[digit - 1], jacobian[i]);
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

    /** A window size near the optimum for n points: about log2(n) bits, at least 3. */
    private static int windowBits(int n) {
        int log = 31 - Integer.numberOfLeadingZeros(n);
        return Math.max(3, Math.min(12, log + 1));
    }

    private static int digit(BigInteger k, int from, int width) {
        int d = 0;
        for (int b = width - 1; b >= 0; b--) d = (d << 1) | (k.testBit(from + b) ? 1 : 0);
        return d;
    }
}
