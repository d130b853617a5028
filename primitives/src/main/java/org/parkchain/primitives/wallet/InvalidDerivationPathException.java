package org.parkchain.primitives.wallet;

/** A BIP-32 derivation path that does not parse, such as {@code m/44'/x} or an index of 2^31 or more. */
public final class InvalidDerivationPathException extends IllegalArgumentException {
    public InvalidDerivationPathException(String message) {
        super(message);
    }
}
