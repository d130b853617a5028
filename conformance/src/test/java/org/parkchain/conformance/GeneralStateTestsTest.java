package org.parkchain.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * GeneralStateTests through the {@code state} suite: a sample (a few files of every category folder) by default,
 * every file under {@code -Pfull-conformance}. The outcome must match {@code KNOWN_FAILURES.md} exactly: a failure
 * not listed there fails the test, and so does a listed case that now passes, so the list stays true.
 */
class GeneralStateTestsTest {
    /** Every how-many-th file of a category the sample takes (always at least the first). */
    private static final int SAMPLE_STRIDE = 2;
    /** Files the sample never takes: CALLBlake2f_MaxRounds runs 2^32-1 Blake2 rounds, minutes of CPU by design. */
    private static final Set<String> TOO_SLOW_FOR_THE_SAMPLE = Set.of("CALLBlake2f_MaxRounds.json");
    /** Categories whose cases are slow by design; the sample takes only their first file. */
    private static final Set<String> SLOW = Set.of("stTimeConsuming", "stQuadraticComplexityTest", "vmPerformance", "stMemoryStressTest");
    private static final Pattern CASE = Pattern.compile("^FAIL (.*? d=\\d+ g=\\d+ v=\\d+): (.*)$");
    private static final Pattern KNOWN = Pattern.compile("^- `(.*? d=\\d+ g=\\d+ v=\\d+)` .*$");

    @Test
    void outcomeMatchesTheKnownFailures() throws IOException {
        Path root = EthereumTests.folder("GeneralStateTests").orElse(null);
        assumeTrue(root != null, EthereumTests.MISSING);
        boolean sample = Boolean.parseBoolean(System.getProperty("parkchain.stateTests.sample", "true"));
        List<Path> files = sample ? sample(root) : ConformanceRunner.jsonFiles(List.of(root));

        StringWriter out = new StringWriter();
        Report report = ConformanceRunner.run(new StateSuite(), files, "Cancun", new PrintWriter(out, true), 2);

        Map<String, String> failures = new TreeMap<>();
        List<String> otherFailures = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = CASE.matcher(line);
            if (m.matches()) {
                failures.put(relative(root, m.group(1)), m.group(2));
            } else if (line.startsWith("FAIL ")) {
                otherFailures.add(line);
            }
        }
        Set<String> runFiles = files.stream().map(f -> root.relativize(f).toString()).collect(Collectors.toSet());
        Set<String> known = knownFailures().stream()
                .filter(k -> runFiles.contains(k.substring(0, k.indexOf(' '))))
                .collect(Collectors.toCollection(TreeSet::new));

        Map<String, String> unexpected = new LinkedHashMap<>(failures);
        known.forEach(unexpected::remove);
        Set<String> nowPassing = new TreeSet<>(known);
        nowPassing.removeAll(failures.keySet());

        assertThat(otherFailures).as("failures outside any case").isEmpty();
        assertThat(unexpected).as("failures not listed in KNOWN_FAILURES.md").isEmpty();
        assertThat(nowPassing).as("cases listed in KNOWN_FAILURES.md that pass now: remove them from the list").isEmpty();
        assertThat(report.passed()).isPositive();
        System.out.println("GeneralStateTests (" + (sample ? "sample of " : "") + files.size() + " files): " + report.summary());
    }

    /** Every SAMPLE_STRIDE-th file of each folder that holds test files, in name order: every category is covered. */
    static List<Path> sample(Path root) {
        Map<Path, List<Path>> byFolder = new TreeMap<>();
        for (Path f : ConformanceRunner.jsonFiles(List.of(root))) {
            if (!TOO_SLOW_FOR_THE_SAMPLE.contains(f.getFileName().toString())) {
                byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Path> chosen = new ArrayList<>();
        byFolder.forEach((folder, files) -> {
            int stride = SLOW.contains(folder.getFileName().toString()) ? Integer.MAX_VALUE : SAMPLE_STRIDE;
            for (int i = 0; i < files.size(); i += stride) {
                chosen.add(files.get(i));
                if (stride == Integer.MAX_VALUE) {
                    break;
                }
            }
        });
        return chosen;
    }

    private static String relative(Path root, String failure) {
        String prefix = root.toString() + "/";
        return failure.startsWith(prefix) ? failure.substring(prefix.length()) : failure;
    }

    /** The cases listed in KNOWN_FAILURES.md, as "relative/file.json testName d=.. g=.. v=..". */
    static List<String> knownFailures() throws IOException {
        Path list = Path.of("KNOWN_FAILURES.md");
        if (!Files.exists(list)) {
            return List.of();
        }
        List<String> known = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            Matcher m = KNOWN.matcher(line);
            if (m.matches()) {
                known.add(m.group(1));
            }
        }
        return known;
    }
}
