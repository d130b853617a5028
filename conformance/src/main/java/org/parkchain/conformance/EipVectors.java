package org.parkchain.conformance;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the EIPs' own test vectors live (EIP-2537's and EIP-7951's {@code assets}): {@code PARKCHAIN_EIPVECTORS},
 * else the {@code parkchain.eipvectors} system property (Maven sets it), else {@code ../shared/eip-vectors}. The
 * vectors are never copied into the project.
 */
public final class EipVectors {
    private EipVectors() {}

    private static final DataFolder LOCATION =
            new DataFolder("PARKCHAIN_EIPVECTORS", "parkchain.eipvectors", "../shared/eip-vectors");

    public static Optional<Path> root() {
        return LOCATION.root();
    }

    /** A sub-folder, e.g. {@code eip-2537}, when the vectors are present. */
    public static Optional<Path> folder(String name) {
        return LOCATION.folder(name);
    }

    public static final String MISSING =
            "EIP test vectors not found: set PARKCHAIN_EIPVECTORS or place them at ../shared/eip-vectors "
                    + "(the eip-2537 and eip-7951 asset folders of the ethereum/EIPs repository)";
}
