package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EthCallReportTest {
    private static final EthCallRun AGREED = new EthCallRun(EvmWorkload.KECCAK, 20_000, List.of(
            figures("Parkchain", 1_601_009, 10_000_000), figures("HardhatNetwork", 1_601_009, 1_000_000_000)));
    private static final EthCallRun DISAGREED = new EthCallRun(EvmWorkload.SORT, 384, List.of(
            figures("Parkchain", 3_561_657, 10_000_000), figures("HardhatNetwork", 3_561_658, 1_000_000_000)));

    @Test
    void workloadTableGivesEachNodesFiguresAndTheRatio() {
        String text = printed(out -> EthCallReport.workload(out, AGREED));

        assertThat(text).contains("Parkchain").contains("1,601,009").contains("10.00").contains("160.1")
                .contains("Parkchain/HardhatNetwork: 100.0x");
    }

    @Test
    void workloadTableWithholdsTheRatioAndSaysWhy() {
        String text = printed(out -> EthCallReport.workload(out, DISAGREED));

        assertThat(text).contains("no ratio: gas per call differs: Parkchain 3,561,657, HardhatNetwork 3,561,658")
                .doesNotContain("Parkchain/HardhatNetwork:");
    }

    @Test
    void summaryAveragesOnlyTheRatiosGiven() {
        String text = printed(out -> EthCallReport.summary(out, List.of(AGREED, DISAGREED)));

        assertThat(text).contains("geometric mean of 1 ratios Parkchain/HardhatNetwork: 100.0x")
                .containsPattern("SORT .* no ratio \\(gas per call differs");
    }

    private static String printed(Consumer<PrintStream> report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static EthCallFigures figures(String node, long gas, long nanosPerCall) {
        return new EthCallFigures(node, gas, "0x", List.of(EthCallTimes.of(nanosPerCall)));
    }
}
