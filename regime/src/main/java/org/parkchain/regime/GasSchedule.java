package org.parkchain.regime;

/**
 * What the native contracts charge, priced like the EVM operations a Solidity contract would use for the same work
 * (Cancun values), so a park token costs what an ordinary ERC-20 costs. See regime/README.md for the figures.
 */
final class GasSchedule {
    /** Dispatch, argument decoding and slot hashing of one call: what a Solidity function's prologue costs. */
    static final long CALL_BASE = 200;
    /**
     * The EVM's prices for what a native contract does like an instruction: storage (through {@code StorageGas}),
     * logs and value transfers come from here, so one rule prices a Solidity contract and a system contract alike.
     */
    static final org.parkchain.evm.GasSchedule EVM = org.parkchain.evm.GasSchedule.CANCUN;
    /**
     * A registry slot read by a park-rule check made by another system contract (is this account verified, blocked).
     * The registry is a small, hot set of slots every transaction's permission check reads already, so such a read
     * is priced as a warm SLOAD; the registry's own functions pay the ordinary cold/warm prices.
     */
    static final long REGISTRY_RULE_READ = EVM.warmStorageRead();
    /** LOG: base, per topic, per data byte. */
    static final long LOG = 375;
    static final long LOG_TOPIC = EVM.logTopic();
    static final long LOG_DATA_BYTE = EVM.logData();
    /** A native-coin payment by a system contract, as CALL with value: 9000, plus 25000 for a new account. */
    static final long VALUE_TRANSFER = EVM.callValue();
    static final long NEW_ACCOUNT = EVM.newAccount();

    /** Creating a park token: CREATE's base cost; its storage is charged slot by slot on top. */
    static final long CREATE = 32000;

    private GasSchedule() {}
}
