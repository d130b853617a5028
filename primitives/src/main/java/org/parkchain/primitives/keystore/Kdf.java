package org.parkchain.primitives.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.parkchain.primitives.Hex;

/**
 * A key file's key-derivation function with its parameters and salt. The derived key is always 32 bytes: the first
 * 16 are the AES-128 key, the last 16 authenticate the ciphertext.
 */
public sealed interface Kdf permits Kdf.Scrypt, Kdf.Pbkdf2 {
    int DKLEN = 32;

    /** The salt's bytes (a copy). */
    byte[] salt();

    /** The name in the file's {@code kdf} field. */
    String name();

    byte[] deriveKey(byte[] password);

    /** scrypt with cost n (a power of 2), block size r and parallelism p. */
    record Scrypt(int n, int r, int p, byte[] salt) implements Kdf {
        /** geth's default ("standard") parameters: 256 MiB and about a second per attempt. */
        public static Scrypt standard(byte[] salt) {
            return new Scrypt(1 << 18, 8, 1, salt);
        }

        /** geth's "light" parameters (4 MiB), for tests and constrained devices. */
        public static Scrypt light(byte[] salt) {
            return new Scrypt(1 << 12, 8, 6, salt);
        }

        public Scrypt {
            if (n < 2 || (n & (n - 1)) != 0) {
                throw new IllegalArgumentException("scrypt n must be a power of 2 above 1, got " + n);
            }
            if (r < 1 || p < 1) {
                throw new IllegalArgumentException("scrypt r and p must be at least 1, got r=" + r + " p=" + p);
            }
            salt = salt.clone();
        }

        /** Bytes of memory scrypt needs: 128·r·n. */
        public long memoryBytes() {
            return 128L * r * n;
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public String name() {
            return "scrypt";
        }

        @Override
        public byte[] deriveKey(byte[] password) {
            return org.parkchain.primitives.keystore.Scrypt.derive(password, salt, n, r, p, DKLEN);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scrypt s && n == s.n && r == s.r && p == s.p && Arrays.equals(salt, s.salt);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(salt) * 31 + n;
        }

        @Override
        public String toString() {
            return "Scrypt[n=" + n + ", r=" + r + ", p=" + p + ", salt=" + Hex.encode(salt) + "]";
        }
    }

    /** PBKDF2 with HMAC-SHA256 (the only PRF Web3 Secret Storage defines) and c iterations. */
    record Pbkdf2(int c, byte[] salt) implements Kdf {
        public Pbkdf2 {
            if (c < 1) {
                throw new IllegalArgumentException("pbkdf2 iteration count c must be at least 1, got " + c);
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public String name() {
            return "pbkdf2";
        }

        @Override
        public byte[] deriveKey(byte[] password) {
            PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SHA256Digest());
            pbkdf2.init(password, salt, c);
            return ((KeyParameter) pbkdf2.generateDerivedParameters(DKLEN * 8)).getKey();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pbkdf2 k && c == k.c && Arrays.equals(salt, k.salt);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(salt) * 31 + c;
        }

        @Override
        public String toString() {
            return "Pbkdf2[c=" + c + ", salt=" + Hex.encode(salt) + "]";
        }
    }
}
