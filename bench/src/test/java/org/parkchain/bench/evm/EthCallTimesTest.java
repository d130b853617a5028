package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EthCallTimesTest {
    @Test
    void medianOfAnOddCountIsTheMiddleTime() {
        assertThat(EthCallTimes.of(50, 10, 30).medianNanos()).isEqualTo(30);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleTimes() {
        assertThat(EthCallTimes.of(40, 10, 20, 1_000).medianNanos()).isEqualTo(30);
    }

    @Test
    void p90IsTheNearestRank() {
        // Ten calls: the 9th smallest is the least time that 90% of them did not exceed.
        assertThat(EthCallTimes.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1).p90Nanos()).isEqualTo(9);
        // Eleven: rank ceil(9.9) = 10.
        assertThat(EthCallTimes.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).p90Nanos()).isEqualTo(10);
        assertThat(EthCallTimes.of(7).p90Nanos()).isEqualTo(7);
    }

    @Test
    void keepsItsOwnSortedCopy() {
        long[] nanos = {3, 1, 2};
        EthCallTimes times = EthCallTimes.of(nanos);
        nanos[0] = 100;
        assertThat(times.sortedNanos()).containsExactly(1, 2, 3);
        assertThat(times.calls()).isEqualTo(3);
    }

    @Test
    void figuresPoolTheCallsOfEveryRound() {
        EthCallFigures figures = new EthCallFigures("n", 1_000, "0x", java.util.List.of(EthCallTimes.of(5, 1), EthCallTimes.of(3)));
        assertThat(figures.times().sortedNanos()).containsExactly(1, 3, 5);
        assertThat(figures.mgasPerSecond()).isEqualTo(1_000 / 3.0 * 1e3);
    }

    @Test
    void refusesNoCalls() {
        assertThatThrownBy(EthCallTimes::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no timed calls");
    }
}
