package org.parkchain.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * 0x100 (EIP-7951, Osaka): ECDSA verification on secp256r1 (P-256). Input is exactly 160 bytes: message hash h,
 * signature r and s, public key x and y, each 32 bytes big-endian. The output is the 32-byte word 1 for a valid
 * signature and empty otherwise; the call never fails, so a contract can tell "invalid" from "out of gas".
 *
 * <p>EIP-7951's validation, in order: the length; 0 < r < n and 0 < s < n; 0 ≤ x, y < p; (x, y) on the curve
 * (which excludes the point at infinity, encoded by no pair). Verification proper is BouncyCastle's ECDSA: with
 * h taken whole as an integer (no truncation, n being 256 bits), R' = (h·s⁻¹)·G + (r·s⁻¹)·Q must not be the point
 * at infinity and R'.x mod n must equal r. No low-s rule applies. Costs 6,900 gas per call, valid or not.
 */
public final class P256Verify implements Precompile {
    public static final long GAS = 6_900;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
    private static final byte[] VALID = word(1);
    private static final byte[] INVALID = new byte[0];

    @Override
    public long gas(byte[] input) {
        return GAS;
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        return Optional.of(verifies(input) ? VALID.clone() : INVALID);
    }

    static boolean verifies(byte[] input) {
        if (input.length != 160) return false;
        byte[] hash = Arrays.copyOfRange(input, 0, 32);
        BigInteger r = integer(input, 32), s = integer(input, 64), x = integer(input, 96), y = integer(input, 128);
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) return false;
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) return false;
        ECPoint q;
        try {
            q = CURVE.getCurve().validatePoint(x, y); // refuses points off the curve
        } catch (IllegalArgumentException offCurve) {
            return false;
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return signer.verifySignature(hash, r, s);
    }

    private static BigInteger integer(byte[] input, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(input, offset, offset + 32));
    }

    private static byte[] word(int value) {
        byte[] out = new byte[32];
        out[31] = (byte) value;
        return out;
    }
}
