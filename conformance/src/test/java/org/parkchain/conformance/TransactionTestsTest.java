package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionTestsTest {
    @Test
    void everyTransactionTestPassesWithCancunExpectations() {
        Optional<Path> folder = EthereumTests.folder("TransactionTests");
        assumeTrue(folder.isPresent(), EthereumTests.MISSING);
        StringWriter out = new StringWriter();
        Report report = ConformanceRunner.run(new TransactionSuite(), List.of(folder.get()), "Cancun", new PrintWriter(out, true));
        assertThat(report.failed()).as(out.toString()).isZero();
        assertThat(report.passed()).isGreaterThanOrEqualTo(210);
    }
}
