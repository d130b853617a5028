package org.parkchain.chain;

/** A block that does not follow from its parent: a bad header field, a refused transaction, or a root mismatch. */
public final class InvalidBlockException extends RuntimeException {
    public InvalidBlockException(String message) {
        super(message);
    }
}
