package org.parkchain.conformance;

import java.nio.file.Path;

/** One family of public Ethereum tests (state, rlp, trie, tx, keystore, abi) and how to run a file of them. */
public interface ConformanceSuite {
    /** The name used on the command line: {@code ./parkchain conformance NAME PATH…}. */
    String name();

    /**
     * Runs every case in one JSON test file, reporting each through {@code report}. A file that cannot be read or
     * parsed is reported as one failed case, never thrown.
     */
    void runFile(Path file, String fork, Report report);
}
