package org.parkchain.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs a suite over files and folders (recursively, every {@code .json}, in a stable order). */
public final class ConformanceRunner {
    private ConformanceRunner() {}

    public static Report run(ConformanceSuite suite, List<Path> paths, String fork, PrintWriter out) {
        Report report = new Report(out);
        for (Path file : jsonFiles(paths)) {
            try {
                suite.runFile(file, fork, report);
            } catch (RuntimeException | StackOverflowError e) {
                report.fail(file + ": runner error: " + e);
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
