package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkchain.node.NodeProcess;

/**
 * The park's exchange with ethers.js ({@code clients/exchange-e2e.mjs}) against {@code parkchain node --dev} in a
 * child JVM: ABIs compiled from {@code ../shared/interfaces/*.sol} by solc, the trading story with its fees, levy
 * and refusals, a Solidity contract trading for its users, and the gas of the native exchange next to a Solidity
 * order book on the same node. Skipped with a message when Node.js, the npm packages or the interfaces are absent.
 */
class ExchangeEthersTest {
    @Test
    void exchangeThroughEthersPassesEveryCheck() {
        ClientsProject clients = ClientsProject.requireInstalled();
        Path interfaces = interfaces();
        assumeTrue(interfaces != null, "no ../shared/interfaces/IExchange.sol (or PARKCHAIN_INTERFACES): exchange ethers test skipped");
        try (NodeProcess node = NodeProcess.startParkchainDev()) {
            ClientsProject.ScriptRun run = clients.run(Duration.ofMinutes(4), "exchange-e2e.mjs",
                    node.endpoint().http().toString(), interfaces.toString());
            System.out.println("exchange-e2e.mjs against " + node.name() + ":\n" + run.output());
            assertThat(run.exitCode())
                    .as("exchange-e2e.mjs failed:%n%s%n--- node output ---%n%s", run.output(), node.logTail())
                    .isZero();
            assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("FAIL");
        }
    }

    private static Path interfaces() {
        String env = System.getenv("PARKCHAIN_INTERFACES");
        if (env != null && Files.isRegularFile(Path.of(env, "IExchange.sol"))) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("interfaces");
            if (Files.isRegularFile(candidate.resolve("IExchange.sol"))) {
                return candidate;
            }
        }
        return null;
    }
}
