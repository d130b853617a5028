package org.parkchain.primitives.keystore;

/**
 * The key file's KDF parameters ask for more memory or work than {@link KeyFile.Limits} allow: refused before any
 * derivation, so a hostile file cannot make the node allocate gigabytes or spin for minutes.
 */
public final class KdfLimitExceededException extends KeyFileException {
    public KdfLimitExceededException(String message) {
        super(message);
    }
}
