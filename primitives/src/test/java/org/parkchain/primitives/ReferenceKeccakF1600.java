package org.parkchain.primitives;

/**
 * Keccak-f[1600] as FIPS 202 states it, step by step on a 5×5 array of lanes, with the ρ offsets and the round
 * constants computed from the standard's formulas rather than tables: the obviously-correct reference the
 * written-out {@link KeccakF1600} is tested against.
 */
final class ReferenceKeccakF1600 {
    private ReferenceKeccakF1600() {}

    /** Permutes 25 lanes, lane (x, y) at index x + 5y, in place. */
    static void permute(long[] lanes) {
        long[][] a = new long[5][5];
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) a[x][y] = lanes[x + 5 * y];
        }
        for (int round = 0; round < 24; round++) {
            a = iota(chi(pi(rho(theta(a)))), round);
        }
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) lanes[x + 5 * y] = a[x][y];
        }
    }

    /** Algorithm 1: each bit absorbs the parities of the column to its left and of the column to its right, one bit over. */
    private static long[][] theta(long[][] a) {
        long[] c = new long[5];
        for (int x = 0; x < 5; x++) c[x] = a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4];
        long[][] out = new long[5][5];
        for (int x = 0; x < 5; x++) {
            long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
            for (int y = 0; y < 5; y++) out[x][y] = a[x][y] ^ d;
        }
        return out;
    }

    /** Algorithm 2: lane (x, y), the t-th along the orbit of (1, 0), rotates by (t + 1)(t + 2)/2. */
    private static long[][] rho(long[][] a) {
        long[][] out = new long[5][5];
        out[0][0] = a[0][0];
        int x = 1, y = 0;
        for (int t = 0; t < 24; t++) {
            out[x][y] = Long.rotateLeft(a[x][y], ((t + 1) * (t + 2) / 2) % 64);
            int next = (2 * x + 3 * y) % 5;
            x = y;
            y = next;
        }
        return out;
    }

    /** Algorithm 3: A'[x, y] = A[(x + 3y) mod 5, x]. */
    private static long[][] pi(long[][] a) {
        long[][] out = new long[5][5];
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) out[x][y] = a[(x + 3 * y) % 5][x];
        }
        return out;
    }

    /** Algorithm 4: A'[x, y] = A[x, y] xor (not A[x + 1, y] and A[x + 2, y]). */
    private static long[][] chi(long[][] a) {
        long[][] out = new long[5][5];
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 5; y++) out[x][y] = a[x][y] ^ (~a[(x + 1) % 5][y] & a[(x + 2) % 5][y]);
        }
        return out;
    }

    /** Algorithm 6: bit 2^j - 1 of lane (0, 0) flips by rc(j + 7·round), for j = 0…6. */
    private static long[][] iota(long[][] a, int round) {
        long constant = 0;
        for (int j = 0; j <= 6; j++) {
            if (rc(j + 7 * round)) constant |= 1L << ((1 << j) - 1);
        }
        a[0][0] ^= constant;
        return a;
    }

    /** Algorithm 5: the output bit of an LFSR over x^8 + x^6 + x^5 + x^4 + 1 after t steps from R = 10000000. */
    private static boolean rc(int t) {
        int r = 1; // bit i of r is R[i]
        for (int i = 1; i <= t % 255; i++) {
            r <<= 1; // R = 0 || R
            if ((r & 0x100) != 0) r ^= 0x100 | 0x71; // R[0], R[4], R[5], R[6] ^= R[8]; truncate to 8 bits
        }
        return (r & 1) != 0;
    }
}
