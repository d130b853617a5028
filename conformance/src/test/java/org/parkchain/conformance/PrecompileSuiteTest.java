package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself, on small hand-made files: a wrong output, an accepted invalid input or wrong gas is a failure. */
class PrecompileSuiteTest {
    private static final String INFINITY_PAIR = "00".repeat(256);
    @TempDir
    Path dir;

    private Report run(String fileName, String json) throws IOException {
        Path file = dir.resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return ConformanceRunner.run(new PrecompileSuite(), List.of(file), "Osaka", new PrintWriter(new StringWriter(), true));
    }

    @Test
    void passesTheRightOutputAndGasAndFailsAnythingElse() throws IOException {
        String right = "{\"Input\":\"" + INFINITY_PAIR + "\",\"Name\":\"inf+inf\",\"Expected\":\"" + "00".repeat(128) + "\",\"Gas\":375}";
        String wrongOutput = right.replace("\"Expected\":\"00", "\"Expected\":\"01").replace("inf+inf", "wrong output");
        String wrongGas = right.replace("375", "500").replace("inf+inf", "wrong gas");
        Report report = run("add_G1_bls.json", "[" + right + "," + wrongOutput + "," + wrongGas + "]");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
    }

    @Test
    void aFailFileNeedsTheRefusalForItsStatedReason() throws IOException {
        String accepted = "{\"Input\":\"" + INFINITY_PAIR + "\",\"Name\":\"valid\",\"ExpectedError\":\"invalid input length\"}";
        String right = "{\"Input\":\"00\",\"Name\":\"short\",\"ExpectedError\":\"invalid input length\"}";
        String otherReason = "{\"Input\":\"00\",\"Name\":\"short\",\"ExpectedError\":\"invalid point: not on curve\"}";
        Report report = run("fail-add_G1_bls.json", "[" + accepted + "," + right + "," + otherReason + "]");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
    }

    @Test
    void p256GasIsTheEipsNotTheFilesAndUnknownFilesFail() throws IOException {
        String invalid = "{\"Input\":\"00\",\"Expected\":\"\",\"Gas\":3450,\"Name\":\"short input\",\"NoBenchmark\":false}";
        Report report = run("eip-7951/test-vectors.json", "[" + invalid + "]");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(run("something_else.json", "[]").failed()).isEqualTo(1);
    }
}
