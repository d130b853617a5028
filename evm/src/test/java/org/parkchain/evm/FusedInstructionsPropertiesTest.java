package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.parkchain.primitives.UInt256;

/**
 * The fast loop's fused instructions ({@link AnalysedCode}'s PUSH + ADD/SHL/SHR, ISZERO + PUSH2 + JUMPI) against
 * BigInteger and against the same program with the pair split by a no-op (DUP1 POP), which the analysis leaves
 * unfused: the result and the gas must be the same.
 */
class FusedInstructionsPropertiesTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

    @Provide
    Arbitrary<BigInteger> words() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE)),
                Arbitraries.integers().between(0, 256).map(i -> BigInteger.ONE.shiftLeft(i).subtract(BigInteger.ONE)),
                Arbitraries.of(BigInteger.ZERO, MOD.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE)));
    }

    private static String push32(BigInteger x) {
        return "PUSH32 0x" + String.format("%064x", x);
    }

    /** PUSHn c with n bytes (c fits), as hex. */
    private static String pushN(long c, int n) {
        return "PUSH" + n + " 0x" + Long.toHexString(c);
    }

    /** The top item and the gas left after {@code asm}, which must leave one item. */
    private static BigInteger[] run(String asm) {
        ExecutionResult r = new EvmHarness().call(asm + " PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000);
        assertThat(r.isSuccess()).as(asm).isTrue();
        return new BigInteger[] {UInt256.fromBytes(r.output()).toBigInteger(), BigInteger.valueOf(r.gasLeft())};
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    @Property(tries = 300)
    void pushAndAddShlShrMatchBigInteger(@ForAll("words") BigInteger x, @ForAll long constant, @ForAll @IntRange(min = 1, max = 8) int n) {
        long c = n == 8 ? constant : constant & ((1L << (8 * n)) - 1);
        BigInteger cb = unsigned(c);
        int shift = cb.compareTo(BigInteger.valueOf(256)) >= 0 ? 256 : cb.intValue();
        String[] ops = {"ADD", "SHL", "SHR"};
        BigInteger[] expected = {x.add(cb).mod(MOD), x.shiftLeft(shift).mod(MOD), x.shiftRight(shift)};
        for (int i = 0; i < ops.length; i++) {
            BigInteger[] fused = run(push32(x) + " " + pushN(c, n) + " " + ops[i]);
            BigInteger[] split = run(push32(x) + " " + pushN(c, n) + " DUP1 POP " + ops[i]);
            assertThat(fused[0]).as(ops[i]).isEqualTo(expected[i]).isEqualTo(split[0]);
            assertThat(fused[1]).isEqualTo(split[1].add(BigInteger.valueOf(5))); // DUP1 POP costs 3 + 2
        }
        // small shift amounts, where the bits move between limbs
        int small = (int) (c & 0xff);
        assertThat(run(push32(x) + " " + pushN(small, 1) + " SHL")[0]).isEqualTo(x.shiftLeft(small).mod(MOD));
        assertThat(run(push32(x) + " " + pushN(small, 1) + " SHR")[0]).isEqualTo(x.shiftRight(small));
    }

    @Property(tries = 200)
    void isZeroPushJumpiJumpsExactlyWhenZero(@ForAll("words") BigInteger x) {
        // returns 1 if the jump was taken (x == 0), 2 if not
        String program = push32(x) + " ISZERO :zero JUMPI PUSH 2 :end JUMP @zero PUSH 1 @end";
        String split = push32(x) + " ISZERO DUP1 POP :zero JUMPI PUSH 2 :end JUMP @zero PUSH 1 @end";
        BigInteger[] fused = run(program), unfused = run(split);
        assertThat(fused[0]).isEqualTo(BigInteger.valueOf(x.signum() == 0 ? 1 : 2)).isEqualTo(unfused[0]);
        assertThat(fused[1]).isEqualTo(unfused[1].add(BigInteger.valueOf(5)));
    }
}
