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
 */
public record ExecutionResult(Outcome outcome, HaltReason haltReason, long gasLeft, byte[] output, Optional<Address> createdAddress) {
    private static final byte[] EMPTY = new byte[0];

    public enum Outcome { SUCCESS, REVERT, HALT }

    public static ExecutionResult success(long gasLeft, byte[] output) {
        return new ExecutionResult(Outcome.SUCCESS, HaltReason.NONE, gasLeft, output, Optional.empty());
    }

    public static ExecutionResult created(long gasLeft, byte[] code, Address address) {
        return new ExecutionResult(Outcome.SUCCESS, HaltReason.NONE, gasLeft, code, Optional.of(address));
    }

    public static ExecutionResult revert(long gasLeft, byte[] output) {
        return new ExecutionResult(Outcome.REVERT, HaltReason.NONE, gasLeft, output, Optional.empty());
    }

    public static ExecutionResult halt(HaltReason reason) {
        return new ExecutionResult(Outcome.HALT, reason, 0, EMPTY, Optional.empty());
    }

    public boolean isSuccess() {
        return outcome == Outcome.SUCCESS;
    }
}
