package org.parkchain.evm;

import org.parkchain.evm.precompile.Precompiles;

/**
 * A hard fork as data: its instruction table, gas schedule and precompile set, each built once. Adding Prague is
 * a new constant made from Cancun's parts plus its EIPs' changes.
 */
public record Fork(String name, InstructionTable instructions, GasSchedule gas, Precompiles precompiles) {
    public static final Fork CANCUN = new Fork("Cancun", InstructionTable.cancun(), GasSchedule.CANCUN, Precompiles.cancun());

    /** The fork with the name the Ethereum tests use ("Cancun"). */
    public static java.util.Optional<Fork> byName(String name) {
        return CANCUN.name.equalsIgnoreCase(name) ? java.util.Optional.of(CANCUN) : java.util.Optional.empty();
    }
}
