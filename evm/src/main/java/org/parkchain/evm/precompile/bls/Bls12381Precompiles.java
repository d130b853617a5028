package org.parkchain.evm.precompile.bls;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.precompile.Precompile;
import org.parkchain.evm.precompile.ec.Curve;

/**
 * EIP-2537's seven BLS12-381 precompiles (Prague), at 0x0b–0x11. Inputs are validated as the EIP says: exact
 * lengths (a positive multiple of the pair size for MSM and pairing), field elements below p with zero top bytes,
 * points on their curve; subgroup membership is checked for MSM and pairing inputs and deliberately not for
 * additions. Any refusal fails the call, which then burns all the gas it was given.
 */
public enum Bls12381Precompiles implements Precompile {
    /** 0x0b: P + Q in G1's curve group; 375 gas. */
    G1ADD(0x0b) {
        @Override
        public long gas(byte[] input) {
            return 375;
        }

        @Override
        byte[] run(byte[] in) {
            requireLength(in.length == 2 * Encoding.G1);
            Curve.Affine<Fp> p = Encoding.g1(in, 0);
            Curve.Affine<Fp> q = Encoding.g1(in, Encoding.G1);
            Curve<Fp> c = Bls12381.G1;
            return Encoding.encodeG1(c.toAffine(c.add(c.toJacobian(p), c.toJacobian(q))));
        }
    },
    /** 0x0c: Σ k_i·P_i over G1 points (each in the subgroup) and 32-byte scalars. */
    G1MSM(0x0c) {
        @Override
        public long gas(byte[] input) {
            return msmGas(input.length / (Encoding.G1 + Encoding.SCALAR), G1_MULTIPLICATION_GAS, G1_DISCOUNTS);
        }

        @Override
        byte[] run(byte[] in) {
            int size = Encoding.G1 + Encoding.SCALAR;
            requireLength(in.length > 0 && in.length % size == 0);
            List<Curve.Affine<Fp>> points = new ArrayList<>();
            List<BigInteger> scalars = new ArrayList<>();
            for (int offset = 0; offset < in.length; offset += size) {
                points.add(Encoding.g1InSubgroup(in, offset));
                scalars.add(Encoding.scalar(in, offset + Encoding.G1));
            }
            return Encoding.encodeG1(MultiScalarMultiplication.g1(points, scalars));
        }
    },
    /** 0x0d: P + Q in G2's curve group; 600 gas. */
    G2ADD(0x0d) {
        @Override
        public long gas(byte[] input) {
            return 600;
        }

        @Override
        byte[] run(byte[] in) {
            requireLength(in.length == 2 * Encoding.G2);
            Curve.Affine<Fp2> p = Encoding.g2(in, 0);
            Curve.Affine<Fp2> q = Encoding.g2(in, Encoding.G2);
            Curve<Fp2> c = Bls12381.G2;
            return Encoding.encodeG2(c.toAffine(c.add(c.toJacobian(p), c.toJacobian(q))));
        }
    },
    /** 0x0e: Σ k_i·Q_i over G2 points (each in the subgroup) and 32-byte scalars. */
    G2MSM(0x0e) {
        @Override
        public long gas(byte[] input) {
            return msmGas(input.length / (Encoding.G2 + Encoding.SCALAR), G2_MULTIPLICATION_GAS, G2_DISCOUNTS);
        }

        @Override
        byte[] run(byte[] in) {
            int size = Encoding.G2 + Encoding.SCALAR;
            requireLength(in.length > 0 && in.length % size == 0);
            List<Curve.Affine<Fp2>> points = new ArrayList<>();
            List<BigInteger> scalars = new ArrayList<>();
            for (int offset = 0; offset < in.length; offset += size) {
                points.add(Encoding.g2InSubgroup(in, offset));
                scalars.add(Encoding.scalar(in, offset + Encoding.G2));
            }
            return Encoding.encodeG2(MultiScalarMultiplication.g2(points, scalars));
        }
    },
    /** 0x0f: whether Π e(P_i, Q_i) = 1; 32 bytes ending in 1 or 0; 32,600·k + 37,700 gas. */
    PAIRING_CHECK(0x0f) {
        @Override
        public long gas(byte[] input) {
            return 32_600L * (input.length / PAIR) + 37_700;
        }

        @Override
        byte[] run(byte[] in) {
            requireLength(in.length > 0 && in.length % PAIR == 0);
            List<Pairing.Pair> pairs = new ArrayList<>();
            for (int offset = 0; offset < in.length; offset += PAIR) {
                Curve.Affine<Fp> p = Encoding.g1InSubgroup(in, offset);
                Curve.Affine<Fp2> q = Encoding.g2InSubgroup(in, offset + Encoding.G1);
                pairs.add(new Pairing.Pair(p, q));
            }
            byte[] out = new byte[32];
            out[31] = (byte) (Pairing.productIsOne(pairs) ? 1 : 0);
            return out;
        }
    },
    /** 0x10: an F_p element mapped to G1 (simplified SWU, 11-isogeny, cofactor clearing); 5,500 gas. */
    MAP_FP_TO_G1(0x10) {
        @Override
        public long gas(byte[] input) {
            return 5_500;
        }

        @Override
        byte[] run(byte[] in) {
            requireLength(in.length == Encoding.FP);
            return Encoding.encodeG1(MapToCurve.G1.map(Encoding.fp(in, 0)));
        }
    },
    /** 0x11: an F_p2 element mapped to G2 (simplified SWU, 3-isogeny, cofactor clearing); 23,800 gas. */
    MAP_FP2_TO_G2(0x11) {
        @Override
        public long gas(byte[] input) {
            return 23_800;
        }

        @Override
        byte[] run(byte[] in) {
            requireLength(in.length == Encoding.FP2);
            return Encoding.encodeG2(MapToCurve.G2.map(Encoding.fp2(in, 0)));
        }
    };

