package org.parkchain.evm;

/** Why a frame ended in an exceptional halt (all its gas consumed, its changes reverted), or NONE. */
public enum HaltReason {
    NONE,
    OUT_OF_GAS,
    INVALID_OPCODE,
    STACK_UNDERFLOW,
    STACK_OVERFLOW,
    INVALID_JUMP,
    /** A state change (SSTORE, TSTORE, LOG, CREATE, SELFDESTRUCT, CALL with value) inside a static call. */
    STATE_CHANGE_IN_STATIC_CALL,
    RETURN_DATA_OUT_OF_BOUNDS,
    /** EIP-684: the address of a creation already has code, a nonce or storage. */
    CREATE_COLLISION,
    /** EIP-170: the deployed code is longer than 24,576 bytes. */
    CODE_SIZE_EXCEEDED,
    /** EIP-3860: init code longer than 49,152 bytes. */
    INITCODE_SIZE_EXCEEDED,
    /** EIP-3541: deployed code may not start with 0xEF. */
    INVALID_CODE_PREFIX,
    /** A precompile rejected its input (for example a point not on the curve). */
    PRECOMPILE_FAILURE,
    /** The point evaluation precompile (0x0a) could not load its native KZG library on this platform. */
    PRECOMPILE_UNSUPPORTED,
    /** A top-level message whose sender cannot pay its value. */
    INSUFFICIENT_BALANCE,
    /** A native (system) contract failed in a way that is not a revert. */
    NATIVE_CONTRACT_FAILURE,
    /** The chain's {@link MessageRules} refused a SELFDESTRUCT's payout. */
    REFUSED_BY_CHAIN_RULES
}
