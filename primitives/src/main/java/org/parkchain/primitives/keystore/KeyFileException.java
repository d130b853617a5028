package org.parkchain.primitives.keystore;

/** Why a key file could not be read: malformed, too costly to open, or the wrong password. */
public abstract sealed class KeyFileException extends RuntimeException
        permits MalformedKeyFileException, KdfLimitExceededException, WrongPasswordException {
    KeyFileException(String message) {
        super(message);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
