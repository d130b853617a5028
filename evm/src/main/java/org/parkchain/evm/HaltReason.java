package org.parkchain.evm;

/**
 * Why a frame ended in an exceptional halt (all its gas consumed, its changes reverted), or NONE. Each reason carries
 * the words geth uses for it, so a failure reads the same in JSON-RPC errors, receipts and tools as on Ethereum.
 */
public enum HaltReason {
    NONE(""),
    OUT_OF_GAS("out of gas"),
    /** An undefined opcode or the designated INVALID (0xfe); the result's detail names the byte. */
    INVALID_OPCODE("invalid opcode"),
    STACK_UNDERFLOW("stack underflow"),
    STACK_OVERFLOW("stack limit reached 1024"),
    INVALID_JUMP("invalid jump destination"),
    /** A state change (SSTORE, TSTORE, LOG, CREATE, SELFDESTRUCT, CALL with value) inside a static call. */
    STATE_CHANGE_IN_STATIC_CALL("write protection"),
    RETURN_DATA_OUT_OF_BOUNDS("return data out of bounds"),
    /** EIP-684: the address of a creation already has code, a nonce or storage. */
    CREATE_COLLISION("contract address collision"),
    /** EIP-170: the deployed code is longer than the fork's limit (24,576 bytes). */
    CODE_SIZE_EXCEEDED("max code size exceeded"),
    /** The init code ran, but what is left cannot pay 200 gas per byte of the code it returned. */
    CODE_STORE_OUT_OF_GAS("contract creation code storage out of gas"),
    /** EIP-3860: init code longer than the fork's limit (49,152 bytes). */
    INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
    /** EIP-3541: deployed code may not start with 0xEF. */
    INVALID_CODE_PREFIX("invalid code: must not begin with 0xef"),
    /** A precompile rejected its input (for example a point not on the curve). */
    PRECOMPILE_FAILURE("precompile failed: invalid input"),
    /** A precompile this node cannot run (its native library did not load, or it is not implemented yet). */
    PRECOMPILE_UNSUPPORTED("precompile not supported by this node"),
    /** A top-level message whose sender cannot pay its value. */
    INSUFFICIENT_BALANCE("insufficient balance for transfer"),
    /** A native (system) contract failed in a way that is not a revert. */
    NATIVE_CONTRACT_FAILURE("system contract failure"),
    /** The chain's {@link MessageRules} refused a SELFDESTRUCT's payout. */
    REFUSED_BY_CHAIN_RULES("refused by the chain's rules");

    private final String message;

    HaltReason(String message) {
        this.message = message;
    }

    /** geth's wording ("invalid jump destination", "write protection", …); empty for NONE. */
    public String message() {
        return message;
    }
}
