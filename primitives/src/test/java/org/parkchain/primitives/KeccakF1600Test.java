package org.parkchain.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The written-out permutation against FIPS 202's step-by-step one and the Keccak team's published values. */
class KeccakF1600Test {
    private static void assertSameAsReference(long[] state, String what) {
        long[] fast = state.clone();
        long[] reference = state.clone();
        KeccakF1600.permute(fast);
        ReferenceKeccakF1600.permute(reference);
        assertThat(fast).as(what).containsExactly(reference);
    }

    @Test
    void permutesTheZeroStateToThePublishedValue() {
        // KeccakF-1600-IntermediateValues: the first lanes of Keccak-f[1600] applied to the all-zero state
        long[] state = new long[25];
        KeccakF1600.permute(state);
        assertThat(state[0]).isEqualTo(0xF1258F7940E1DDE7L);
        assertThat(state[1]).isEqualTo(0x84D5CCF933C0478AL);
        assertSameAsReference(new long[25], "zero state");
    }

    @Test
    void agreesWithTheReferenceOnEverySingleBitState() {
        // one set bit reaches every lane and every rotation through θ, so a wrong offset or lane move shows
        for (int bit = 0; bit < 1600; bit++) {
            long[] state = new long[25];
            state[bit / 64] = 1L << (bit % 64);
            assertSameAsReference(state, "bit " + bit);
        }
    }

    @Test
    void agreesWithTheReferenceOnRandomStates() {
        Random random = new Random(1600);
        for (int i = 0; i < 2_000; i++) {
            long[] state = new long[25];
            for (int lane = 0; lane < 25; lane++) state[lane] = random.nextLong();
            assertSameAsReference(state, "random state " + i);
        }
    }
}
