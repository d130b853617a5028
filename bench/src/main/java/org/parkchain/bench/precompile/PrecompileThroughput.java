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
 * case names to run (default all).
 */
public final class PrecompileThroughput {
    private PrecompileThroughput() {}

    public static void main(String[] args) throws RunnerException {
        Map<String, PrecompileCase> cases = PrecompileCase.all();
        String[] names = args.length > 0 ? args : cases.keySet().toArray(String[]::new);
        String loadBefore = loadAverage();
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

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
