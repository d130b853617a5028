package org.parkchain.evm.precompile;

import java.util.Optional;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;

/**
 * 0x0a (EIP-4844): KZG point evaluation. Verifying a KZG proof needs BLS12-381 pairings and the trusted setup;
 * no KZG library usable here was found on Maven Central, so every call fails precisely with
 * {@link HaltReason#PRECOMPILE_UNSUPPORTED} ("point evaluation precompile unsupported") rather than guessing.
 */
final class PointEvaluation implements Precompile {
    static final long GAS = 50_000;

    @Override
    public long gas(byte[] input) {
        return GAS;
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        return Optional.empty();
    }

    @Override
    public ExecutionResult execute(byte[] input, long gasAvailable) {
        if (gasAvailable < GAS) return ExecutionResult.halt(HaltReason.OUT_OF_GAS);
        return ExecutionResult.halt(HaltReason.PRECOMPILE_UNSUPPORTED);
    }
}
