package org.parkchain.evm;

/**
 * Thrown out of {@link Evm#execute} when the running thread was interrupted (an RPC call's time limit ran out). It is
 * not an EVM halt: no result exists, and the caller must discard the world it ran against. The EVM looks for the
 * interrupt every {@value Interpreter#JUMPS_PER_INTERRUPT_CHECK} taken jumps and at every nested call, so a loop
 * stops within microseconds, while straight-line code (bounded by its length) never pays for the check.
 */
public final class ExecutionInterrupted extends RuntimeException {
    public ExecutionInterrupted() {
        super("execution interrupted: the time limit ran out", null, false, false);
    }
}
