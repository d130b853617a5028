package org.parkchain.node.clients;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parkchain.node.NodeProcess;

/**
 * The npm project in {@code clients/} (ethers.js 6, solc 0.8, Hardhat 2): runs its scripts with Node.js.
 * Tests call {@link #requireInstalled()} first, which skips them with a message saying what to install when
 * Node.js or the packages are missing ({@code .ci/run} installs them with {@code npm ci}).
 */
final class ClientsProject {
    private static final List<String> PACKAGES = List.of("ethers", "solc", "ws", "hardhat");

    private final Path directory;
    private final String nodeExecutable;

    private ClientsProject(Path directory, String nodeExecutable) {
        this.directory = directory;
        this.nodeExecutable = nodeExecutable;
    }

    /** The project, or a skipped test (JUnit assumption) when Node.js or the npm packages are not installed. */
    static ClientsProject requireInstalled() {
        Path directory = locate();
        skipLoudlyUnless(directory != null, "no clients/package.json above " + Path.of("").toAbsolutePath()
                + ": client tests skipped");
        String node = System.getenv().getOrDefault("PARKCHAIN_NODEJS", "node");
        skipLoudlyUnless(nodeJsAnswers(node), "Node.js ('" + node + "') is not installed: client tests skipped "
                + "(Node 20 runs them)");
        for (String pkg : PACKAGES) {
            skipLoudlyUnless(Files.isRegularFile(directory.resolve("node_modules").resolve(pkg).resolve("package.json")),
                    "npm package '" + pkg + "' is missing: run 'npm ci' in " + directory + " (.ci/run does); client "
                    + "tests skipped");
        }
        return new ClientsProject(directory, node);
    }

    /** Starts Hardhat's node ({@code hardhat node}) from this project on a free loopback port. */
    NodeProcess startHardhat() {
        int port = NodeProcess.freePort();
        List<String> command = List.of(nodeExecutable, directory.resolve("node_modules/hardhat/internal/cli/cli.js").toString(),
                "node", "--hostname", "127.0.0.1", "--port", String.valueOf(port));
        return NodeProcess.startExternal("hardhat node", command, directory, port);
    }

    /**
     * A skipped client test must not pass unnoticed in a green build: besides JUnit's skip, the reason goes to
     * stderr as a banner that stands out in Maven's output.
     */
    private static void skipLoudlyUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("\n*** WARNING: ethers/web3j/Hardhat CLIENT TESTS SKIPPED: " + reason + " ***\n");
        }
        assumeTrue(condition, reason);
    }

    Path directory() {
        return directory;
    }

    String nodeExecutable() {
        return nodeExecutable;
    }

    /** The outcome of a script: exit status and everything it printed (stdout and stderr interleaved). */
    record ScriptRun(int exitCode, String output) {}

    /** Runs {@code node SCRIPT ARGS...} in the project directory; kills it after {@code timeout}. */
    ScriptRun run(Duration timeout, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(nodeExecutable, script));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("parkchain-client-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new ScriptRun(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n(killed after " + timeout + ")");
                }
                return new ScriptRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** A contract compiled by {@code compile.mjs} (solc standard JSON, evmVersion cancun). */
    record Artifact(String bytecode, String deployedBytecode) {}

    /** Compiles {@code clients/contracts} and returns the named contract. */
    Artifact compile(String contractName) {
        try {
            Path out = Files.createTempFile("parkchain-contracts-", ".json");
            try {
                ScriptRun run = run(Duration.ofMinutes(2), "compile.mjs", out.toString());
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("compile.mjs failed (" + run.exitCode() + "):\n" + run.output());
                }
                JsonNode contract = new ObjectMapper().readTree(out.toFile()).path("contracts").path(contractName);
                if (contract.isMissingNode()) {
                    throw new IllegalStateException("compile.mjs produced no contract " + contractName);
                }
                return new Artifact(contract.path("bytecode").asText(), contract.path("deployedBytecode").asText());
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("clients").resolve("package.json"))) {
                return dir.resolve("clients");
            }
        }
        return null;
    }

    private static boolean nodeJsAnswers(String node) {
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
