package org.parkchain.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parkchain node …} as a separate JVM, the way an operator runs it, for tests that need signals: SIGTERM
 * ({@link #terminate}) and SIGKILL ({@link #kill}). The port is picked by the node ({@code --rpc-port 0}) and read
 * from the line it prints when it serves.
 */
final class NodeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("JSON-RPC listening on (http://127\\.0\\.0\\.1:\\d+/)");

    final Process process;
    final URI url;
    final StringBuffer output = new StringBuffer();

    private NodeProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code parkchain node --rpc-port 0 args…} and waits until it serves (60 s at most). */
    static NodeProcess start(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--rpc-port", "0"));
        all.addAll(List.of(args));
        return startServing(all.toArray(String[]::new));
    }

    /** Starts {@code parkchain node args…} on the port the arguments choose (a cluster file's, say). */
    static NodeProcess startServing(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.parkchain.node.cli.Main", "node"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> url = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
            url.completeExceptionally(new IllegalStateException("the node exited before serving:\n" + output));
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            NodeProcess np = new NodeProcess(p, url.get(60, TimeUnit.SECONDS));
            np.output.append(output);
            return np;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("node did not start: " + e.getMessage() + "\n" + output, e);
        }
    }

    /** SIGTERM, then waits for the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("node did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
