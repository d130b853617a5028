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
 * Parkchain's Osaka EVM against two independent ones: {@code clients/differential/diff.mjs} runs the same signed
 * transactions on a fresh {@code parkchain node --dev}, Hardhat's EDR and {@code @ethereumjs/vm} — hand-written cases
 * for each new EIP, then random programs — and compares outputs, receipts (status, gas used, logs) and the state of
 * the accounts each case reaches. The default build runs {@value #DEFAULT_PROGRAMS} random programs;
 * {@code -Pdifferential-long} runs {@code parkchain.differential.programs} of them (2,000) with another seed.
 */
class DifferentialTest {
    static final int DEFAULT_PROGRAMS = 25;

    @Test
    void osakaAgreesWithEthereumJsAndHardhat() throws IOException, InterruptedException {
        Path folder = locate();
        assumeTrue(folder != null, "no clients/differential/package.json: differential test skipped");
        for (String pkg : List.of("@ethereumjs/vm", "hardhat", "ethers")) {
            assumeTrue(Files.isRegularFile(folder.resolve("node_modules").resolve(pkg).resolve("package.json")),
                    "npm package '" + pkg + "' is missing: run 'npm ci' in " + folder + " (.ci/run does); differential test skipped");
        }
        String node = System.getenv().getOrDefault("PARKCHAIN_NODEJS", "node");
        int programs = Integer.getInteger("parkchain.differential.programs", DEFAULT_PROGRAMS);
        String seed = System.getProperty("parkchain.differential.seed", "1");
        try (NodeProcess parkchain = NodeProcess.startParkchainDev()) {
            Path output = Files.createTempFile("parkchain-differential-", ".out");
            try {
                Process p = new ProcessBuilder(node, "diff.mjs", parkchain.endpoint().http().toString(),
                        "--programs", String.valueOf(programs), "--seed", seed)
                        .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                boolean ended = p.waitFor(10 + programs / 5, TimeUnit.MINUTES);
                if (!ended) p.destroyForcibly().waitFor();
                String out = Files.readString(output, StandardCharsets.UTF_8);
                System.out.println("differential (" + programs + " random programs, seed " + seed + "): "
                        + out.strip().lines().reduce((a, b) -> b).orElse(""));
                assertThat(ended).as("diff.mjs did not finish:\n%s", out).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(out).containsPattern("\\d+ passed, 0 failed");
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path folder = dir.resolve("clients").resolve("differential");
            if (Files.isRegularFile(folder.resolve("package.json"))) return folder;
        }
        return null;
    }
}
