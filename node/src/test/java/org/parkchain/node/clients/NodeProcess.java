package org.parkchain.node.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JSON-RPC node running as a child process on a free loopback port, for tests that drive it with real clients.
 *
 * <p>Parkchain is started through its public command line ({@code parkchain node --dev --rpc-port P}) in a
 * child JVM on the test class path, exactly as a user starts it: the tests depend on the command's contract
 * (DESIGN.md), not on internal wiring, and a crash or {@code System.exit} in the node cannot take the test JVM
 * down. Hardhat's node, the reference implementation, is started from {@code clients/node_modules}.
 *
 * <p>{@link #close()} sends SIGTERM (the node's graceful shutdown) and kills the process if it has not ended
 * within ten seconds. The node's output goes to a log file under {@code target/}, quoted when start-up fails.
 */
final class NodeProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade, which Hardhat's server never answers.
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final JsonRpcEndpoint endpoint;
    private final Path log;

    private NodeProcess(String name, Process process, JsonRpcEndpoint endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts {@code parkchain node --dev} (chain id 31337, the test mnemonic's accounts funded) in a child JVM. */
    static NodeProcess startParkchainDev() {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int port = freePort();
        List<String> command = List.of(
                java, "-cp", System.getProperty("java.class.path"), "org.parkchain.node.cli.Main",
                "node", "--dev", "--rpc-port", String.valueOf(port));
        return start("parkchain node --dev", command, Path.of("."), port);
    }

    /** Starts Hardhat's node ({@code hardhat node}) from the clients project; see {@link ClientsProject#requireInstalled()}. */
    static NodeProcess startHardhat(ClientsProject clients) {
        int port = freePort();
        List<String> command = List.of(
                clients.nodeExecutable(), clients.directory().resolve("node_modules/hardhat/internal/cli/cli.js").toString(),
                "node", "--hostname", "127.0.0.1", "--port", String.valueOf(port));
        return start("hardhat node", command, clients.directory(), port);
    }

    JsonRpcEndpoint endpoint() {
        return endpoint;
    }

    String name() {
        return name;
    }

    private static NodeProcess start(String name, List<String> command, Path workingDirectory, int port) {
        Path log = logFile(name, port);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
        NodeProcess node = new NodeProcess(name, process, JsonRpcEndpoint.loopback(port), log);
        node.awaitAnswering();
        return node;
    }

    /** Polls eth_chainId until the node answers; fails with the node's log when it exits or takes too long. */
    private void awaitAnswering() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " before serving JSON-RPC; its output:\n" + logTail());
            }
            if (answersChainId()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " did not answer eth_chainId on " + endpoint.http() + " within " + STARTUP_TIMEOUT + "; its output:\n" + logTail());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private boolean answersChainId() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.http()).timeout(Duration.ofSeconds(2))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"result\"");
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A port nobody listens on right now; the node binds it a moment later (the usual small race, loopback only). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Path logFile(String name, int port) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "node-logs"));
            return dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + port + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create target/node-logs", e);
        }
    }
}
