package org.parkchain.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Runs a suite over files and folders (recursively, every {@code .json}, in a stable order). */
public final class ConformanceRunner {
    private ConformanceRunner() {}

    public static Report run(ConformanceSuite suite, List<Path> paths, String fork, PrintWriter out) {
        return run(suite, jsonFiles(paths), fork, out, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs {@code files} on {@code threads} threads (files are independent; a suite keeps no state between them).
     * Failure lines appear as they are found, so their order may vary between runs; the counts do not.
     */
    public static Report run(ConformanceSuite suite, List<Path> files, String fork, PrintWriter out, int threads) {
        Report report = new Report(out);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                Path file = files.get(i);
                try {
                    suite.runFile(file, fork, report);
                } catch (RuntimeException | StackOverflowError e) {
                    report.fail(file + ": runner error: " + e);
                }
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            // A roomy stack: suites recurse (nested JSON, EVM frames between its own thread hops, trie paths).
            Thread thread = new Thread(null, worker, "conformance-" + t, 64L << 20);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running conformance files", e);
            }
        }
        return report;
    }

    /** Every {@code .json} file under {@code paths}, sorted; a missing path is an error a user must see. */
    public static List<Path> jsonFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
