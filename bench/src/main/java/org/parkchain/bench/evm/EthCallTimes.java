package org.parkchain.bench.evm;

import java.util.Arrays;

/** The wall time of each timed eth_call of one workload on one node, in nanoseconds, and its median and 90th percentile. */
record EthCallTimes(long[] sortedNanos) {
    EthCallTimes {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no timed calls");
        }
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    static EthCallTimes of(long... nanos) {
        return new EthCallTimes(nanos);
    }

    int calls() {
        return sortedNanos.length;
    }

    /** The middle value, or the mean of the two middle ones for an even count. */
    double medianNanos() {
        int n = sortedNanos.length;
        return n % 2 == 1 ? sortedNanos[n / 2] : (sortedNanos[n / 2 - 1] + sortedNanos[n / 2]) / 2.0;
    }

    /** The nearest-rank 90th percentile: the smallest time that at least 90% of the calls did not exceed. */
    double p90Nanos() {
        int rank = (int) Math.ceil(0.9 * sortedNanos.length);
        return sortedNanos[rank - 1];
    }
}
