package org.parkchain.bench.evm;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** What {@link EthCallComparison} prints: a table per workload as it is measured, and a summary at the end. */
final class EthCallReport {
    private EthCallReport() {}

    /** One workload: a row per node, then why there is no ratio, or each ratio. */
    static void workload(PrintStream out, EthCallRun run) {
        out.printf("  %-16s %12s %7s %10s %10s %9s  %s%n", "node", "gas/call", "calls", "median ms", "p90 ms", "Mgas/s",
                "median ms of each round");
        for (EthCallFigures f : run.nodes()) {
            EthCallTimes all = f.times();
            String rounds = String.join(" ", f.rounds().stream().map(r -> String.format(Locale.ROOT, "%.2f", r.medianNanos() / 1e6)).toList());
            out.printf(Locale.ROOT, "  %-16s %,12d %7d %10.2f %10.2f %9.1f  %s%n", f.node(), f.gasPerCall(), all.calls(),
                    all.medianNanos() / 1e6, all.p90Nanos() / 1e6, f.mgasPerSecond(), rounds);
        }
        run.disagreement().ifPresent(why -> out.println("  no ratio: " + why));
        for (int k = 1; k < run.nodes().size(); k++) {
            OptionalDouble ratio = run.ratio(k);
            if (ratio.isPresent()) {
                out.printf(Locale.ROOT, "  %s/%s: %.1fx%n", run.nodes().getFirst().node(), run.nodes().get(k).node(), ratio.getAsDouble());
            }
        }
    }

    /** With two nodes or more: one line per workload and node pair, then the geometric mean of the ratios given. */
    static void summary(PrintStream out, List<EthCallRun> runs) {
        int others = runs.getFirst().nodes().size() - 1;
        if (others == 0) return;
        out.println("summary (Mgas/s at the median call; ratio = first node's Mgas/s over the other's):");
        for (int k = 1; k <= others; k++) {
            double logSum = 0;
            int counted = 0;
            for (EthCallRun run : runs) {
                EthCallFigures first = run.nodes().getFirst(), other = run.nodes().get(k);
                OptionalDouble ratio = run.ratio(k);
                out.printf(Locale.ROOT, "  %-16s %,12d gas  %s %9.1f  %s %9.1f  %s%n", run.workload(), first.gasPerCall(),
                        first.node(), first.mgasPerSecond(), other.node(), other.mgasPerSecond(),
                        ratio.isPresent() ? "%.1fx".formatted(ratio.getAsDouble()) : "no ratio (" + run.disagreement().orElseThrow() + ")");
                if (ratio.isPresent()) {
                    logSum += Math.log(ratio.getAsDouble());
                    counted++;
                }
            }
            if (counted > 0) {
                out.printf(Locale.ROOT, "  geometric mean of %d ratios %s/%s: %.1fx%n", counted, runs.getFirst().nodes().getFirst().node(),
                        runs.getFirst().nodes().get(k).node(), Math.exp(logSum / counted));
            }
        }
    }
}
