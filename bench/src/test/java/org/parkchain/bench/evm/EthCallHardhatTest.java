package org.parkchain.bench.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;

/**
 * The comparison as {@code bench/ethcall-vs-hardhat} runs it, Parkchain (in process here) against Hardhat 2's node
 * started by {@code clients/with-hardhat.mjs}, on small workloads: both nodes must charge the same gas and return the
 * same output, so a ratio is printed and the command exits with 0. Skipped, loudly, when Node.js or Hardhat is not
 * installed ({@code .ci/run} installs it with {@code npm ci} in clients/).
 */
class EthCallHardhatTest {
    @Test
    void parkchainAndHardhatAgreeOnGasAndOutputSoARatioIsPrinted() throws IOException, InterruptedException {
        Path clients = clientsWithHardhat();
        String nodeJs = System.getenv().getOrDefault("PARKCHAIN_NODEJS", "node");
        skipLoudlyUnless(clients != null, "no clients/node_modules/hardhat above " + Path.of("").toAbsolutePath()
                + " (run 'npm ci' in clients/)");
        Path log = Files.createTempFile("ethcall-hardhat-", ".log");
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            String java = ProcessHandle.current().info().command().orElse("java");
            // 300,000 gas a call keeps Hardhat's calls short; one timed call a round, no warm-up: behaviour, not speed.
            List<String> command = List.of(nodeJs, "with-hardhat.mjs", "--", java, "-cp", System.getProperty("java.class.path"),
                    EthCallComparison.class.getName(), "--workloads", "KECCAK,ERC20_TRANSFERS,SORT", "--max-gas", "300000",
                    "--rounds", "2", "--round-seconds", "0", "--warmup-seconds", "0", node.rpcUrl().toString(), "{http}");
            Process p;
            try {
                p = new ProcessBuilder(command).directory(clients.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                skipLoudlyUnless(false, "Node.js ('" + nodeJs + "') could not be started: " + e.getMessage());
                return;
            }
            boolean exited = p.waitFor(3, TimeUnit.MINUTES);
            if (!exited) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println(output);
            assertThat(exited).as("the comparison did not finish within 3 minutes:%n%s", output).isTrue();
            assertThat(p.exitValue()).as("exit status; output:%n%s", output).isZero();
            assertThat(output).contains("node 2: HardhatNetwork/2.29.1")
                    .containsPattern("(?m)^  KECCAK +[0-9,]+ gas  Parkchain .* HardhatNetwork .* [0-9.]+x$")
                    .containsPattern("(?m)^  ERC20_TRANSFERS +[0-9,]+ gas  Parkchain .* HardhatNetwork .* [0-9.]+x$")
                    .containsPattern("(?m)^  SORT +[0-9,]+ gas  Parkchain .* HardhatNetwork .* [0-9.]+x$")
                    .doesNotContain("no ratio");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path clientsWithHardhat() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path clients = dir.resolve("clients");
            if (Files.isRegularFile(clients.resolve("with-hardhat.mjs"))
                    && Files.isRegularFile(clients.resolve("node_modules/hardhat/internal/cli/cli.js"))) {
                return clients;
            }
        }
        return null;
    }

    /** A skipped comparison must not pass unnoticed in a green build: the reason also goes to stderr as a banner. */
    private static void skipLoudlyUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("\n*** WARNING: eth_call COMPARISON WITH HARDHAT SKIPPED: " + reason + " ***\n");
        }
        assumeTrue(condition, reason);
    }
}
