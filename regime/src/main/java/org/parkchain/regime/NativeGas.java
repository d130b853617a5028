package org.parkchain.regime;

import org.parkchain.evm.Fork;
import org.parkchain.evm.gas.GasCalc;

/**
 * What the native contracts charge: the EVM's own pure gas functions ({@link GasCalc}) at the prices of
 * {@link #FORK} for everything a Solidity contract would do with an instruction (storage, logs, hashing, payouts,
 * creation), so a park token costs what an ordinary ERC-20 costs; and the two prices of this module's own, below.
 * There is no copy of an EVM price here. See regime/README.md for the figures.
 */
final class NativeGas {
    /** The prices the native contracts pay: Cancun's (Prague and Osaka changed none of those used here). */
    static final Fork FORK = Fork.CANCUN;
    /**
     * Dispatch, argument decoding and the slot hashing of one call: what a Solidity function's prologue costs. The
     * exchange, whose calls hash many slots (orders, levels), pays each of its slot hashes on top as the KECCAK256 it
     * is ({@link ContractStorage#mapping}).
     */
    static final long CALL_BASE = 200;
    /**
     * A registry slot read by a park-rule check made by another system contract (is this account verified, blocked).
     * The registry is a small, hot set of slots every transaction's permission check reads already, so such a read
     * is priced as a warm SLOAD; the registry's own functions pay the ordinary cold/warm prices.
     */
    static final long REGISTRY_RULE_READ = GasCalc.sload(FORK.gas(), false);

    private NativeGas() {}
}
