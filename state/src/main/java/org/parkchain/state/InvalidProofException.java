package org.parkchain.state;

/** A Merkle proof that does not lead from the claimed root to the key. */
public final class InvalidProofException extends RuntimeException {
    public InvalidProofException(String message) {
        super(message);
    }
}
