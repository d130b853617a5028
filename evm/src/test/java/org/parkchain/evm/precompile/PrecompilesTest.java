package org.parkchain.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.HaltReason;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.Secp256k1;
import org.parkchain.primitives.crypto.Signature;

class PrecompilesTest {
    private static ExecutionResult run(int address, byte[] input, long gas) {
        return Fork.CANCUN.precompiles().find(Address.fromLong(address)).orElseThrow().execute(input, gas);
    }

    private static byte[] ok(int address, String inputHex) {
        ExecutionResult r = run(address, Hex.decode(inputHex), 10_000_000);
        assertThat(r.isSuccess()).as("%s", r.haltReason()).isTrue();
        return r.output();
    }

    private static String word(BigInteger v) {
        return String.format("%064x", v);
    }

    @Test
    void hashesAndIdentity() {
        assertThat(Hex.encode(ok(2, "0x"))).isEqualTo("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Hex.encode(ok(3, "0x"))).isEqualTo("0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31");
        assertThat(ok(4, "0x010203")).containsExactly(1, 2, 3);
        assertThat(run(2, new byte[33], 10_000_000).gasLeft()).isEqualTo(10_000_000 - 60 - 2 * 12);
        assertThat(run(4, new byte[0], 14).haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
    }

    @Test
    void ecrecoverRecoversTheSignerAndReturnsNothingForGarbage() {
        PrivateKey key = PrivateKey.of(Keccak.keccak256("parkchain test key".getBytes(StandardCharsets.UTF_8)));
        Hash hash = Keccak.hash("message".getBytes(StandardCharsets.UTF_8));
        Signature sig = key.sign(hash);
        String rs = Hex.encodeNoPrefix(sig.r().toBytes32()) + Hex.encodeNoPrefix(sig.s().toBytes32());
        byte[] out = ok(1, "0x" + hash.toHex().substring(2) + word(BigInteger.valueOf(27 + sig.recId())) + rs);
        assertThat(out).containsExactly(key.address().toWord());
        // Unlike a transaction, ecrecover accepts the high-s twin (n - s, other recovery id) of a signature.
        String highS = Hex.encodeNoPrefix(sig.r().toBytes32()) + Hex.encodeNoPrefix(Secp256k1.N.sub(sig.s()).toBytes32());
        assertThat(ok(1, "0x" + hash.toHex().substring(2) + word(BigInteger.valueOf(28 - sig.recId())) + highS))
                .containsExactly(key.address().toWord());
        // v = 29 is invalid: success with empty output; so is s >= n.
        assertThat(ok(1, "0x" + hash.toHex().substring(2) + word(BigInteger.valueOf(29)) + rs)).isEmpty();
        String sIsN = Hex.encodeNoPrefix(sig.r().toBytes32()) + Hex.encodeNoPrefix(Secp256k1.N.toBytes32());
        assertThat(ok(1, "0x" + hash.toHex().substring(2) + word(BigInteger.valueOf(27 + sig.recId())) + sIsN)).isEmpty();
        assertThat(ok(1, "0x")).isEmpty();
    }

    @Test
    void modexpMatchesBigIntegerAndPricesPerEip2565() {
        // EIP-198's example: 3^(p-1) mod p = 1 for the secp256k1 field prime p
        BigInteger p = new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
        String input = word(BigInteger.ONE) + word(BigInteger.valueOf(32)) + word(BigInteger.valueOf(32))
                + "03" + word(p.subtract(BigInteger.ONE)) + word(p);
        assertThat(new BigInteger(1, ok(5, "0x" + input))).isEqualTo(BigInteger.ONE);
        // gas: words = 4, complexity 16, iterations = bit length of exponent - 1 = 255: 16 * 255 / 3 = 1360
        assertThat(ModExp.EIP2565.gas(Hex.decode("0x" + input))).isEqualTo(1360);
        // the minimum is 200
        assertThat(ModExp.EIP2565.gas(new byte[0])).isEqualTo(200);
        BigInteger b = new BigInteger("123456789abcdef", 16), e = BigInteger.valueOf(65537), m = new BigInteger("fedcba987654321", 16);
        String in2 = word(BigInteger.valueOf(8)) + word(BigInteger.valueOf(3)) + word(BigInteger.valueOf(8))
                + String.format("%016x", b) + "010001" + String.format("%016x", m);
        assertThat(new BigInteger(1, ok(5, "0x" + in2))).isEqualTo(b.modPow(e, m));
    }

    /** EIP-152's test vector 5 is BLAKE2b-512("abc"): twelve rounds over one final block. BouncyCastle agrees. */
    @Test
    void blake2fCompressesAsBlake2b() {
        String input = "0000000c48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
                + "6162630000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0300000000000000" + "0000000000000000" + "01";
        Blake2bDigest oracle = new Blake2bDigest(512);
        oracle.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        byte[] expected = new byte[64];
        oracle.doFinal(expected, 0);
        assertThat(ok(9, "0x" + input)).containsExactly(expected);
        assertThat(run(9, Hex.decode("0x" + input), 11).haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
        assertThat(run(9, Hex.decode("0x" + input.substring(0, input.length() - 2) + "02"), 1000).haltReason())
                .isEqualTo(HaltReason.PRECOMPILE_FAILURE);
        assertThat(run(9, new byte[212], 1000).haltReason()).isEqualTo(HaltReason.PRECOMPILE_FAILURE);
    }

    private static final String G1 = word(BigInteger.ONE) + word(BigInteger.TWO);
    private static final String G1_DOUBLE = "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
            + "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4";
    /** The G2 generator of EIP-197, imaginary parts first. */
    private static final String G2 =
            "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
            + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
            + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
            + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    @Test
    void bn254AdditionAndMultiplication() {
        assertThat(Hex.encodeNoPrefix(ok(6, "0x" + G1 + G1))).isEqualTo(G1_DOUBLE);
        assertThat(Hex.encodeNoPrefix(ok(7, "0x" + G1 + word(BigInteger.TWO)))).isEqualTo(G1_DOUBLE);
        // adding the point at infinity (0, 0) is the identity; multiplying by the group order gives infinity
        assertThat(Hex.encodeNoPrefix(ok(6, "0x" + G1))).isEqualTo(G1);
        assertThat(ok(7, "0x" + G1 + word(Bn254.R))).containsOnly(0);
        // (1, 3) is not on the curve
        assertThat(run(6, Hex.decode("0x" + word(BigInteger.ONE) + word(BigInteger.valueOf(3))), 1000).haltReason())
                .isEqualTo(HaltReason.PRECOMPILE_FAILURE);
        assertThat(run(6, new byte[0], 149).haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
    }

    @Test
    void bn254PairingCheck() {
        String minusG1 = word(BigInteger.ONE) + word(Bn254.P.subtract(BigInteger.TWO));
        // e(G1, G2) · e(-G1, G2) = 1
        assertThat(ok(8, "0x" + G1 + G2 + minusG1 + G2)[31]).isEqualTo((byte) 1);
        // e(G1, G2) · e(G1, G2) != 1
        assertThat(ok(8, "0x" + G1 + G2 + G1 + G2)[31]).isEqualTo((byte) 0);
        // e(2·G1, G2) · e(-G1, G2)^2 = 1 (bilinearity)
        assertThat(ok(8, "0x" + G1_DOUBLE + G2 + minusG1 + G2 + minusG1 + G2)[31]).isEqualTo((byte) 1);
        // the empty product is 1; input not a multiple of 192 bytes fails
        assertThat(ok(8, "0x")[31]).isEqualTo((byte) 1);
        assertThat(run(8, new byte[100], 1_000_000).haltReason()).isEqualTo(HaltReason.PRECOMPILE_FAILURE);
        assertThat(run(8, new byte[0], 44_999).haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
    }

    /** The fast final exponentiation (Frobenius + multi-exponentiation) against the plain square-and-multiply. */
    @Test
    void finalExponentiationMatchesThePlainPower() {
        java.math.BigInteger[] c = new java.math.BigInteger[12];
        for (int i = 0; i < 12; i++) c[i] = java.math.BigInteger.valueOf(1_000_003L * (i + 7) * (i + 3));
        Bn254Pairing.Fp12 f = new Bn254Pairing.Fp12(c);
        java.math.BigInteger exponent = Bn254.P.pow(12).subtract(java.math.BigInteger.ONE).divide(Bn254.R);
        assertThat(Bn254Pairing.finalExponentiation(f)).isEqualTo(f.pow(exponent));
        assertThat(Bn254Pairing.frobenius(f)).isEqualTo(f.pow(Bn254.P));
    }

    @Test
    void pointEvaluationAcceptsTheZeroPolynomialAndRejectsAWrongVersionedHash() {
        byte[] infinity = new byte[48];
        infinity[0] = (byte) 0xc0;
        byte[] versioned = PointEvaluation.versionedHash(infinity);
        String z = "0000000000000000000000000000000000000000000000000000000000000005";
        String input = Hex.encodeNoPrefix(versioned) + z + word(BigInteger.ZERO) + Hex.encodeNoPrefix(infinity) + Hex.encodeNoPrefix(infinity);
        byte[] out = ok(10, "0x" + input);
        assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(out, 0, 32))).isEqualTo(BigInteger.valueOf(4096));
        assertThat(Hex.encodeNoPrefix(java.util.Arrays.copyOfRange(out, 32, 64)))
                .isEqualTo("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        // y = 1 is not the zero polynomial's value
        String wrongY = Hex.encodeNoPrefix(versioned) + z + word(BigInteger.ONE) + Hex.encodeNoPrefix(infinity) + Hex.encodeNoPrefix(infinity);
        assertThat(run(10, Hex.decode("0x" + wrongY), 50_000).haltReason()).isEqualTo(HaltReason.PRECOMPILE_FAILURE);
        byte[] badHash = Hex.decode("0x" + input);
        badHash[0] = 2;
        assertThat(run(10, badHash, 50_000).haltReason()).isEqualTo(HaltReason.PRECOMPILE_FAILURE);
    }
}
