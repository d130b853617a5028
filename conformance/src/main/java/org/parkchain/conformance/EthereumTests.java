package org.parkchain.conformance;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the public ethereum/tests data lives: {@code PARKCHAIN_ETHTESTS}, else the {@code parkchain.ethtests}
 * system property (Maven sets it), else {@code ../shared/ethereum-tests}. The data is never copied into the project.
 */
public final class EthereumTests {
    private EthereumTests() {}

    private static final DataFolder LOCATION = new DataFolder("PARKCHAIN_ETHTESTS", "parkchain.ethtests", "../shared/ethereum-tests");

    public static Optional<Path> root() {
        return LOCATION.root();
    }

    /** A sub-folder, of the suite, e.g. {@code RLPTests}, when the data is present. */
    public static Optional<Path> folder(String name) {
        return LOCATION.folder(name);
    }

    public static final String MISSING =
            "ethereum/tests data not found: set PARKCHAIN_ETHTESTS or place it at ../shared/ethereum-tests";
}
