package org.parkchain.bench.precompile;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parkchain.evm.Fork;
import org.parkchain.evm.precompile.P256Verify;
import org.parkchain.evm.precompile.Precompile;
import org.parkchain.evm.precompile.bls.Bls12381Precompiles;
import org.parkchain.evm.precompile.bls.Outcome;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.crypto.PrivateKey;

/**
 * One precompile call to measure: the contract and a valid input of a typical size. Inputs are built from the
 * precompiles themselves (mapped curve points, a signature made on the spot), so no test data is needed.
 */
record PrecompileCase(String name, Precompile precompile, byte[] input) {
    long gas() {
        return precompile.gas(input);
    }

    static Map<String, PrecompileCase> all() {
        Map<String, PrecompileCase> cases = new LinkedHashMap<>();
        for (PrecompileCase c : new PrecompileCase[] {
            new PrecompileCase("ecrecover", cancun(1), ecrecoverInput()),
            new PrecompileCase("sha256-1KiB", cancun(2), new byte[1024]),
            new PrecompileCase("modexp-256bit", cancun(5), modexpInput()),
            new PrecompileCase("bn254-add", cancun(6), concat(BN_G1, BN_G1)),
            new PrecompileCase("bn254-mul", cancun(7), concat(BN_G1, word(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19))))),
            new PrecompileCase("bn254-pairing-2", cancun(8), concat(BN_G1, BN_G2, BN_MINUS_G1, BN_G2)),
            new PrecompileCase("blake2f-12rounds", cancun(9), blake2fInput()),
            new PrecompileCase("point-evaluation", cancun(10), pointEvaluationInput()),
            new PrecompileCase("bls-g1add", Bls12381Precompiles.G1ADD, concat(blsG1(1), blsG1(2))),
            new PrecompileCase("bls-g1msm-1", Bls12381Precompiles.G1MSM, g1Msm(1)),
            new PrecompileCase("bls-g1msm-32", Bls12381Precompiles.G1MSM, g1Msm(32)),
            new PrecompileCase("bls-g1msm-128", Bls12381Precompiles.G1MSM, g1Msm(128)),
            new PrecompileCase("bls-g2add", Bls12381Precompiles.G2ADD, concat(blsG2(1), blsG2(2))),
            new PrecompileCase("bls-g2msm-1", Bls12381Precompiles.G2MSM, g2Msm(1)),
            new PrecompileCase("bls-g2msm-32", Bls12381Precompiles.G2MSM, g2Msm(32)),
            new PrecompileCase("bls-g2msm-128", Bls12381Precompiles.G2MSM, g2Msm(128)),
            new PrecompileCase("bls-pairing-2", Bls12381Precompiles.PAIRING_CHECK, blsPairing()),
            new PrecompileCase("bls-map-fp-to-g1", Bls12381Precompiles.MAP_FP_TO_G1, fp(7)),
            new PrecompileCase("bls-map-fp2-to-g2", Bls12381Precompiles.MAP_FP2_TO_G2, concat(fp(7), fp(11))),
            new PrecompileCase("p256verify", new P256Verify(), p256Input()),
        }) {
            cases.put(c.name, c);
        }
        return cases;
    }

    private static final BigInteger BN_P = new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    private static final byte[] BN_G1 = concat(word(BigInteger.ONE), word(BigInteger.TWO));
    private static final byte[] BN_MINUS_G1 = concat(word(BigInteger.ONE), word(BN_P.subtract(BigInteger.TWO)));
    /** EIP-197's G2 generator, x = (x_im, x_re), y = (y_im, y_re). */
    private static final byte[] BN_G2 = concat(
            word(new BigInteger("198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2", 16)),
            word(new BigInteger("1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed", 16)),
            word(new BigInteger("090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b", 16)),
            word(new BigInteger("12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa", 16)));
    private static final BigInteger BLS_P = new BigInteger(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);

    private static Precompile cancun(int address) {
        return Fork.CANCUN.precompiles().find(Address.fromLong(address)).orElseThrow();
    }

    private static byte[] ecrecoverInput() {
        PrivateKey key = PrivateKey.of(Keccak.keccak256("bench".getBytes(StandardCharsets.UTF_8)));
        Hash hash = Keccak.hash("message".getBytes(StandardCharsets.UTF_8));
        org.parkchain.primitives.crypto.Signature sig = key.sign(hash);
        return concat(hash.toArray(), word(BigInteger.valueOf(27 + sig.recId())), sig.r().toBytes32(), sig.s().toBytes32());
    }

    private static byte[] modexpInput() {
        BigInteger base = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(12345));
        BigInteger exp = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(777));
        BigInteger mod = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        return concat(word(BigInteger.valueOf(32)), word(BigInteger.valueOf(32)), word(BigInteger.valueOf(32)),
                word(base), word(exp), word(mod));
    }

    private static byte[] blake2fInput() {
        byte[] in = new byte[213];
        in[3] = 12;
        for (int i = 4; i < 212; i++) in[i] = (byte) i;
        in[212] = 1;
        return in;
    }

    /** The zero polynomial's commitment and proof (the point at infinity) opened at z = 5 to y = 0. */
    private static byte[] pointEvaluationInput() {
        byte[] infinity = new byte[48];
        infinity[0] = (byte) 0xc0;
        byte[] versioned = sha256(infinity);
        versioned[0] = 1;
        return concat(versioned, word(BigInteger.valueOf(5)), word(BigInteger.ZERO), infinity, infinity);
    }

    /** 64-byte encoding of a small field element. */
    private static byte[] fp(long v) {
        byte[] out = new byte[64];
        byte[] b = BigInteger.valueOf(v).toByteArray();
        System.arraycopy(b, 0, out, 64 - b.length, b.length);
        return out;
    }

    private static byte[] blsG1(long seed) {
        return output(Bls12381Precompiles.MAP_FP_TO_G1, fp(seed));
    }

    private static byte[] blsG2(long seed) {
        return output(Bls12381Precompiles.MAP_FP2_TO_G2, concat(fp(seed), fp(seed + 1)));
    }

    private static byte[] g1Msm(int k) {
        byte[][] parts = new byte[2 * k][];
        for (int i = 0; i < k; i++) {
            parts[2 * i] = blsG1(i + 3);
            parts[2 * i + 1] = sha256(new byte[] {(byte) i});
        }
        return concat(parts);
    }

    private static byte[] g2Msm(int k) {
        byte[][] parts = new byte[2 * k][];
        for (int i = 0; i < k; i++) {
            parts[2 * i] = blsG2(i + 3);
            parts[2 * i + 1] = sha256(new byte[] {(byte) i});
        }
        return concat(parts);
    }

    /** e(P, Q)·e(-P, Q) = 1 for mapped points P, Q. */
    private static byte[] blsPairing() {
        byte[] p = blsG1(5), q = blsG2(5);
        byte[] minusP = p.clone();
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(p, 64, 128));
        byte[] negY = BLS_P.subtract(y).toByteArray();
        Arrays.fill(minusP, 64, 128, (byte) 0);
        int len = Math.min(negY.length, 48);
        System.arraycopy(negY, negY.length - len, minusP, 128 - len, len);
        return concat(p, q, minusP, q);
    }

    private static byte[] p256Input() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] message = "bench".getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            ECPublicKey pub = (ECPublicKey) keys.getPublic();
            return concat(sha256(message), signer.sign(), word(pub.getW().getAffineX()), word(pub.getW().getAffineY()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no secp256r1 ECDSA", e);
        }
    }

    private static byte[] output(Precompile p, byte[] input) {
        return ((Outcome.Output) ((Bls12381Precompiles) p).evaluate(input)).bytes();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int skip = b.length > 32 ? b.length - 32 : 0;
        System.arraycopy(b, skip, out, 32 - (b.length - skip), b.length - skip);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) n += part.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
