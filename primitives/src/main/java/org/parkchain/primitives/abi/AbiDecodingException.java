package org.parkchain.primitives.abi;

/**
 * Bytes that do not decode as the expected ABI types: too short, an offset or length pointing outside the data, or a
 * value with bits its type does not allow. The message names the argument ({@code argument 1 is not an address},
 * {@code argument 0[2] does not fit uint8}).
 *
 * <p>Thrown on hostile input at the edge of system contracts, so it carries no stack trace: the message is the whole
 * story and filling a trace per refused call would be the expensive part.
 */
public final class AbiDecodingException extends RuntimeException {
    public AbiDecodingException(String message) {
        super(message, null, false, false);
    }
}
