package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parkchain.node.NodeProcess;

/**
 * Today's toolchain against {@code parkchain node --dev}: {@code clients/osaka-e2e.mjs} compiles with solc's defaults
 * (osaka) a contract using CLZ, delegates an account to a smart wallet with an EIP-7702 transaction and calls it,
 * checks a secp256r1 signature through P256VERIFY, and reads a halt's name from eth_call — all with ethers.js 6.
 */
class OsakaEthersTest {
    @Test
    void ethersAndSolcDefaultsWorkAgainstAnOsakaNode() {
        ClientsProject clients = ClientsProject.requireInstalled();
        try (NodeProcess node = NodeProcess.startParkchainDev()) {
            ClientsProject.ScriptRun run = clients.run(Duration.ofMinutes(4), "osaka-e2e.mjs", node.endpoint().http().toString());
            System.out.println("osaka-e2e.mjs:\n" + run.output());
            assertThat(run.exitCode()).as("osaka-e2e.mjs failed:%n%s%n--- node output ---%n%s", run.output(), node.logTail()).isZero();
            assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("FAIL");
        }
    }
}
