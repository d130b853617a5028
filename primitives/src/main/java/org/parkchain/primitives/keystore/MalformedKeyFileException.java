package org.parkchain.primitives.keystore;

/** The text is not a Web3 Secret Storage v3 key file: bad JSON, a missing or mistyped field, an unsupported cipher. */
public final class MalformedKeyFileException extends KeyFileException {
    public MalformedKeyFileException(String message) {
        super(message);
    }

    public MalformedKeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
