package org.parkchain.evm;

import java.util.Optional;
import org.parkchain.primitives.Address;

/**
 * How a message ended. The refund counter, logs and self-destructs are in the {@link WorldView}; a REVERT or
 * HALT has already rolled the world back to where the message began.
 *
 * @param outcome SUCCESS, REVERT (gas left is returned, output is the revert data) or HALT (all gas consumed)
 * @param haltReason why it halted; {@link HaltReason#NONE} unless the outcome is HALT
 * @param gasLeft gas not used (0 after a halt)
 * @param output the return data, the revert data, or (after a successful creation) the deployed code
 * @param createdAddress the new contract's address after a successful creation
 * @param haltDetail what the halt reason alone does not say (the byte of an invalid opcode, "0xfe"); else empty
 */
public record ExecutionResult(Outcome outcome, HaltReason haltReason, long gasLeft, byte[] output, Optional<Address> createdAddress,
                              String haltDetail) {
    private static final byte[] EMPTY = new byte[0];

    public enum Outcome { SUCCESS, REVERT, HALT }

    public static ExecutionResult success(long gasLeft, byte[] output) {
        return new ExecutionResult(Outcome.SUCCESS, HaltReason.NONE, gasLeft, output, Optional.empty(), "");
    }

    public static ExecutionResult created(long gasLeft, byte[] code, Address address) {
        return new ExecutionResult(Outcome.SUCCESS, HaltReason.NONE, gasLeft, code, Optional.of(address), "");
    }

    public static ExecutionResult revert(long gasLeft, byte[] output) {
        return new ExecutionResult(Outcome.REVERT, HaltReason.NONE, gasLeft, output, Optional.empty(), "");
    }

    public static ExecutionResult halt(HaltReason reason) {
        return halt(reason, "");
    }

    public static ExecutionResult halt(HaltReason reason, String detail) {
        return new ExecutionResult(Outcome.HALT, reason, 0, EMPTY, Optional.empty(), detail);
    }

    /**
     * What went wrong, in geth's words: "execution reverted" after a REVERT, the halt's message ("invalid opcode:
     * 0xfe", "stack underflow", "max code size exceeded", …) after a halt; empty after success.
     */
    public String failureMessage() {
        return switch (outcome) {
            case SUCCESS -> "";
            case REVERT -> "execution reverted";
            case HALT -> haltDetail.isEmpty() ? haltReason.message() : haltReason.message() + ": " + haltDetail;
        };
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCESS;
    }
}
