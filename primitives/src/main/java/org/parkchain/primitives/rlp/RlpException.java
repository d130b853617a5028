package org.parkchain.primitives.rlp;

/**
 * Bytes that were meant to be RLP are not, or are not in canonical form. The message names the offset and the
 * rule broken, because a node must say precisely why it refused a transaction or a stored node.
 */
public final class RlpException extends IllegalArgumentException {
    public RlpException(String message) {
        super(message);
    }
}
