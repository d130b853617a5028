package org.parkchain.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC node running as a child process — the one helper for every test that needs a node outside the test JVM:
 * {@code parkchain node …} started through its public command line, the way an operator runs it (so a crash or
 * {@code System.exit} in the node cannot take the test JVM down, and signals can be sent: SIGTERM with
 * {@link #terminate}, SIGKILL with {@link #kill}), or Hardhat's node as the reference for the client tests.
 *
 * <p>Parkchain picks its own port ({@code --rpc-port 0}) and the helper reads it from the line the node prints when it
 * serves. Everything the process prints is kept in {@link #output}. {@link #close()} sends SIGTERM (the node's
 * graceful shutdown) and kills the process, and any child it started, if it has not ended within ten seconds.
 */
public final class NodeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("JSON-RPC listening on (http://127\\.0\\.0\\.1:(\\d+)/)");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade, which Hardhat's server never answers.
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    public final Process process;
    /** The JSON-RPC HTTP address, {@code http://127.0.0.1:PORT/}. */
    public final URI url;
    /** Everything the process printed so far (stdout and stderr). */
    public final StringBuffer output;
    private final JsonRpcEndpoint endpoint;

    private NodeProcess(String name, Process process, int port, StringBuffer output) {
        this.name = name;
        this.process = process;
        this.endpoint = JsonRpcEndpoint.loopback(port);
        this.url = URI.create(endpoint.http() + "/");
        this.output = output;
    }

    /** Starts {@code parkchain node --rpc-port 0 args…} in a child JVM and waits until it serves. */
    public static NodeProcess start(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--rpc-port", "0"));
        all.addAll(List.of(args));
        return startServing(all.toArray(String[]::new));
    }

    /** Starts {@code parkchain node args…} on the port the arguments choose (a cluster file's, say). */
    public static NodeProcess startServing(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.parkchain.node.cli.Main", "node"));
        command.addAll(List.of(args));
        String name = "parkchain node " + String.join(" ", args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuffer output = drain(p, port);
        try {
            return new NodeProcess(name, p, port.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    /** Starts {@code parkchain node --dev} (chain id 31337, the test mnemonic's accounts funded). */
    public static NodeProcess startParkchainDev() {
        try {
            return start("--dev");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start parkchain node --dev", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting parkchain node --dev", e);
        }
    }

    /**
     * Starts another JSON-RPC server ({@code command}, run in {@code directory}) that serves on {@code port} (see
     * {@link #freePort()}), and waits until it answers {@code eth_chainId}: how the client tests start Hardhat's node.
     */
    public static NodeProcess startExternal(String name, List<String> command, Path directory, int port) {
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().put("HARDHAT_DISABLE_TELEMETRY_PROMPT", "true");
            p = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
        NodeProcess node = new NodeProcess(name, p, port, drain(p, new CompletableFuture<>()));
        node.awaitAnswering();
        return node;
    }

    /** Reads the process's output into a buffer on a daemon thread, completing {@code port} from the serving line. */
    private static StringBuffer drain(Process p, CompletableFuture<Integer> port) {
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(2)));
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
            port.completeExceptionally(new IllegalStateException("the process exited before serving:\n" + output));
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    public JsonRpcEndpoint endpoint() {
        return endpoint;
    }

    public String name() {
        return name;
    }

    /** The last 60 lines the process printed, for failure messages. */
    public String logTail() {
        String[] lines = output.toString().split("\n", -1);
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 61), lines.length));
    }

    /** SIGTERM, then waits for the exit status. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("node did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Polls eth_chainId until the node answers; fails with its output when it exits or takes too long. */
    private void awaitAnswering() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!answersChainId()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before serving JSON-RPC; its output:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " did not answer eth_chainId on " + url + " within "
                        + STARTUP_TIMEOUT + "; its output:\n" + logTail());
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
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2))
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

    /** A port nobody listens on right now; the server binds it a moment later (the usual small race, loopback only). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
