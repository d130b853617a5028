package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrecompileVectorsTest {
    private static Report run(String folder) {
        Optional<Path> path = EipVectors.folder(folder);
        assumeTrue(path.isPresent(), EipVectors.MISSING);
        StringWriter out = new StringWriter();
        Report report = ConformanceRunner.run(new PrecompileSuite(), List.of(path.get()), "Osaka", new PrintWriter(out, true));
        assertThat(report.failed()).as(out.toString()).isZero();
        return report;
    }

    @Test
    void everyBls12381VectorPassesAndEveryInvalidInputIsRefusedForItsReason() {
        // 9 + 9 + 163 + 15 + 5 + 5 valid cases and 65 invalid ones in the EIP's assets.
        assertThat(run("eip-2537").passed()).isGreaterThanOrEqualTo(271);
    }

    @Test
    void everyP256VerifyVectorGivesItsOutputAtOsakaGas() {
        assertThat(run("eip-7951").passed()).isGreaterThanOrEqualTo(781);
    }
}