    private static final int PAIR = Encoding.G1 + Encoding.G2;
    private static final long G1_MULTIPLICATION_GAS = 12_000;
    private static final long G2_MULTIPLICATION_GAS = 22_500;
    /** EIP-2537's MSM discounts (per mille) for k = 1…128 pairs; larger k keep the last value. */
    private static final int[] G1_DISCOUNTS = {
        1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661,
        658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611,
        609, 608, 606, 604, 603, 601, 599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581,
        580, 579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559,
        558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540,
        540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525,
        524, 523, 522, 522, 521, 520, 520, 519,
    };
    private static final int[] G2_DISCOUNTS = {
        1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693,
        688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624,
        622, 620, 618, 615, 613, 611, 609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587,
        586, 584, 583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562,
        561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544,
        543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529,
        528, 528, 527, 526, 526, 525, 524, 524,
    };

    private final int address;

    Bls12381Precompiles(int address) {
        this.address = address;
    }

    /** The low byte of the precompile's address. */
    public int address() {
        return address;
    }

    /** The output, or the reason the input is refused. */
    public Outcome evaluate(byte[] input) {
        try {
            return new Outcome.Output(run(input));
        } catch (Encoding.InvalidInput e) {
            return new Outcome.Invalid(e.getMessage());
        }
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        return evaluate(input) instanceof Outcome.Output out ? Optional.of(out.bytes()) : Optional.empty();
    }

    abstract byte[] run(byte[] input);

    private static void requireLength(boolean ok) {
        if (!ok) throw new Encoding.InvalidInput(Encoding.BAD_LENGTH);
    }

    /** k·(one multiplication's gas)·discount(k)/1000; an empty input prices at 0 and is then refused. */
    static long msmGas(int k, long multiplicationGas, int[] discounts) {
        if (k == 0) return 0;
        int discount = discounts[Math.min(k, discounts.length) - 1];
        return k * multiplicationGas * discount / 1000;
    }
}
