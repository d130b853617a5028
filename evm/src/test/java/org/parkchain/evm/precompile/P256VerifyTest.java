package org.parkchain.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ExecutionResult;

/** P256VERIFY against signatures made by the JDK's own secp256r1 ECDSA (an implementation independent of ours). */
class P256VerifyTest {
    private static final BigInteger N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static byte[] input;

    @BeforeAll
    static void signWithTheJdk() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] message = "a resident's passkey signs this".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        byte[] rs = signer.sign();
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        input = new byte[160];
        System.arraycopy(MessageDigest.getInstance("SHA-256").digest(message), 0, input, 0, 32);
        System.arraycopy(rs, 0, input, 32, 64);
        put(input, 96, pub.getW().getAffineX());
        put(input, 128, pub.getW().getAffineY());
    }

    /** Writes v as a 32-byte big-endian word, clearing the word first: a shorter value must not keep old high bytes. */
    private static void put(byte[] out, int offset, BigInteger v) {
        java.util.Arrays.fill(out, offset, offset + 32, (byte) 0);
        byte[] b = v.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, out, offset + 32 - (b.length - skip), b.length - skip);
    }

    private static byte[] output(byte[] in) {
        ExecutionResult r = new P256Verify().execute(in, 100_000);
        assertThat(r.isSuccess()).as("P256VERIFY never fails").isTrue();
        assertThat(r.gasLeft()).isEqualTo(100_000 - 6_900);
        return r.output();
    }

    @Test
    void aValidSignatureGivesTheWordOne() {
        byte[] one = new byte[32];
        one[31] = 1;
        assertThat(output(input)).containsExactly(one);
    }

    @Test
    void aTamperedHashOrSignatureGivesEmptyOutput() {
        for (int at : new int[] {0, 31, 40, 80}) {
            byte[] bad = input.clone();
            bad[at] ^= 1;
            assertThat(output(bad)).as("byte %d flipped", at).isEmpty();
        }
    }

    @Test
    void inputsOutsideTheEipsRangesGiveEmptyOutput() {
        assertThat(output(new byte[0])).isEmpty();
        assertThat(output(java.util.Arrays.copyOf(input, 159))).isEmpty();
        assertThat(output(java.util.Arrays.copyOf(input, 161))).isEmpty();
        byte[] rZero = input.clone();
        java.util.Arrays.fill(rZero, 32, 64, (byte) 0);
        assertThat(output(rZero)).isEmpty();
        byte[] sIsN = input.clone();
        put(sIsN, 64, N);
        assertThat(output(sIsN)).isEmpty();
        byte[] xIsP = input.clone();
        put(xIsP, 96, P);
        assertThat(output(xIsP)).isEmpty();
        byte[] offCurve = input.clone();
        offCurve[159] ^= 1;
        assertThat(output(offCurve)).isEmpty();
        byte[] infinity = input.clone();
        java.util.Arrays.fill(infinity, 96, 160, (byte) 0);
        assertThat(output(infinity)).isEmpty();
    }

    @Test
    void theHighSTwinAlsoVerifiesAsEip7951HasNoLowSRule() {
        byte[] twin = input.clone();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(input, 64, 96));
        put(twin, 64, N.subtract(s));
        assertThat(output(twin)).hasSize(32);
    }
}
