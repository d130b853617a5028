package org.parkchain.regime;

/**
 * What the native contracts charge, priced like the EVM operations a Solidity contract would use for the same work
 * (Cancun values), so a park token costs what an ordinary ERC-20 costs. See regime/README.md for the figures.
 */
final class GasSchedule {
    /** Dispatch, argument decoding and slot hashing of one call: what a Solidity function's prologue costs. */
    static final long CALL_BASE = 200;
    /** SLOAD of a slot not yet touched in the transaction (EIP-2929). */
    static final long COLD_SLOAD = 2100;
    /** SLOAD of a slot already touched. */
    static final long WARM_SLOAD = 100;
    /** SSTORE: setting a zero slot to non-zero. */
    static final long SSTORE_SET = 20000;
    /** SSTORE: changing a non-zero slot that still has its value from the start of the transaction. */
    static final long SSTORE_RESET = 2900;
    /** EIP-3529's refund for clearing a slot. */
    static final long SSTORE_CLEARS_REFUND = 4800;
    /**
     * A registry slot read by a park-rule check made by another system contract (is this account verified, blocked).
     * The registry is a small, hot set of slots every transaction's permission check reads already, so such a read
     * is priced as a warm SLOAD; the registry's own functions pay the ordinary cold/warm prices.
     */
    static final long REGISTRY_RULE_READ = 100;
    /** LOG: base, per topic, per data byte. */
    static final long LOG = 375;
    static final long LOG_TOPIC = 375;
    static final long LOG_DATA_BYTE = 8;
    /** A native-coin payment by a system contract, as CALL with value: 9000, plus 25000 for a new account. */
    static final long VALUE_TRANSFER = 9000;
    static final long NEW_ACCOUNT = 25000;

    /** Creating a park token: CREATE's base cost; its storage is charged slot by slot on top. */
    static final long CREATE = 32000;

    private GasSchedule() {}
}
