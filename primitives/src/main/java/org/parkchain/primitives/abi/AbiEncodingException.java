package org.parkchain.primitives.abi;

/** A Java value that does not fit its ABI type: wrong class, out of range, wrong length or element count. */
public final class AbiEncodingException extends IllegalArgumentException {
    public AbiEncodingException(String message) {
        super(message);
    }
}
