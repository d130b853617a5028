package org.parkchain.evm;

/**
 * Thrown inside the interpreter to end a frame with an exceptional halt; never leaves the {@code evm} module.
 * One shared instance per reason, without a stack trace, so halting costs no allocation.
 */
final class EvmHalt extends RuntimeException {
    private static final EvmHalt[] BY_REASON = new EvmHalt[HaltReason.values().length];

    static {
        for (HaltReason r : HaltReason.values()) BY_REASON[r.ordinal()] = new EvmHalt(r);
    }

    static final EvmHalt OUT_OF_GAS = of(HaltReason.OUT_OF_GAS);
    static final EvmHalt STACK_UNDERFLOW = of(HaltReason.STACK_UNDERFLOW);
    static final EvmHalt STACK_OVERFLOW = of(HaltReason.STACK_OVERFLOW);
    static final EvmHalt INVALID_OPCODE = of(HaltReason.INVALID_OPCODE);
    static final EvmHalt INVALID_JUMP = of(HaltReason.INVALID_JUMP);
    static final EvmHalt STATIC = of(HaltReason.STATE_CHANGE_IN_STATIC_CALL);

    final HaltReason reason;

    private EvmHalt(HaltReason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    static EvmHalt of(HaltReason reason) {
        return BY_REASON[reason.ordinal()];
    }
}
