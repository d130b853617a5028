package org.parkchain.primitives.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hex;

class ScryptTest {
    @Test
    void matchesRfc7914TestVectors() {
        assertThat(Hex.encodeNoPrefix(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(Hex.encodeNoPrefix(Scrypt.derive(bytes("password"), bytes("NaCl"), 1024, 8, 16, 64))).isEqualTo(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    /** BouncyCastle's scrypt is the oracle wherever it accepts the parameters (it refuses n >= 65536 with r = 1). */
    @Test
    void agreesWithBouncyCastle() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            int n = 1 << (1 + random.nextInt(10));
            int r = 1 + random.nextInt(4);
            int p = 1 + random.nextInt(3);
            int dkLen = 1 + random.nextInt(80);
            byte[] password = new byte[random.nextInt(20)];
            byte[] salt = new byte[1 + random.nextInt(40)];
            random.nextBytes(password);
            random.nextBytes(salt);
            assertThat(Scrypt.derive(password, salt, n, r, p, dkLen))
                    .as("n=%d r=%d p=%d dkLen=%d", n, r, p, dkLen)
                    .isEqualTo(SCrypt.generate(password, salt, n, r, p, dkLen));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
