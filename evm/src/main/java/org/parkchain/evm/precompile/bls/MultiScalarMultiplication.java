package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * Σ k_i·P_i. Few pairs: each scalar split in two (G1) or four (G2) short ones through the curve's endomorphism
 * ({@link Endomorphisms#splitG1}), and all the short multiplications interleaved with shared doublings
 * ({@link Curve#sumOfMultiples}). Many pairs: Pippenger's bucket method, which EIP-2537's
 * discount table assumes: scalars are cut into c-bit windows; per window each point is added once into the bucket
 * of its digit, and the buckets are summed with two running sums (Σ j·B_j in 2·2^c additions); between windows
 * the total is doubled c times. The naive form (one multiplication per pair) is kept as the reference both are tested against.
 */
final class MultiScalarMultiplication {
    private static final int SCALAR_BITS = 256;
    private static final int PIPPENGER_FROM = 8;

    private MultiScalarMultiplication() {}

    /** Σ k_i·P_i over G1 points in the subgroup. */
    static Curve.Affine<Fp> g1(List<Curve.Affine<Fp>> points, List<BigInteger> scalars) {
        Curve<Fp> c = Bls12381.G1;
        if (points.size() >= PIPPENGER_FROM) return c.toAffine(pippenger(c, points, scalars));
        List<Curve.Jacobian<Fp>> parts = new ArrayList<>();
        List<BigInteger> digits = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).infinity()) Endomorphisms.splitG1(points.get(i), scalars.get(i), parts, digits);
        }
        return c.toAffine(c.sumOfMultiples(parts, digits));
    }

    /** Σ k_i·Q_i over G2 points in the subgroup. */
    static Curve.Affine<Fp2> g2(List<Curve.Affine<Fp2>> points, List<BigInteger> scalars) {
        Curve<Fp2> c = Bls12381.G2;
        if (points.size() >= PIPPENGER_FROM) return c.toAffine(pippenger(c, points, scalars));
        List<Curve.Jacobian<Fp2>> parts = new ArrayList<>();
        List<BigInteger> digits = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).infinity()) Endomorphisms.splitG2(points.get(i), scalars.get(i), parts, digits);
        }
        return c.toAffine(c.sumOfMultiples(parts, digits));
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
