package org.parkchain.bench.primitives;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The JMH benchmarks' work timed by the measuring thread's CPU time as well as by the wall clock: on a machine
 * shared with other builds, wall-clock throughput says how much of a core this thread got, CPU time what one core
 * does. {@code PrimitivesThroughput [seconds]} runs each workload for that long (default 5) after a warm-up of the
 * same length and prints one line per workload.
 */
public final class PrimitivesThroughput {
    private PrimitivesThroughput() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SenderRecoveryBenchmark recovery = new SenderRecoveryBenchmark();
        recovery.signTransactions();
        measure("sender recovery (decode + recover), tx/s", seconds, 1, recovery::decodeAndRecover);
        measure("secp256k1 recovery only, ops/s", seconds, 1, recovery::recoverOnly);
        for (int size : new int[] {32, 1024}) {
            KeccakBenchmark keccak = new KeccakBenchmark();
            keccak.size = size;
            keccak.randomInput();
            measure("Keccak-256 of " + size + " B, MB/s", seconds, size / 1e6, keccak::keccak256);
        }
    }

    private static void measure(String what, double seconds, double unitsPerOp, Runnable op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(op, seconds); // warm-up: JIT compilation and the native library's tables
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long ops = run(op, seconds);
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "%-45s %,14.0f per CPU second %,14.0f per wall second (%d ops, %.1f s CPU of %.1f s)%n",
                what, ops * unitsPerOp / cpu, ops * unitsPerOp / wall, ops, cpu, wall);
    }

    private static long run(Runnable op, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long ops = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 256; i++) {
                op.run();
            }
            ops += 256;
        }
        return ops;
    }
}
