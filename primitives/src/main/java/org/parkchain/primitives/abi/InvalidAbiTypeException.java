package org.parkchain.primitives.abi;

/** A type or signature string that is not a canonical ABI type, such as {@code uint7}, {@code uint} or {@code f(}. */
public final class InvalidAbiTypeException extends IllegalArgumentException {
    public InvalidAbiTypeException(String message) {
        super(message);
    }
}
