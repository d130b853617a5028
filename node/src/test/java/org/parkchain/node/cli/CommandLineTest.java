package org.parkchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"node", "demo", "conformance"}) {
            assertThat(run(cmd, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: parkchain " + cmd);
        }
    }

    @Test
    void unknownFlagIsOneLineErrorAndStatus2() {
        assertThat(run("node", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Unknown option: '--bogus'");
    }

    @Test
    void rejectsPortOutOfRangeAndUnknownPermissioning() {
        assertThat(run("node", "--rpc-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--rpc-port must be between 0 and 65535");
        assertThat(run("node", "--permissioning", "closed")).isEqualTo(2);
        assertThat(err.toString()).contains("--permissioning must be 'open' or 'verified'");
        assertThat(run("node", "--rpc-port", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("'abc' is not an int");
    }

    @Test
    void rejectsInconsistentNodeFlagsWithOneLineAndStatus2() {
        assertThat(run("node")).isEqualTo(2);
        assertThat(err.toString()).contains("error: --data-dir is required without --dev");
        assertThat(run("node", "--dev", "--genesis", "pom.xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--genesis cannot be combined with --dev");
        assertThat(run("node", "--dev", "--block-time", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--block-time must be a positive number of milliseconds, got 0");
        assertThat(run("node", "--data-dir", "x", "--genesis", "no-such-genesis.json")).isEqualTo(2);
        assertThat(err.toString()).contains("--genesis no-such-genesis.json: no such file");
        assertThat(run("node", "--dev", "--rpc-gas-cap", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("gas cap must be at least 21000, got 5");
        assertThat(run("node", "--dev", "--rpc-max-batch-size", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("maxBatchSize must be positive, got 0");
        assertThat(run("node", "--dev", "--data-dir", "pom.xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--data-dir pom.xml exists and is not a directory");
    }

    @Test
    void conformanceRejectsUnknownSuiteAndMissingPath() {
        assertThat(run("conformance", "bogus", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown suite 'bogus'");
        assertThat(run("conformance", "rlp")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }
}
