package org.parkchain.bench.evm;

/**
 * One workload on one node: the gas the node charges for a call (a receipt's gasUsed, intrinsic gas included), what
 * the call returned, and the timed calls. Mgas/s is the gas per call over the median wall time of a call (the JSON-RPC round trip included).
 */
record EthCallFigures(String node, long gasPerCall, String output, EthCallTimes times) {
    double mgasPerSecond() {
        return gasPerCall / times.medianNanos() * 1e3;
    }
}
