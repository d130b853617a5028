package org.parkchain.regime;

import org.parkchain.evm.HaltReason;

/**
 * The outcome of a call to a native system contract, in the terms a CALL in the EVM has: success with return data,
 * a revert with {@code Error(string)} data (the unused gas goes back), or an exceptional halt that consumes all gas.
 * After a revert or a halt the world state is as it was before the call.
 */
public sealed interface CallResult {
    byte[] output();

    long gasUsed();

    default boolean succeeded() {
        return this instanceof Success;
    }

    record Success(byte[] output, long gasUsed) implements CallResult {}

    /** {@code output} is the ABI encoding of {@code Error(reason)}. */
    record Reverted(String reason, byte[] output, long gasUsed) implements CallResult {}

    /** Out of gas or a state change attempted in a static call; no output, all gas used. */
    record Halted(HaltReason reason, String detail, long gasUsed) implements CallResult {
        @Override
        public byte[] output() {
            return new byte[0];
        }
    }
}
