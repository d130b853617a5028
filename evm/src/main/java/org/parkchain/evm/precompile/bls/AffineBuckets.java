package org.parkchain.evm.precompile.bls;

import org.parkchain.evm.precompile.ec.Curve;
import org.parkchain.evm.precompile.ec.FieldElement;

/**
 * One Pippenger window's buckets, summed in affine coordinates. The points of every bucket sit side by side (a
 * counting sort by bucket); each round adds them in pairs within their bucket, so all the additions of a round are
 * independent and share one field inversion (Montgomery's trick: invert the product of the denominators, then recover
 * each inverse with two products). An affine addition then costs about six products instead of the eleven of a mixed
 * Jacobian one, and a bucket of m points takes ⌈log2 m⌉ rounds. Special cases are exact: equal points are doubled,
 * opposite points (or a point of order two doubled) cancel and leave nothing.
 */
final class AffineBuckets<F extends FieldElement<F>> {
    private final F[] xs;
    private final F[] ys;
    private final int[] start;
    private final int[] size;
    private final int[] kind;
    private final F[] lambdas;
    private final F[] prefix;

    private static final int ADD = 0;
    private static final int DOUBLE = 1;
    private static final int CANCEL = 2;

    @SuppressWarnings("unchecked")
    AffineBuckets(int points, int buckets, F sample) {
        xs = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), points);
        ys = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), points);
        lambdas = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), points);
        prefix = (F[]) java.lang.reflect.Array.newInstance(sample.getClass(), points);
        kind = new int[points];
        start = new int[buckets + 1];
        size = new int[buckets];
    }

    /**
     * Sums the points into their buckets: point i (x[i], y[i]) goes into bucket bucketOf[i], or nowhere when that is
     * negative. Afterwards {@link #bucket} answers each bucket's sum.
     */
    void accumulate(F[] x, F[] y, int[] bucketOf, int n) {
        java.util.Arrays.fill(size, 0);
        for (int i = 0; i < n; i++) if (bucketOf[i] >= 0) size[bucketOf[i]]++;
        start[0] = 0;
        for (int b = 0; b < size.length; b++) start[b + 1] = start[b] + size[b];
        java.util.Arrays.fill(size, 0);
        for (int i = 0; i < n; i++) {
            int b = bucketOf[i];
            if (b < 0) continue;
            int at = start[b] + size[b]++;
            xs[at] = x[i];
            ys[at] = y[i];
        }
        while (addPairs()) {
            // each round at least halves every bucket of two or more points
        }
    }

    /** Bucket b's sum in affine coordinates (infinity when empty). */
    Curve.Affine<F> bucket(int b, Curve<F> curve) {
        return size[b] == 0 ? curve.affineInfinity() : new Curve.Affine<>(xs[start[b]], ys[start[b]], false);
    }

    /** One round of pairwise additions in every bucket; false when no bucket held two points. */
    private boolean addPairs() {
        int pairs = 0;
        int inverted = 0;
        for (int b = 0; b < size.length; b++) {
            for (int k = 0; k + 1 < size[b]; k += 2) {
                int i = start[b] + k;
                F x1 = xs[i], y1 = ys[i], x2 = xs[i + 1], y2 = ys[i + 1];
                F dx = x2.subtract(x1);
                F denominator;
                if (!dx.isZero()) {
                    kind[pairs] = ADD;
                    denominator = dx;
                } else if (y1.add(y2).isZero()) {
                    kind[pairs] = CANCEL; // P + (-P), and also P + P for a y = 0 point (order two)
                    denominator = null;
                } else {
                    kind[pairs] = DOUBLE;
                    denominator = y1.add(y1);
                }
                pairs++;
                if (denominator != null) {
                    lambdas[inverted] = denominator;
                    prefix[inverted] = inverted == 0 ? denominator : prefix[inverted - 1].multiply(denominator);
                    inverted++;
                }
            }
        }
        if (pairs == 0) return false;
        if (inverted > 0) {
            F inverse = prefix[inverted - 1].inverse();
            for (int d = inverted - 1; d > 0; d--) {
                F denominator = lambdas[d];
                lambdas[d] = inverse.multiply(prefix[d - 1]);
                inverse = inverse.multiply(denominator);
            }
            lambdas[0] = inverse;
        }
        pairs = 0;
        inverted = 0;
        for (int b = 0; b < size.length; b++) {
            int kept = 0;
            int base = start[b];
            int k = 0;
            for (; k + 1 < size[b]; k += 2) {
                int i = base + k;
                int how = kind[pairs++];
                if (how == CANCEL) continue;
                F x1 = xs[i], y1 = ys[i], x2 = xs[i + 1];
                F lambda;
                if (how == ADD) {
                    lambda = ys[i + 1].subtract(y1).multiply(lambdas[inverted++]);
                } else {
                    F xx = x1.square();
                    lambda = xx.add(xx).add(xx).multiply(lambdas[inverted++]);
                }
                F x3 = lambda.square().subtract(x1).subtract(x2);
                F y3 = lambda.multiply(x1.subtract(x3)).subtract(y1);
                xs[base + kept] = x3;
                ys[base + kept] = y3;
                kept++;
            }
            if (k < size[b]) {
                xs[base + kept] = xs[base + k];
                ys[base + kept] = ys[base + k];
                kept++;
            }
            size[b] = kept;
        }
        return true;
    }
}
