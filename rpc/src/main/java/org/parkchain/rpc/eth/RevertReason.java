package org.parkchain.rpc.eth;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Reads the reason out of Solidity's {@code Error(string)} revert data, as geth adds it to "execution reverted". */
public final class RevertReason {
    /** keccak("Error(string)")[:4]. */
    private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};

    private RevertReason() {}

    /** The reason string, or empty when {@code output} is not a well-formed {@code Error(string)}. */
    public static Optional<String> decode(byte[] output) {
        if (output.length < 4 + 64 || !Arrays.equals(output, 0, 4, ERROR_SELECTOR, 0, 4)) {
            return Optional.empty();
        }
        BigInteger offset = new BigInteger(1, Arrays.copyOfRange(output, 4, 36));
        if (offset.bitLength() > 31 || 4 + offset.intValue() + 32 > output.length) {
            return Optional.empty();
        }
        int start = 4 + offset.intValue();
        BigInteger length = new BigInteger(1, Arrays.copyOfRange(output, start, start + 32));
        if (length.bitLength() > 31 || start + 32 + length.intValue() > output.length) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(output, start + 32, length.intValue())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
