package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkchain.node.NodeProcess;

/**
 * The Hardhat project in {@code clients/hardhat-park} runs its own tests ({@code npx hardhat test --network parkchain})
 * against {@code parkchain node --dev} in a child JVM: Hardhat's loadFixture, time and mine helpers, setBalance, the
 * park's SDK with ethers and viem. Skipped with a message when Node.js or the project's npm packages are missing.
 */
class HardhatParkTest {
    @Test
    void hardhatProjectTestsPassAgainstADevNode() throws Exception {
        ClientsProject clients = ClientsProject.requireInstalled();
        Path project = clients.directory().resolve("hardhat-park");
        Path cli = project.resolve("node_modules/hardhat/internal/cli/cli.js");
        assumeTrue(Files.isRegularFile(cli) && Files.isDirectory(project.resolve("node_modules/@parkchain/sdk")),
                "clients/hardhat-park has no node_modules: run 'npm ci' there (.ci/run does); Hardhat project test skipped");
        try (NodeProcess node = NodeProcess.startParkchainDev()) {
            ProcessBuilder builder = new ProcessBuilder(List.of(clients.nodeExecutable(), cli.toString(), "test",
                    "--network", "parkchain")).directory(project.toFile()).redirectErrorStream(true);
            builder.environment().put("PARKCHAIN_RPC_URL", node.endpoint().http().toString());
            builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
            Path output = Files.createTempFile("hardhat-park-", ".out");
            try {
                Process process = builder.redirectOutput(output.toFile()).start();
                boolean done = process.waitFor(5, TimeUnit.MINUTES);
                if (!done) {
                    process.destroyForcibly().waitFor();
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                System.out.println("npx hardhat test --network parkchain:\n" + text);
                assertThat(done).as("hardhat test did not finish within 5 minutes:%n%s", text).isTrue();
                assertThat(process.exitValue()).as("hardhat test failed:%n%s%n--- node output ---%n%s", text,
                        node.logTail()).isZero();
                assertThat(text).containsPattern("\\d+ passing").doesNotContain("failing");
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }
}
