package org.parkchain.primitives;

/**
 * Multi-word unsigned division on 32-bit digits (Knuth, TAOCP vol. 2, 4.3.1, Algorithm D), the one routine behind
 * UInt256's DIV, MOD, ADDMOD (a 257-bit dividend) and MULMOD (a 512-bit dividend). Digits are little-endian.
 */
final class LongDivision {
    private static final long MASK = 0xffffffffL;

    private LongDivision() {}

    /**
     * Divides {@code u[0..m)} by {@code v} (its significant length found here; must be non-zero). Writes the
     * quotient to {@code q} (at least m digits) and, when {@code r} is not null, the remainder to {@code r}.
     */
    static void divide(int[] u, int m, int[] v, int[] q, int[] r) {
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) n--;
        if (n == 0) throw new ArithmeticException("division by zero");
        while (m > 0 && u[m - 1] == 0) m--;
        if (m < n) {
            if (r != null) {
                java.util.Arrays.fill(r, 0);
                System.arraycopy(u, 0, r, 0, m);
            }
            return;
        }
        if (n == 1) {
            long d = v[0] & MASK, k = 0;
            for (int j = m - 1; j >= 0; j--) {
                long cur = (k << 32) | (u[j] & MASK);
                // one divide gives both: the remainder is what the quotient leaves over (mod 2^64 arithmetic)
                long qj = Long.divideUnsigned(cur, d);
                q[j] = (int) qj;
                k = cur - qj * d;
            }
            if (r != null) {
                java.util.Arrays.fill(r, 0);
                r[0] = (int) k;
            }
            return;
        }
        // D1: normalise so the divisor's top digit has its high bit set; qhat estimates are then off by at most 2.
        int s = Integer.numberOfLeadingZeros(v[n - 1]);
        int[] vn = new int[n];
        int[] un = new int[m + 1];
        if (s == 0) {
            System.arraycopy(v, 0, vn, 0, n);
            System.arraycopy(u, 0, un, 0, m);
        } else {
            for (int i = n - 1; i > 0; i--) vn[i] = (v[i] << s) | (v[i - 1] >>> (32 - s));
            vn[0] = v[0] << s;
            un[m] = u[m - 1] >>> (32 - s);
            for (int i = m - 1; i > 0; i--) un[i] = (u[i] << s) | (u[i - 1] >>> (32 - s));
            un[0] = u[0] << s;
        }
        long vTop = vn[n - 1] & MASK, vNext = vn[n - 2] & MASK;
        for (int j = m - n; j >= 0; j--) {
            // D3: estimate the quotient digit from the top two digits, then correct with the third.
            long num = ((un[j + n] & MASK) << 32) | (un[j + n - 1] & MASK);
            long qhat = Long.divideUnsigned(num, vTop);
            long rhat = Long.remainderUnsigned(num, vTop);
            while (qhat > MASK || Long.compareUnsigned(qhat * vNext, (rhat << 32) | (un[j + n - 2] & MASK)) > 0) {
                qhat--;
                rhat += vTop;
                if (rhat > MASK) break;
            }
            // D4: multiply and subtract.
            long k = 0, t;
            for (int i = 0; i < n; i++) {
                long p = qhat * (vn[i] & MASK);
                t = (un[i + j] & MASK) - k - (p & MASK);
                un[i + j] = (int) t;
                k = (p >>> 32) - (t >> 32);
            }
            t = (un[j + n] & MASK) - k;
            un[j + n] = (int) t;
            q[j] = (int) qhat;
            // D6: the estimate was one too large (rare); add the divisor back.
            if (t < 0) {
                q[j]--;
                k = 0;
                for (int i = 0; i < n; i++) {
                    t = (un[i + j] & MASK) + (vn[i] & MASK) + k;
                    un[i + j] = (int) t;
                    k = t >>> 32;
                }
                un[j + n] += (int) k;
            }
        }
        if (r != null) {
            java.util.Arrays.fill(r, 0);
            if (s == 0) {
                System.arraycopy(un, 0, r, 0, n);
            } else {
                for (int i = 0; i < n - 1; i++) r[i] = (un[i] >>> s) | (un[i + 1] << (32 - s));
                r[n - 1] = un[n - 1] >>> s;
            }
        }
    }
}
