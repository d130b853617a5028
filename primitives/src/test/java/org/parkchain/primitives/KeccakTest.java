package org.parkchain.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** The unrolled Keccak-256 against BouncyCastle's (the implementation it replaced) and published digests. */
class KeccakTest {
    private static byte[] bouncyCastle(byte[] data, int offset, int length) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, offset, length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Test
    void knownDigests() {
        assertThat(Hex.encodeNoPrefix(Keccak.keccak256(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Hex.encodeNoPrefix(Keccak.keccak256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        // The empty trie's root: Keccak-256 of RLP's empty string 0x80.
        assertThat(Hex.encodeNoPrefix(Keccak.keccak256(new byte[] {(byte) 0x80})))
                .isEqualTo("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
        // ERC-20's Transfer event topic, the most hashed signature on any chain.
        assertThat(Hex.encodeNoPrefix(Keccak.keccak256("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    }

    private static void assertAgreesWithBouncyCastle(byte[] data, int offset, int length) {
        byte[] expected = bouncyCastle(data, offset, length);
        assertThat(Keccak.keccak256(data, offset, length)).as("length %d at offset %d", length, offset).isEqualTo(expected);
        long[] limbs = new long[6];
        Keccak.keccak256(data, offset, length, limbs, 1);
        assertThat(new UInt256(limbs[1], limbs[2], limbs[3], limbs[4])).as("length %d as a word", length)
                .isEqualTo(UInt256.fromBytes(expected));
        assertThat(limbs[0]).isZero();
        assertThat(limbs[5]).isZero();
    }

    @Test
    void agreesWithBouncyCastleAroundTheRate() {
        // the padding's two bytes share the last byte of a block at 135, need a block of their own at 136
        Random random = new Random(136);
        for (int length : new int[] {135, 136, 137, 271, 272, 273}) {
            for (int offset = 0; offset < 8; offset++) {
                byte[] data = new byte[offset + length + 5];
                random.nextBytes(data);
                assertAgreesWithBouncyCastle(data, offset, length);
            }
        }
    }

    @Test
    void agreesWithBouncyCastleOnRandomLengthsAndOffsets() {
        Random random = new Random(256);
        for (int i = 0; i < 500; i++) {
            int length = random.nextInt(1001);
            int offset = random.nextInt(16);
            byte[] data = new byte[offset + length + random.nextInt(16)];
            random.nextBytes(data);
            assertAgreesWithBouncyCastle(data, offset, length);
        }
    }

    @Test
    void agreesWithBouncyCastleOnEveryLengthAcrossSeveralBlocks() {
        Random random = new Random(1600);
        for (int length = 0; length <= 3 * 136 + 1; length++) {
            byte[] data = new byte[length + 7];
            random.nextBytes(data);
            assertAgreesWithBouncyCastle(data, length % 7, length);
        }
        byte[] large = new byte[100_000];
        random.nextBytes(large);
        assertThat(Keccak.keccak256(large)).isEqualTo(bouncyCastle(large, 0, large.length));
    }
}
