package org.parkchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkStory;
import org.parkchain.node.park.RpcWallet;

/**
 * The ethers.js line the demo prints, run by bash from the repository's root after the park's story, prints the
 * Korean company's MSL balance. Skipped with a message when Node.js or the clients' packages are missing (on a
 * fresh clone the line installs them itself; here they are present, so it runs without touching them).
 */
class DemoOneLinerTest {
    @Test
    void theDemosEthersLinePrintsTheBalance() throws Exception {
        Path root = repositoryRoot();
        assumeTrue(root != null && Files.isDirectory(root.resolve("clients/node_modules/ethers")),
                "clients/node_modules/ethers is missing (run 'npm ci' in clients): demo one-liner test skipped");
        assumeTrue(nodeJsAnswers(), "Node.js is not installed: demo one-liner test skipped");
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults())) {
            RpcWallet wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
            ParkStory.Outcome outcome = new ParkStory(wallet, ParkStory.Cast.of(Genesis.devKeys()),
                    new PrintWriter(new StringWriter())).play();
            String line = DemoCommand.ethersOneLiner(outcome.token(), Genesis.devAccounts().get(3), node.rpcUrl().toString());
            Process bash = new ProcessBuilder("bash", "-c", line).directory(root.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(bash.exitValue()).as(output).isZero();
            assertThat(output.strip()).matches("[0-9.]+ MSL").isNotEqualTo("0.0 MSL");
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("clients/package.json"))) {
                return dir;
            }
        }
        return null;
    }

    private static boolean nodeJsAnswers() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
