package org.parkchain.chain;

/** A genesis file or value that cannot be used; the message names the field and what is wrong with it. */
public final class GenesisException extends IllegalArgumentException {
    public GenesisException(String message) {
        super(message);
    }

    public GenesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
