package org.parkchain.regime.abi;

/** Call data that does not decode as the function's arguments; the contract turns it into a revert reason. */
public final class MalformedCallException extends RuntimeException {
    public MalformedCallException(String message) {
        super(message, null, false, false);
    }
}
