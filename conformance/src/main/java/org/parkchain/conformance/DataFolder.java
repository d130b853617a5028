package org.parkchain.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A public test-data folder kept outside the project, found the same way for every suite: an environment variable,
 * else a system property (Maven sets it), else a path beside the checkout. The data is never copied into the project.
 *
 * @param environmentVariable e.g. {@code PARKCHAIN_ETHTESTS}
 * @param systemProperty e.g. {@code parkchain.ethtests}
 * @param besideCheckout e.g. {@code ../shared/ethereum-tests}
 */
record DataFolder(String environmentVariable, String systemProperty, String besideCheckout) {
    Optional<Path> root() {
        for (String candidate : new String[] {System.getenv(environmentVariable), System.getProperty(systemProperty),
                besideCheckout}) {
            if (candidate != null && !candidate.isBlank()) {
                Path p = Path.of(candidate);
                if (Files.isDirectory(p)) {
                    return Optional.of(p.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    Optional<Path> folder(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }
}
