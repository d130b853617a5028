package org.parkchain.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the public ethereum/tests data lives: {@code PARKCHAIN_ETHTESTS}, else the {@code parkchain.ethtests}
 * system property (Maven sets it), else {@code ../shared/ethereum-tests}. The data is never copied into the project.
 */
public final class EthereumTests {
    private EthereumTests() {}

    public static Optional<Path> root() {
        String env = System.getenv("PARKCHAIN_ETHTESTS");
        String prop = System.getProperty("parkchain.ethtests");
        for (String candidate : new String[] {env, prop, "../shared/ethereum-tests"}) {
            if (candidate != null && !candidate.isBlank()) {
                Path p = Path.of(candidate);
                if (Files.isDirectory(p)) {
                    return Optional.of(p.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    /** A sub-folder of the suite, e.g. {@code RLPTests}, when the data is present. */
    public static Optional<Path> folder(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    public static final String MISSING =
            "ethereum/tests data not found: set PARKCHAIN_ETHTESTS or place it at ../shared/ethereum-tests";
}
