package org.parkchain.evm.precompile.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;
import org.parkchain.evm.precompile.ec.Curve;

/** The byte-level contract of EIP-2537: encodings, refusals and their reasons, gas. */
class Bls12381PrecompilesTest {
    private static byte[] g1(Curve.Affine<Fp> p) {
        return Encoding.encodeG1(p);
    }

    private static byte[] g2(Curve.Affine<Fp2> p) {
        return Encoding.encodeG2(p);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] scalar(BigInteger k) {
        byte[] out = new byte[32];
        byte[] b = k.toByteArray();
        int skip = b.length > 32 ? 1 : 0;
        System.arraycopy(b, skip, out, 32 - (b.length - skip), b.length - skip);
        return out;
    }

    private static String refusal(Bls12381Precompiles op, byte[] input) {
        return ((Outcome.Invalid) op.evaluate(input)).reason();
    }

    /** A point on G1's curve outside the subgroup: the isogeny image before the cofactor is cleared. */
    private static Curve.Affine<Fp> g1OutsideSubgroup() {
        return MapToCurve.G1.isogeny(MapToCurve.G1.simplifiedSwu(Fp.of(5)));
    }

    @Test
    void additionSkipsTheSubgroupCheckButMsmAndPairingRefuse() {
        Curve.Affine<Fp> outside = g1OutsideSubgroup();
        assertThat(Bls12381Precompiles.G1ADD.evaluate(concat(g1(outside), g1(PairingTest.G1)))).isInstanceOf(Outcome.Output.class);
        assertThat(refusal(Bls12381Precompiles.G1MSM, concat(g1(outside), scalar(BigInteger.ONE))))
                .isEqualTo("g1 point is not in the correct subgroup");
        assertThat(refusal(Bls12381Precompiles.PAIRING_CHECK, concat(g1(outside), g2(PairingTest.G2))))
                .isEqualTo("g1 point is not in the correct subgroup");
        Curve.Affine<Fp2> outside2 = MapToCurve.G2.isogeny(MapToCurve.G2.simplifiedSwu(Fp2.of(5, 7)));
        assertThat(Bls12381Precompiles.G2ADD.evaluate(concat(g2(outside2), g2(outside2)))).isInstanceOf(Outcome.Output.class);
        assertThat(refusal(Bls12381Precompiles.G2MSM, concat(g2(outside2), scalar(BigInteger.TWO))))
                .isEqualTo("g2 point is not in the correct subgroup");
    }

    @Test
    void infinityIsAllZeroBytesAndPairsWithIt() {
        byte[] inf1 = new byte[128], inf2 = new byte[256];
        assertThat(((Outcome.Output) Bls12381Precompiles.G1ADD.evaluate(concat(inf1, inf1))).bytes()).isEqualTo(inf1);
        assertThat(((Outcome.Output) Bls12381Precompiles.G2MSM.evaluate(concat(g2(PairingTest.G2), scalar(Bls12381.ORDER)))).bytes())
                .isEqualTo(inf2);
        byte[] out = ((Outcome.Output) Bls12381Precompiles.PAIRING_CHECK.evaluate(concat(inf1, g2(PairingTest.G2)))).bytes();
        assertThat(out[31]).isEqualTo((byte) 1);
    }

    @Test
    void msmEqualsRepeatedAdditionInG2() {
        // G2MSM has no vectors in the EIP's assets: 5·Q + 3·Q must equal 8·Q computed by G2ADD doublings.
        byte[] q = g2(PairingTest.G2);
        byte[] msm = ((Outcome.Output) Bls12381Precompiles.G2MSM.evaluate(
                concat(q, scalar(BigInteger.valueOf(5)), q, scalar(BigInteger.valueOf(3))))).bytes();
        byte[] twice = ((Outcome.Output) Bls12381Precompiles.G2ADD.evaluate(concat(q, q))).bytes();
        byte[] four = ((Outcome.Output) Bls12381Precompiles.G2ADD.evaluate(concat(twice, twice))).bytes();
        byte[] eight = ((Outcome.Output) Bls12381Precompiles.G2ADD.evaluate(concat(four, four))).bytes();
        assertThat(msm).isEqualTo(eight);
    }

    @Test
    void fieldElementsMustHaveZeroTopBytesAndBeBelowP() {
        byte[] input = new byte[64];
        input[0] = 1;
        assertThat(refusal(Bls12381Precompiles.MAP_FP_TO_G1, input)).isEqualTo("invalid field element top bytes");
        byte[] p = Fp.P.toByteArray();
        byte[] atP = new byte[64];
        System.arraycopy(p, p.length - 48, atP, 16, 48);
        assertThat(refusal(Bls12381Precompiles.MAP_FP_TO_G1, atP)).isEqualTo("invalid fp.Element encoding");
        assertThat(refusal(Bls12381Precompiles.MAP_FP_TO_G1, new byte[65])).isEqualTo("invalid input length");
        assertThat(refusal(Bls12381Precompiles.G1MSM, new byte[0])).isEqualTo("invalid input length");
    }

    @Test
    void gasFollowsTheEipSchedule() {
        assertThat(Bls12381Precompiles.G1ADD.gas(new byte[256])).isEqualTo(375);
        assertThat(Bls12381Precompiles.G2ADD.gas(new byte[512])).isEqualTo(600);
        assertThat(Bls12381Precompiles.MAP_FP_TO_G1.gas(new byte[64])).isEqualTo(5_500);
        assertThat(Bls12381Precompiles.MAP_FP2_TO_G2.gas(new byte[128])).isEqualTo(23_800);
        assertThat(Bls12381Precompiles.PAIRING_CHECK.gas(new byte[2 * 384])).isEqualTo(2 * 32_600 + 37_700);
        assertThat(Bls12381Precompiles.G1MSM.gas(new byte[160])).isEqualTo(12_000);
        assertThat(Bls12381Precompiles.G1MSM.gas(new byte[2 * 160])).isEqualTo(2 * 12_000 * 949 / 1000);
        assertThat(Bls12381Precompiles.G2MSM.gas(new byte[2 * 288])).isEqualTo(2 * 22_500);
        assertThat(Bls12381Precompiles.G2MSM.gas(new byte[128 * 288])).isEqualTo(128L * 22_500 * 524 / 1000);
        // Past 128 pairs the discount stays at its cap.
        assertThat(Bls12381Precompiles.G1MSM.gas(new byte[200 * 160])).isEqualTo(200L * 12_000 * 519 / 1000);
    }

    @Test
    void aRefusedInputFailsTheCallAndBurnsItsGas() {
        ExecutionResult r = Bls12381Precompiles.G1ADD.execute(new byte[255], 1_000_000);
        assertThat(r.isSuccess()).isFalse();
        assertThat(r.haltReason()).isEqualTo(HaltReason.PRECOMPILE_FAILURE);
        assertThat(Bls12381Precompiles.G1ADD.execute(new byte[256], 374).haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
        assertThat(Bls12381Precompiles.G1ADD.execute(new byte[256], 375).isSuccess()).isTrue();
    }

    @Test
    void addressesAreTheEipsZeroBToEleven() {
        int expected = 0x0b;
        for (Bls12381Precompiles op : Bls12381Precompiles.values()) assertThat(op.address()).isEqualTo(expected++);
    }
}
