package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.UInt256;

class FeeMarketTest {
    private static final long LIMIT = 30_000_000;
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);

    @Test
    void baseFeeStaysAtTheTarget() {
        assertThat(FeeMarket.nextBaseFee(LIMIT, LIMIT / 2, GWEI)).isEqualTo(GWEI);
    }

    @Test
    void aFullBlockRaisesTheBaseFeeByAnEighth() {
        assertThat(FeeMarket.nextBaseFee(LIMIT, LIMIT, GWEI)).isEqualTo(UInt256.of(1_125_000_000L));
    }

    @Test
    void anEmptyBlockLowersTheBaseFeeByAnEighth() {
        assertThat(FeeMarket.nextBaseFee(LIMIT, 0, GWEI)).isEqualTo(UInt256.of(875_000_000L));
    }

    @Test
    void aBlockAboveTargetRaisesTheFeeByAtLeastOneWei() {
        assertThat(FeeMarket.nextBaseFee(LIMIT, LIMIT / 2 + 1, UInt256.ONE)).isEqualTo(UInt256.of(2));
        assertThat(FeeMarket.nextBaseFee(LIMIT, LIMIT / 2 + 1, UInt256.ZERO)).isEqualTo(UInt256.ONE);
    }

    @Test
    void partialChangesAreProportionalAndRoundedDown() {
        // 22.5M used against a 15M target is 50% over: the fee rises by half of an eighth, 6.25%.
        assertThat(FeeMarket.nextBaseFee(LIMIT, 22_500_000, GWEI)).isEqualTo(UInt256.of(1_062_500_000L));
        // A small fee falls by less than one wei and stays: 7 - floor(7 / 8) = 7.
        assertThat(FeeMarket.nextBaseFee(LIMIT, 0, UInt256.of(7))).isEqualTo(UInt256.of(7));
        assertThat(FeeMarket.nextBaseFee(LIMIT, 0, UInt256.of(8))).isEqualTo(UInt256.of(7));
    }

    @Test
    void gasLimitMovesByLessThanOne1024thAndNeverBelow5000() {
        assertThat(FeeMarket.isValidGasLimit(LIMIT, LIMIT)).isTrue();
        assertThat(FeeMarket.isValidGasLimit(LIMIT, LIMIT + LIMIT / 1024 - 1)).isTrue();
        assertThat(FeeMarket.isValidGasLimit(LIMIT, LIMIT + LIMIT / 1024)).isFalse();
        assertThat(FeeMarket.isValidGasLimit(LIMIT, LIMIT - LIMIT / 1024)).isFalse();
        assertThat(FeeMarket.isValidGasLimit(5_000, 4_999)).isFalse();
    }
}
