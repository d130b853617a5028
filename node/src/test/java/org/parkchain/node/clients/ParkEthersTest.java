package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkchain.node.NodeProcess;

/**
 * The park's story with ethers.js ({@code clients/park-e2e.mjs}) against {@code parkchain node --dev} in a child JVM:
 * ABIs compiled from {@code ../shared/interfaces/*.sol} by solc, a Solidity contract that subscribes, claims, holds
 * and moves park tokens and calls the registry, the levy to the treasury, the refusals, and the gas of a park-token
 * transfer next to a Solidity ERC-20's. Skipped with a message when Node.js, the npm packages or the interfaces
 * are absent.
 */
class ParkEthersTest {
    @Test
    void parkStoryThroughEthersPassesEveryCheck() {
        ClientsProject clients = ClientsProject.requireInstalled();
        Path interfaces = interfaces();
        assumeTrue(interfaces != null, "no ../shared/interfaces/IParkRegistry.sol (or PARKCHAIN_INTERFACES): park ethers test skipped");
        try (NodeProcess node = NodeProcess.startParkchainDev()) {
            ClientsProject.ScriptRun run = clients.run(Duration.ofMinutes(4), "park-e2e.mjs",
                    node.endpoint().http().toString(), interfaces.toString());
            System.out.println("park-e2e.mjs against " + node.name() + ":\n" + run.output());
            assertThat(run.exitCode())
                    .as("park-e2e.mjs failed:%n%s%n--- node output ---%n%s", run.output(), node.logTail())
                    .isZero();
            assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("FAIL");
        }
    }

    private static Path interfaces() {
        String env = System.getenv("PARKCHAIN_INTERFACES");
        if (env != null && Files.isRegularFile(Path.of(env, "IParkRegistry.sol"))) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("interfaces");
            if (Files.isRegularFile(candidate.resolve("IParkRegistry.sol"))) {
                return candidate;
            }
        }
        return null;
    }
}
