package org.parkchain.bench.evm;

import java.util.List;

/**
 * One workload on one node: the gas the node charges for a call (a receipt's gasUsed, intrinsic gas included), what
 * the call returned, and the timed calls, round by round. Mgas/s is the gas per call over the median wall time of a
 * call over all rounds (the JSON-RPC round trip included).
 */
record EthCallFigures(String node, long gasPerCall, String output, List<EthCallTimes> rounds) {
    EthCallFigures {
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no timed rounds");
        }
    }

    /** Every timed call of every round. */
    EthCallTimes times() {
        return EthCallTimes.of(rounds.stream().flatMapToLong(r -> java.util.Arrays.stream(r.sortedNanos())).toArray());
    }

    double mgasPerSecond() {
        return gasPerCall / times().medianNanos() * 1e3;
    }
}
