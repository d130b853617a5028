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

    private static org.parkchain.node.NodeConfig nodeConfig(String... args) {
        NodeCommand command = new NodeCommand();
        new CommandLine(command).parseArgs(args);
        return command.config();
    }

    @Test
    void browserAccessIsClosedByDefaultAndOpenedByFlags() {
        org.parkchain.node.NodeConfig defaults = nodeConfig("--dev");
        assertThat(defaults.rpc().host()).isEqualTo("127.0.0.1");
        assertThat(defaults.rpc().corsAllowedOrigins()).isEmpty();
        assertThat(defaults.rpc().hostAllowlist()).containsExactly("localhost");
        assertThat(defaults.rpc().callTimeout()).hasSeconds(5);

        org.parkchain.node.NodeConfig opened = nodeConfig("--dev", "--rpc-host", "0.0.0.0", "--rpc-cors-origins",
                "https://remix.ethereum.org,http://localhost:3000", "--rpc-host-allowlist", "node.park.example",
                "--rpc-max-connections", "50", "--rpc-idle-timeout", "2000");
        assertThat(opened.rpc().host()).isEqualTo("0.0.0.0");
        assertThat(opened.rpc().corsAllowedOrigins()).containsExactly("https://remix.ethereum.org", "http://localhost:3000");
        assertThat(opened.rpc().hostAllowlist()).containsExactly("node.park.example");
        assertThat(opened.rpc().maxConnections()).isEqualTo(50);
        assertThat(opened.rpc().idleTimeout()).hasMillis(2000);
        assertThat(nodeConfig("--dev", "--rpc-cors-origins", "*").rpc().corsAllowedOrigins()).containsExactly("*");
    }

    @Test
    void anyOriginIsRefusedOutsideTheDevChain() {
        assertThat(run("node", "--data-dir", "target/no-such-chain", "--rpc-cors-origins", "*")).isEqualTo(2);
        assertThat(err.toString()).contains("--rpc-cors-origins '*' is allowed with --dev only");
        assertThat(run("node", "--dev", "--rpc-max-connections", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("maxConnections must be positive, got 0");
    }
}
