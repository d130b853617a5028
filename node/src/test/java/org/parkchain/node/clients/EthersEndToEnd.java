package org.parkchain.node.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parkchain.node.NodeProcess;
import org.parkchain.node.JsonRpcEndpoint;

/**
 * Runs {@code clients/e2e.mjs} (ethers.js 6: deploy a solc-compiled ERC-20, transfers, eth_getLogs filters,
 * revert reasons and custom errors from eth_call and eth_estimateGas, receipts and blocks, newHeads and logs over
 * WebSocket) against a node started by the subclass. The script prints one line per check; a failure shows them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EthersEndToEnd {
    private ClientsProject clients;
    private NodeProcess node;

    /** Starts the node under test. */
    abstract NodeProcess startNode(ClientsProject clients);

    @BeforeAll
    void startNode() {
        clients = ClientsProject.requireInstalled();
        node = startNode(clients);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void ethersScriptPassesEveryCheck() {
        JsonRpcEndpoint endpoint = node.endpoint();
        ClientsProject.ScriptRun run = clients.run(Duration.ofMinutes(4), "e2e.mjs", endpoint.http().toString(), endpoint.ws().toString());
        System.out.println("e2e.mjs against " + node.name() + ":\n" + run.output());
        assertThat(run.exitCode())
                .as("e2e.mjs against %s failed:%n%s%n--- node output ---%n%s", node.name(), run.output(), node.logTail())
                .isZero();
        assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$").doesNotContain("FAIL");
    }
}
