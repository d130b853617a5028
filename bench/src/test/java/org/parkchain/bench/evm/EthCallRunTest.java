package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EthCallRunTest {
    @Test
    void ratioIsTheFirstNodesMgasPerSecondOverTheOthers() {
        EthCallRun run = new EthCallRun(EvmWorkload.KECCAK, 10, List.of(
                figures("Parkchain", 1_000_000, "0x", 2_000_000),     // 2 ms a call: 500 Mgas/s
                figures("HardhatNetwork", 1_000_000, "0x", 50_000_000))); // 50 ms: 20 Mgas/s

        assertThat(run.nodes().get(0).mgasPerSecond()).isCloseTo(500, within(1e-9));
        assertThat(run.disagreement()).isEmpty();
        assertThat(run.ratio(1)).hasValueCloseTo(25.0, within(1e-9));
    }

    @Test
    void noRatioWhenTheNodesChargeDifferentGas() {
        EthCallRun run = new EthCallRun(EvmWorkload.KECCAK, 10, List.of(
                figures("Parkchain", 1_614_883, "0x", 2_000_000),
                figures("HardhatNetwork", 1_601_009, "0x", 50_000_000)));

        assertThat(run.ratio(1)).isEmpty();
        assertThat(run.disagreement()).hasValue("gas per call differs: Parkchain 1,614,883, HardhatNetwork 1,601,009");
    }

    @Test
    void noRatioWhenTheCallsReturnDifferentOutput() {
        EthCallRun run = new EthCallRun(EvmWorkload.SORT, 10, List.of(
                figures("Parkchain", 1_000_000, "0x01", 2_000_000),
                figures("HardhatNetwork", 1_000_000, "0x02", 50_000_000)));

        assertThat(run.ratio(1)).isEmpty();
        assertThat(run.disagreement()).hasValueSatisfying(why -> assertThat(why).startsWith("output differs"));
    }

    @Test
    void anyDisagreeingNodeWithholdsEveryRatio() {
        EthCallRun run = new EthCallRun(EvmWorkload.KECCAK, 10, List.of(
                figures("a", 1_000, "0x", 1_000), figures("b", 1_000, "0x", 2_000), figures("c", 999, "0x", 3_000)));

        assertThat(run.ratio(1)).isEmpty();
        assertThat(run.ratio(2)).isEmpty();
    }

    private static EthCallFigures figures(String node, long gas, String output, long nanosPerCall) {
        return new EthCallFigures(node, gas, output, List.of(EthCallTimes.of(nanosPerCall, nanosPerCall), EthCallTimes.of(nanosPerCall)));
    }
}
