package org.parkchain.bench.precompile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PrecompileBenchmark} and prints the precompile throughput table: calls per second, gas per call and
 * Mgas/s (calls/s × gas), with the load average before and after, since the machine may be shared. Arguments:
 * case names to run (default all). With {@code --cpu} first, it instead times each case in this JVM against the
 * thread's CPU time (2 s warm-up, 2 s measured), which says what one core does when the machine is busy.
 */
public final class PrecompileThroughput {
    private PrecompileThroughput() {}

    public static void main(String[] args) throws RunnerException {
        Map<String, PrecompileCase> cases = PrecompileCase.all();
        boolean cpu = args.length > 0 && args[0].equals("--cpu");
        String[] chosen = cpu ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        String[] names = chosen.length > 0 ? chosen : cases.keySet().toArray(String[]::new);
        String loadBefore = loadAverage();
        if (cpu) {
            cpuTable(cases, names);
            System.out.println();
            System.out.println("load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAverage()
                    + ", cores: " + Runtime.getRuntime().availableProcessors());
            return;
        }
        Options options = new OptionsBuilder()
                .include(PrecompileBenchmark.class.getName())
                .param("name", names)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("| precompile | gas per call | calls/s | Mgas/s |");
        System.out.println("|---|---:|---:|---:|");
        for (RunResult result : results) {
            String name = result.getParams().getParam("name");
            long gas = cases.get(name).gas();
            double callsPerSecond = result.getPrimaryResult().getScore();
            System.out.printf("| %s | %,d | %,.0f | %,.1f |%n", name, gas, callsPerSecond, callsPerSecond * gas / 1e6);
        }
        System.out.println();
        System.out.println("load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAverage()
                + ", cores: " + Runtime.getRuntime().availableProcessors());
    }

    private static void cpuTable(Map<String, PrecompileCase> cases, String[] names) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.println("| precompile | gas per call | CPU µs per call | Mgas per CPU second |");
        System.out.println("|---|---:|---:|---:|");
        for (String name : names) {
            PrecompileCase call = cases.get(name);
            if (call == null) throw new IllegalArgumentException("no precompile case named " + name);
            long warmUpEnd = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmUpEnd) call.precompile().execute(call.input(), 100_000_000L);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long end = System.nanoTime() + 2_000_000_000L;
            long calls = 0;
            while (System.nanoTime() < end) {
                call.precompile().execute(call.input(), 100_000_000L);
                calls++;
            }
            double micros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / calls;
            System.out.printf("| %s | %,d | %,.1f | %,.1f |%n", name, call.gas(), micros, call.gas() / micros);
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
