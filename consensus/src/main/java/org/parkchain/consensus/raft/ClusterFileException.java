package org.parkchain.consensus.raft;

/** A cluster file (or the TLS material it names) that cannot be used; the message is one line for the operator. */
public final class ClusterFileException extends RuntimeException {
    public ClusterFileException(String message) {
        super(message);
    }

    public ClusterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
