package org.parkchain.node.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cluster member as an operator runs it: {@code parkchain node --data-dir … --genesis … --cluster …} in its own
 * JVM, started from the test class path (so it runs the code under test, not a stale jar). The faults a machine
 * suffers are signals: {@link #kill} (SIGKILL: power cut, OOM killer), {@link #pause}/{@link #resume}
 * (SIGSTOP/SIGCONT: a long GC pause, a frozen VM), {@link #terminate} (SIGTERM: an orderly stop). A member can be
 * started again with the same arguments; its output from every life is appended to one log file.
 */
final class MemberProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("JSON-RPC listening on (http://[^ ]+/)");
    private static final long START_TIMEOUT_S = 90;

    private final String id;
    private final List<String> arguments;
    private final List<String> jvmOptions;
    private final Path log;
    private Process process;
    private URI url;

    private MemberProcess(String id, List<String> jvmOptions, List<String> arguments, Path log) {
        this.id = id;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    /** Starts {@code parkchain node arguments…} and waits until it prints the URL it serves JSON-RPC on. */
    static MemberProcess start(String id, List<String> arguments, Path log) {
        return start(id, List.of(), arguments, log);
    }

    /** As {@link #start(String, List, Path)} with extra JVM options (a test hook's system property). */
    static MemberProcess start(String id, List<String> jvmOptions, List<String> arguments, Path log) {
        MemberProcess member = new MemberProcess(id, jvmOptions, arguments, log);
        member.startAgain();
        return member;
    }

    String id() {
        return id;
    }

    URI url() {
        return url;
    }

    MemberRpc rpc() {
        return new MemberRpc(url);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Starts the member again with the arguments of its first start (after {@link #kill} or {@link #terminate}). */
    void startAgain() {
        startAgain(List.of());
    }

    /** As {@link #startAgain()}, with extra JVM options for this life only (a test hook). */
    void startAgain(List<String> extraJvmOptions) {
        if (isAlive()) {
            throw new IllegalStateException(id + " is still running");
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.parkchain.node.cli.Main", "node"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start member " + id, e);
        }
        CompletableFuture<URI> served = new CompletableFuture<>();
        Process p = process;
        Thread reader = new Thread(() -> copyOutput(p, served), "member-" + id + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            url = served.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException("member " + id + " did not serve within " + START_TIMEOUT_S + " s: "
                    + e.getMessage() + "\n" + logTail(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    private void copyOutput(Process p, CompletableFuture<URI> served) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            out.write("==== start " + java.time.Instant.now() + " pid " + p.pid() + "\n");
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    served.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process went away
        }
        served.completeExceptionally(new IllegalStateException("member " + id + " exited with status "
                + exitStatus(p)));
    }

    private static String exitStatus(Process p) {
        try {
            return p.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    /** SIGKILL: no shutdown hook, no flush; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM (the node's graceful stop); returns the exit status. */
    int terminate() {
        process.destroy();
        if (!awaitExit(60)) {
            kill();
            throw new AssertionError(id + " did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGSTOP: every thread of the member freezes; its sockets stay open and nobody answers. */
    void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume() {
        signal("CONT");
    }

    /**
     * SIGQUIT: the JVM prints the stacks of all its threads (and any deadlock it finds) to its output, which goes into
     * this member's log; the process keeps running. For a failed fault test, to see where a member is stuck.
     */
    void dumpThreads() {
        if (isAlive()) {
            signal("QUIT");
        }
    }

    /** Waits up to {@code seconds} for the process to end on its own (as after a divergence stop). */
    boolean awaitExit(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            resume(); // a stopped process cannot run its shutdown; SIGKILL works either way, but be tidy
            kill();
        }
    }
}
