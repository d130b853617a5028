package org.parkchain.evm;

/**
 * Thrown inside the interpreter to end a frame with an exceptional halt; never leaves the {@code evm} module.
 * Shared instances (one per reason, one per invalid opcode) without a stack trace, so halting costs no allocation.
 */
final class EvmHalt extends RuntimeException {
    private static final EvmHalt[] BY_REASON = new EvmHalt[HaltReason.values().length];
    private static final EvmHalt[] BY_OPCODE = new EvmHalt[256];

    static {
        for (HaltReason r : HaltReason.values()) BY_REASON[r.ordinal()] = new EvmHalt(r, "");
        for (int op = 0; op < 256; op++) {
            BY_OPCODE[op] = new EvmHalt(HaltReason.INVALID_OPCODE, String.format("0x%02x", op));
        }
    }

    static final EvmHalt OUT_OF_GAS = of(HaltReason.OUT_OF_GAS);
    static final EvmHalt STACK_UNDERFLOW = of(HaltReason.STACK_UNDERFLOW);
    static final EvmHalt STACK_OVERFLOW = of(HaltReason.STACK_OVERFLOW);
    static final EvmHalt INVALID_JUMP = of(HaltReason.INVALID_JUMP);
    static final EvmHalt STATIC = of(HaltReason.STATE_CHANGE_IN_STATIC_CALL);

    final HaltReason reason;
    /** What the reason alone does not say: the opcode byte of an invalid instruction; else empty. */
    final String detail;

    private EvmHalt(HaltReason reason, String detail) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    static EvmHalt of(HaltReason reason) {
        return BY_REASON[reason.ordinal()];
    }

    static EvmHalt invalidOpcode(int op) {
        return BY_OPCODE[op];
    }
}
