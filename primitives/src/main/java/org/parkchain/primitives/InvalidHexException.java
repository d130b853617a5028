package org.parkchain.primitives;

/** Text that was meant to be hex is not: odd length, a non-hex character, or the wrong size. */
public final class InvalidHexException extends IllegalArgumentException {
    public InvalidHexException(String message) {
        super(message);
    }
}
