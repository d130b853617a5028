package org.parkchain.evm.precompile;

import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.HaltReason;

/** A contract at a fixed low address implemented natively, with a gas price computed from its input. */
public interface Precompile {
    long gas(byte[] input);

    /** The output, or empty when the input is invalid (the call then fails consuming all its gas). */
    java.util.Optional<byte[]> compute(byte[] input);

    /** Charges {@link #gas} and computes; a failed or unaffordable call is an exceptional halt. */
    default ExecutionResult execute(byte[] input, long gasAvailable) {
        long cost = gas(input);
        if (cost < 0 || cost > gasAvailable) return ExecutionResult.halt(HaltReason.OUT_OF_GAS);
        return compute(input)
                .map(out -> ExecutionResult.success(gasAvailable - cost, out))
                .orElseGet(() -> ExecutionResult.halt(HaltReason.PRECOMPILE_FAILURE));
    }

    /** {@code length} bytes of {@code input} from {@code offset}, zero-padded past its end (as precompiles read input). */
    static byte[] slice(byte[] input, long offset, int length) {
        byte[] out = new byte[length];
        if (offset < input.length) {
            System.arraycopy(input, (int) offset, out, 0, (int) Math.min(length, input.length - offset));
        }
        return out;
    }

    /** Gas as a base plus a price per 32-byte word of input (SHA-256, RIPEMD-160, identity). */
    static long linear(byte[] input, long base, long perWord) {
        return base + perWord * ((input.length + 31L) / 32);
    }
}
