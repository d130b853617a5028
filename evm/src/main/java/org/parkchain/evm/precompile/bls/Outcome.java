package org.parkchain.evm.precompile.bls;

/** What a BLS12-381 precompile makes of an input: its output, or the reason it refuses the input. */
public sealed interface Outcome {
    record Output(byte[] bytes) implements Outcome {}

    /** A refused input; the call then fails and burns the gas it was given. */
    record Invalid(String reason) implements Outcome {}
}
