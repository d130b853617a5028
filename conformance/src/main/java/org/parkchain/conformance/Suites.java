package org.parkchain.conformance;

import java.util.List;
import java.util.Optional;

/** The suites the {@code conformance} command knows, by name. */
public final class Suites {
    private Suites() {}

    /** Names accepted on the command line, in the order DESIGN.md lists them. */
    public static final List<String> NAMES = List.of("state", "rlp", "trie", "tx", "keystore", "abi", "precompiles");

    /** The suite for {@code name}, or empty when it is not implemented yet. */
    public static Optional<ConformanceSuite> byName(String name) {
        return switch (name) {
            case "state" -> Optional.of(new StateSuite());
            case "rlp" -> Optional.of(new RlpSuite());
            case "trie" -> Optional.of(new TrieSuite());
            case "tx" -> Optional.of(new TransactionSuite());
            case "keystore" -> Optional.of(new KeyStoreSuite());
            case "abi" -> Optional.of(new AbiSuite());
            case "precompiles" -> Optional.of(new PrecompileSuite());
            default -> Optional.empty();
        };
    }
}
