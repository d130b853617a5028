package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The SDK's Solidity interfaces ({@code contracts/src}) compile to exactly the committed ABIs ({@code contracts/abi})
 * and, when {@code ../shared/interfaces} is present, to exactly the ABIs compiled from the park's specification; the
 * npm package's generated files match the ABIs. Skipped with a message when Node.js or solc is missing.
 */
class ParkContractsAbiTest {
    @Test
    void interfacesAbisAndNpmPackageAgree() {
        ClientsProject clients = ClientsProject.requireInstalled();
        ClientsProject.ScriptRun contracts = clients.run(Duration.ofMinutes(2), "../contracts/check.mjs");
        System.out.println("contracts/check.mjs:\n" + contracts.output());
        assertThat(contracts.exitCode()).as(contracts.output()).isZero();
        assertThat(contracts.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("FAIL");

        ClientsProject.ScriptRun npm = clients.run(Duration.ofMinutes(1), "../sdk/js/generate.mjs", "--check");
        assertThat(npm.exitCode()).as(npm.output()).isZero();
        assertThat(npm.output()).contains("3 passed, 0 failed");
    }
}
