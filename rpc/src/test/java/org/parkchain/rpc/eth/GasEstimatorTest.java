package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class GasEstimatorTest {

    /** A call that needs {@code need} gas and uses {@code used} of it (a refund or 63/64 reserve makes need > used). */
    private static GasEstimator.Trial needs(long need, long used, AtomicInteger runs) {
        return gas -> {
            runs.incrementAndGet();
            return gas >= need ? new GasEstimator.Outcome.Success(used) : new GasEstimator.Outcome.Failed("out of gas");
        };
    }

    @Property
    void estimateIsEnoughAndWithinTheErrorRatio(@ForAll @LongRange(min = 21_000, max = 30_000_000) long need,
                                                @ForAll @LongRange(min = 0, max = 5_000) long reserve) {
        long used = Math.max(21_000, need - reserve);
        AtomicInteger runs = new AtomicInteger();
        GasEstimator.Estimate e = GasEstimator.estimate(20_999, 30_000_000, needs(need, used, runs));
        assertThat(e).isInstanceOf(GasEstimator.Estimate.Gas.class);
        long gas = ((GasEstimator.Estimate.Gas) e).gas();
        assertThat(gas).isGreaterThanOrEqualTo(need);
        assertThat((double) (gas - need) / gas).isLessThanOrEqualTo(GasEstimator.ERROR_RATIO);
        assertThat(runs.get()).isLessThanOrEqualTo(30);
    }

    @Test
    void plainTransferNeedsTwoRuns() {
        AtomicInteger runs = new AtomicInteger();
        GasEstimator.Estimate e = GasEstimator.estimate(20_999, 30_000_000, needs(21_000, 21_000, runs));
        assertThat(e).isEqualTo(new GasEstimator.Estimate.Gas(21_000));
        assertThat(runs.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void revertWithTheMostGasIsReportedWithItsData() {
        GasEstimator.Estimate e = GasEstimator.estimate(20_999, 1_000_000,
                gas -> new GasEstimator.Outcome.Reverted(new byte[] {1, 2}));
        assertThat(e).isInstanceOf(GasEstimator.Estimate.Reverted.class);
        assertThat(((GasEstimator.Estimate.Reverted) e).output()).containsExactly(1, 2);
    }

    @Test
    void failureWithTheMostGasExceedsTheAllowance() {
        GasEstimator.Estimate e = GasEstimator.estimate(20_999, 100_000, gas -> new GasEstimator.Outcome.Failed("out of gas"));
        assertThat(e).isEqualTo(new GasEstimator.Estimate.Failed("gas required exceeds allowance (100000)", 100_000));
        GasEstimator.Estimate refused = GasEstimator.estimate(20_999, 100_000,
                gas -> new GasEstimator.Outcome.Failed("insufficient funds for gas * price + value"));
        assertThat(((GasEstimator.Estimate.Failed) refused).reason()).isEqualTo("insufficient funds for gas * price + value");
        assertThat(GasEstimator.estimate(20_999, 20_000, gas -> new GasEstimator.Outcome.Success(21_000)))
                .isInstanceOf(GasEstimator.Estimate.Failed.class);
    }
}
