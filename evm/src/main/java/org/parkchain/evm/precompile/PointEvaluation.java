package org.parkchain.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;

/**
 * 0x0a (EIP-4844): verifies a KZG proof that the blob committed to by {@code commitment} evaluates to y at z, and
 * that {@code versioned_hash} is that commitment's hash. Input (exactly 192 bytes): versioned hash, z, y,
 * commitment (48), proof (48). Output: FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two words. 50,000 gas.
 *
 * <p>The pairing check runs in c-kzg-4844 (jc-kzg-4844 from Maven Central). Its trusted setup — the Ethereum KZG
 * ceremony's 4096 G1 points in monomial and Lagrange form and 65 G2 points — is a resource of this module. Should
 * the native library fail to load on some platform, calls halt with {@link HaltReason#PRECOMPILE_UNSUPPORTED}.
 */
final class PointEvaluation implements Precompile {
    static final long GAS = 50_000;
    private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
    private static final int FIELD_ELEMENTS_PER_BLOB = 4096;
    private static final BigInteger BLS_MODULUS =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    /** Loads the library and the setup once, on first use; false when this platform cannot run it. */
    /** FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte words, the output of every successful call. */
    private static final byte[] SUCCESS_OUTPUT = successOutput();

    private static byte[] successOutput() {
        byte[] out = new byte[64];
        byte[] count = BigInteger.valueOf(FIELD_ELEMENTS_PER_BLOB).toByteArray();
        System.arraycopy(count, 0, out, 32 - count.length, count.length);
        byte[] modulus = BLS_MODULUS.toByteArray(); // 32 bytes: the modulus's top bit is clear
        System.arraycopy(modulus, modulus.length - 32, out, 32, 32);
        return out;
    }

    private static final class Kzg {
        static final boolean AVAILABLE = load();

        private static boolean load() {
            try (InputStream raw = PointEvaluation.class.getResourceAsStream("kzg-trusted-setup.bin.gz")) {
                if (raw == null) return false;
                byte[] setup = new GZIPInputStream(raw).readAllBytes();
                int g1 = FIELD_ELEMENTS_PER_BLOB * 48;
                CKZG4844JNI.loadNativeLibrary();
                CKZG4844JNI.loadTrustedSetup(
                        Arrays.copyOfRange(setup, 0, g1),
                        Arrays.copyOfRange(setup, g1, 2 * g1),
                        Arrays.copyOfRange(setup, 2 * g1, setup.length),
                        0);
                return true;
            } catch (IOException | RuntimeException | LinkageError e) {
                return false;
            }
        }
    }

    @Override
    public long gas(byte[] input) {
        return GAS;
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        if (input.length != 192) return Optional.empty();
        byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
        byte[] z = Arrays.copyOfRange(input, 32, 64);
        byte[] y = Arrays.copyOfRange(input, 64, 96);
        byte[] commitment = Arrays.copyOfRange(input, 96, 144);
        byte[] proof = Arrays.copyOfRange(input, 144, 192);
        if (!Arrays.equals(versionedHash, versionedHash(commitment))) return Optional.empty();
        boolean valid;
        try {
            valid = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
        } catch (RuntimeException e) {
            return Optional.empty(); // a point not on the curve, z or y not below the modulus
        }
        if (!valid) return Optional.empty();
        return Optional.of(SUCCESS_OUTPUT.clone());
    }

    @Override
    public ExecutionResult execute(byte[] input, long gasAvailable) {
        if (gasAvailable < GAS) return ExecutionResult.halt(HaltReason.OUT_OF_GAS);
        if (!Kzg.AVAILABLE) return ExecutionResult.halt(HaltReason.PRECOMPILE_UNSUPPORTED);
        return Precompile.super.execute(input, gasAvailable);
    }

    /** 0x01 followed by the last 31 bytes of SHA-256 of the commitment. */
    static byte[] versionedHash(byte[] commitment) {
        SHA256Digest d = new SHA256Digest();
        d.update(commitment, 0, commitment.length);
        byte[] h = new byte[32];
        d.doFinal(h, 0);
        h[0] = VERSIONED_HASH_VERSION_KZG;
        return h;
    }
}
