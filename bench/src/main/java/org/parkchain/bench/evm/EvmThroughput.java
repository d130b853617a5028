package org.parkchain.bench.evm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.state.WorldState;

/**
 * Mgas/s of each {@link EvmWorkload} and their geometric mean: a timed loop around the EVM call only (building the
 * fresh world is not timed), after a warm-up long enough for C2 to compile the interpreter. Time is the measuring
 * thread's CPU time, so other processes on a shared machine do not distort the figure (wall time is printed too). Usage:
 * {@code java -cp bench.jar:... org.parkchain.bench.evm.EvmThroughput [seconds per workload] [WORKLOAD...]}.
 */
public final class EvmThroughput {
    private EvmThroughput() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        double logSum = 0;
        int n = 0;
        java.util.List<EvmWorkload> workloads = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).map(EvmWorkload::valueOf).toList()
                : java.util.List.of(EvmWorkload.values());
        for (EvmWorkload w : workloads) {
            measure(w, seconds / 2); // warm-up
            double[] m = measure(w, seconds);
            double mgas = m[0];
            System.out.printf(Locale.ROOT, "%-16s %8.1f Mgas/s (CPU time)  %8.1f Mgas/s (wall)%n", w, mgas, m[1]);
            logSum += Math.log(mgas);
            n++;
        }
        System.out.printf(Locale.ROOT, "%-16s %8.1f Mgas/s%n", "geometric mean", Math.exp(logSum / n));
    }

    /** Mgas per CPU second and per wall second. */
    static double[] measure(EvmWorkload w, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long gas = 0, cpuNanos = 0, wallNanos = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            WorldState world = w.newWorld();
            long c0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            ExecutionResult r = w.run(world);
            wallNanos += System.nanoTime() - t0;
            cpuNanos += threads.getCurrentThreadCpuTime() - c0;
            gas += w.gasUsed(r);
        }
        return new double[] {gas / (cpuNanos / 1e9) / 1e6, gas / (wallNanos / 1e9) / 1e6};
    }
}
