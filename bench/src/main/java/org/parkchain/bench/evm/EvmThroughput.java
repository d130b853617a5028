package org.parkchain.bench.evm;

import java.util.Locale;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.state.WorldState;

/**
 * Mgas/s of each {@link EvmWorkload} and their geometric mean: a timed loop around the EVM call only (building the
 * fresh world is not timed), after a warm-up long enough for C2 to compile the interpreter. Usage:
 * {@code java -cp bench.jar:... org.parkchain.bench.evm.EvmThroughput [seconds per workload]}.
 */
public final class EvmThroughput {
    private EvmThroughput() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double logSum = 0;
        int n = 0;
        for (EvmWorkload w : EvmWorkload.values()) {
            measure(w, seconds / 2); // warm-up
            double mgas = measure(w, seconds);
            System.out.printf(Locale.ROOT, "%-16s %8.1f Mgas/s%n", w, mgas);
            logSum += Math.log(mgas);
            n++;
        }
        System.out.printf(Locale.ROOT, "%-16s %8.1f Mgas/s%n", "geometric mean", Math.exp(logSum / n));
    }

    static double measure(EvmWorkload w, double seconds) {
        long gas = 0, nanos = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            WorldState world = w.newWorld();
            long t0 = System.nanoTime();
            ExecutionResult r = w.run(world);
            nanos += System.nanoTime() - t0;
            gas += w.gasUsed(r);
        }
        return gas / (nanos / 1e9) / 1e6;
    }
}
