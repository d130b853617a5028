package org.parkchain.primitives.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) over BouncyCastle's PBKDF2-HMAC-SHA256 and Salsa20 core; only ROMix and BlockMix are ours.
 *
 * <p>Why not BouncyCastle's {@code SCrypt.generate}: it enforces RFC 7914's N &lt; 2^(16·r), so with r = 1 it refuses
 * N ≥ 65536. Real key files use such parameters (ethereum/tests' KeyStoreTests "test2" has N = 2^18, r = 1, p = 8)
 * and geth, which uses Go's x/crypto/scrypt without that bound, reads them. The bound has no cryptographic role in
 * the algorithm (Integerify reads 32 bits here, enough for any N we allow), so this version leaves it out. It is
 * tested against BouncyCastle's for every parameter set both accept. Callers bound the cost first ({@link
 * KeyFile.Limits}); this class only checks shape.
 */
final class Scrypt {
    private Scrypt() {}

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int dkLen) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("scrypt n must be a power of 2 above 1, got " + n);
        }
        if (r < 1 || p < 1 || (long) r * p >= 1 << 30 || (long) n * r * 32 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("scrypt parameters out of range: n=" + n + " r=" + r + " p=" + p);
        }
        int blockInts = 32 * r; // one 128·r-byte block as little-endian 32-bit words
        byte[] b = pbkdf2Sha256(password, salt, Math.multiplyExact(p, 128 * r));
        int[] x = new int[blockInts];
        int[] v = new int[n * blockInts];
        int[][] scratch = {new int[blockInts], new int[16], new int[16]};
        for (int i = 0; i < p; i++) {
            int offset = i * 128 * r;
            for (int w = 0; w < blockInts; w++) {
                x[w] = littleEndianInt(b, offset + 4 * w);
            }
            roMix(x, v, n, r, scratch);
            for (int w = 0; w < blockInts; w++) {
                putLittleEndianInt(x[w], b, offset + 4 * w);
            }
        }
        byte[] dk = pbkdf2Sha256(password, b, dkLen);
        Arrays.fill(b, (byte) 0);
        Arrays.fill(v, 0);
        return dk;
    }

    /** ROMix: fill V with N successive BlockMix states, then mix in N pseudo-randomly chosen ones. */
    private static void roMix(int[] x, int[] v, int n, int r, int[][] scratch) {
        int blockInts = 32 * r;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * blockInts, blockInts);
            blockMix(x, r, scratch);
        }
        int mask = n - 1;
        for (int i = 0; i < n; i++) {
            // Integerify: the first word of the last 64-byte sub-block; N is a power of 2, so mod N is a mask.
            int j = x[blockInts - 16] & mask;
            int base = j * blockInts;
            for (int w = 0; w < blockInts; w++) {
                x[w] ^= v[base + w];
            }
            blockMix(x, r, scratch);
        }
    }

    /**
     * BlockMix with Salsa20/8: X = B[2r-1]; for each 64-byte sub-block B[i], X = Salsa20/8(X xor B[i]) and Y[i] = X;
     * the result is Y[0], Y[2], …, Y[2r-2], Y[1], Y[3], …, Y[2r-1].
     */
    private static void blockMix(int[] b, int r, int[][] scratch) {
        int blockInts = 32 * r;
        int[] y = scratch[0];
        int[] t = scratch[1];
        int[] xs = scratch[2];
        System.arraycopy(b, blockInts - 16, xs, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int w = 0; w < 16; w++) {
                t[w] = xs[w] ^ b[16 * i + w];
            }
            Salsa20Engine.salsaCore(8, t, xs);
            int target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(xs, 0, y, target, 16);
        }
        System.arraycopy(y, 0, b, 0, blockInts);
    }

    private static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int bytes) {
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA256Digest());
        pbkdf2.init(password, salt, 1);
        return ((KeyParameter) pbkdf2.generateDerivedParameters(Math.multiplyExact(bytes, 8))).getKey();
    }

    private static int littleEndianInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static void putLittleEndianInt(int value, byte[] b, int off) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
        b[off + 2] = (byte) (value >>> 16);
        b[off + 3] = (byte) (value >>> 24);
    }
}
