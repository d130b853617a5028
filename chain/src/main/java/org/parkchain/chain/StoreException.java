package org.parkchain.chain;

/** The chain database cannot be opened, read or written, or holds something it could not have written. */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
