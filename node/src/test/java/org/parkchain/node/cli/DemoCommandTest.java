package org.parkchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo command's edges; the story itself is checked step by step in ParkStoryTest. */
class DemoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aTakenPortIsAClearErrorNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int status = run("demo", "--rpc-port", String.valueOf(taken.getLocalPort()));
            assertThat(status).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: port " + taken.getLocalPort() + " on 127.0.0.1 is taken")
                    .contains("--rpc-port").doesNotContain("Exception");
            assertThat(out.toString()).doesNotContain("The cast");
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedAsAFlagError() {
        assertThat(run("demo", "--rpc-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--rpc-port must be between 0 and 65535");
    }

    @Test
    void theStoryPlaysAndTheCommandStopsWithExit() {
        assertThat(run("demo", "--rpc-port", "0", "--exit")).isZero();
        assertThat(out.toString()).contains("REFUSED: \"offering: non-qualified limit exceeded\"")
                .contains("REFUSED: \"token: transfer to a blocked address\"")
                .contains("LevyPaid: 15 coins to the treasury, 1,485 coins to Minsk Software Labs")
                .containsPattern("A park-token transfer cost [0-9,]+ gas");
    }
}
