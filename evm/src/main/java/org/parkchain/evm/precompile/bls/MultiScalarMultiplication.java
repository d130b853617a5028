package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * Σ k_i·P_i. Each scalar is first split in two 128-bit (G1) or four 64-bit (G2) ones through the curve's
 * endomorphism ({@link Endomorphisms#splitG1}). The short multiplications are then summed either interleaved, with
 * shared doublings ({@link Curve#sumOfMultiples}), or, for hundreds of them, by Pippenger's bucket method (the one
 * EIP-2537's discount table assumes), whichever needs fewer additions ({@link #bucketsAreCheaper}). Buckets: the
 * scalars are cut into c-bit windows with signed digits in (-2^(c-1), 2^(c-1)] (a digit above half the window
 * borrows one from the next window), so a negative digit adds the negated point (-P is P with y negated) and c-bit
 * windows need only 2^(c-1) buckets: per window each point goes into the bucket of its digit's magnitude, the
 * buckets are summed in affine coordinates with batched inversions ({@link AffineBuckets}), and folded with two
 * running sums (Σ j·B_j: one mixed and one full addition per bucket); between windows the total is
 * doubled c times. The naive form (one multiplication per pair) is kept as the reference both are tested against.
 */
final class MultiScalarMultiplication {
    private MultiScalarMultiplication() {}

    /** Σ k_i·P_i over G1 points in the subgroup. */
    static Curve.Affine<Fp> g1(List<Curve.Affine<Fp>> points, List<BigInteger> scalars) {
        List<Curve.Affine<Fp>> parts = new ArrayList<>();
        List<BigInteger> digits = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).infinity()) Endomorphisms.splitG1(points.get(i), scalars.get(i), parts, digits);
        }
        return shortScalars(Bls12381.G1, parts, digits);
    }

    /** Σ k_i·Q_i over G2 points in the subgroup. */
    static Curve.Affine<Fp2> g2(List<Curve.Affine<Fp2>> points, List<BigInteger> scalars) {
        List<Curve.Affine<Fp2>> parts = new ArrayList<>();
        List<BigInteger> digits = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (!points.get(i).infinity()) Endomorphisms.splitG2(points.get(i), scalars.get(i), parts, digits);
        }
        return shortScalars(Bls12381.G2, parts, digits);
    }

    /** The sum of the split, short multiplications, by whichever of the two methods needs fewer additions. */
    private static <F extends FieldElement<F>> Curve.Affine<F> shortScalars(Curve<F> c, List<Curve.Affine<F>> points, List<BigInteger> scalars) {
        int bits = 1;
        for (BigInteger k : scalars) bits = Math.max(bits, k.bitLength());
        if (bucketsAreCheaper(points.size(), bits)) return c.toAffine(pippenger(c, points, scalars));
        return c.toAffine(c.sumOfMultiples(points.stream().map(c::toJacobian).toList(), scalars));
    }

    /**
     * Whether Pippenger's buckets need fewer additions than the interleaved width-4 NAFs, in units of a full addition:
     * the NAFs add about bits/5 times per point plus 4 for its table; the buckets add each point once per window (a
     * mixed addition, about 0.7 of a full one) and sum 2·2^(c-1) buckets per window. Both double once per bit. (The
     * batched affine bucket additions are cheaper than 0.7; re-weighting this and {@link #windowBits} did not measure
     * clearly better on the loaded machine, so both are kept as they were.)
     */
    static boolean bucketsAreCheaper(int n, int bits) {
        double interleaved = n * (bits / 5.0 + 4);
        int c = windowBits(n, bits);
        double buckets = windowCount(bits, c) * (0.7 * n + (1 << c));
        return buckets < interleaved;
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
        int scalarBits = 1;
        for (BigInteger k : scalars) scalarBits = Math.max(scalarBits, k.bitLength());
        int c = windowBits(n, scalarBits);
        int windows = windowCount(scalarBits, c);
        int[][] digits = new int[n][];
        for (int i = 0; i < n; i++) digits[i] = signedDigits(scalars.get(i), c, windows);
        F sample = curve.zero();
        @SuppressWarnings("unchecked")
        F[] xs = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), n);
        @SuppressWarnings("unchecked")
        F[] ys = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), n);
        @SuppressWarnings("unchecked")
        F[] negatedYs = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), n);
        for (int i = 0; i < n; i++) {
            Curve.Affine<F> p = points.get(i);
            if (p.infinity()) continue;
            xs[i] = p.x();
            ys[i] = p.y();
            negatedYs[i] = p.y().negate();
        }
        int bucketCount = 1 << (c - 1);
        AffineBuckets<F> buckets = new AffineBuckets<>(n, bucketCount, sample);
        int[] bucketOf = new int[n];
        @SuppressWarnings("unchecked")
        F[] signedYs = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), n);
        Curve.Jacobian<F> total = curve.infinity();
        for (int window = windows - 1; window >= 0; window--) {
            for (int i = 0; i < c; i++) total = curve.doubled(total);
            for (int i = 0; i < n; i++) {
                int digit = digits[i][window];
                bucketOf[i] = digit == 0 || xs[i] == null ? -1 : Math.abs(digit) - 1;
                signedYs[i] = digit < 0 ? negatedYs[i] : ys[i];
            }
            buckets.accumulate(xs, signedYs, bucketOf, n);
            Curve.Jacobian<F> running = curve.infinity();
            Curve.Jacobian<F> windowSum = curve.infinity();
            for (int j = bucketCount - 1; j >= 0; j--) {
                running = curve.addAffine(running, buckets.bucket(j, curve));
                windowSum = curve.add(windowSum, running);
            }
            total = curve.add(total, windowSum);
        }
        return total;
    }

    /**
     * k ≥ 0 as {@code windows} signed c-bit digits, least significant first, each in (-2^(c-1), 2^(c-1)]: Σ d_w·2^(cw)
     * = k. {@link #windowCount} leaves room for the last borrow.
     */
    static int[] signedDigits(BigInteger k, int c, int windows) {
        int[] d = new int[windows];
        int carry = 0;
        for (int w = 0; w < windows; w++) {
            int v = digit(k, w * c, c) + carry;
            carry = v > (1 << (c - 1)) ? 1 : 0;
            d[w] = v - (carry << c);
        }
        return d;
    }

    /**
     * One window more than the bits fill when they fill whole windows (the top digit may carry one into it);
     * otherwise the top window has fewer than c bits, so it is at most 2^(c-1) with the carry and borrows nothing.
     */
    static int windowCount(int scalarBits, int c) {
        return scalarBits / c + 1;
    }

    /** The window size with the fewest additions: per window, n bucket additions and 2·2^(c-1) to sum the buckets. */
    static int windowBits(int n, int scalarBits) {
        int best = 2;
        long bestCost = Long.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            long cost = (long) windowCount(scalarBits, c) * (n + (1L << c));
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
