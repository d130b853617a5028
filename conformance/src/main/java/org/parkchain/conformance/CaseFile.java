package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * The shapes public test files take: one JSON object of named cases (ethereum/tests), or an array of cases that
 * name themselves in a {@code Name} field (the EIPs' vector files). Reading the file, naming each case in failure
 * lines and turning a case's exception into a failure (never a crash of the run) live here once.
 */
final class CaseFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks one case: {@code null} when it passes, otherwise the first difference in words. */
    @FunctionalInterface
    interface Check {
        String difference(JsonNode test);
    }

    private CaseFile() {}

    /** Runs {@code check} on every case of {@code file}; an unreadable file is one failure. */
    static void forEachCase(Path file, Report report, Check check) {
        JsonNode tests;
        try {
            tests = JSON.readTree(file.toFile());
        } catch (IOException e) {
            report.fail(file + ": cannot read: " + e.getMessage());
            return;
        }
        if (tests.isArray()) {
            for (int i = 0; i < tests.size(); i++) {
                JsonNode test = tests.get(i);
                String name = test.path("Name").asText("#" + i);
                runCase(file.getFileName() + " " + name, test, report, check);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            runCase(file.getFileName() + " " + test.getKey(), test.getValue(), report, check);
        }
    }

    private static void runCase(String where, JsonNode test, Report report, Check check) {
        try {
            String difference = check.difference(test);
            if (difference == null) {
                report.pass();
            } else {
                report.fail(where + ": " + difference);
            }
        } catch (RuntimeException e) {
            report.fail(where + ": " + e);
        }
    }
}
