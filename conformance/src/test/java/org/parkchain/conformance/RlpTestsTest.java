package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RlpTestsTest {
    @Test
    void everyRlpTestPasses() {
        Optional<Path> folder = EthereumTests.folder("RLPTests");
        assumeTrue(folder.isPresent(), EthereumTests.MISSING);
        StringWriter out = new StringWriter();
        Report report = ConformanceRunner.run(new RlpSuite(), List.of(folder.get()), "Cancun", new PrintWriter(out, true));
        assertThat(report.failed()).as(out.toString()).isZero();
        assertThat(report.passed()).isGreaterThanOrEqualTo(55);
    }
}
