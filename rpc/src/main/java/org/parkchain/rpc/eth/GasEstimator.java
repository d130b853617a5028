package org.parkchain.rpc.eth;


/**
 * eth_estimateGas's search, as geth does it: run the call once with the most gas allowed to learn whether it can
 * succeed at all (a revert is reported with its data, like eth_call), try an optimistic guess from the gas it used,
 * then binary-search the smallest gas limit with which it succeeds. The search stops once the bracket is within
 * {@link #ERROR_RATIO} of the answer, which bounds the runs to about a dozen; the answer is never below the true
 * minimum.
 */
public final class GasEstimator {
    /** geth's estimateGasErrorRatio: an estimate up to 1.5% above the minimum is good enough. */
    static final double ERROR_RATIO = 0.015;
    /** A call that succeeds with gas G spends at most G - floor(G/64) in a sub-call; 63/64 is the EIP-150 rule. */
    private static final long CALL_STIPEND = 2_300;

    /** One run of the call with a gas limit. */
    public sealed interface Outcome {
        record Success(long gasUsed) implements Outcome {}

        /** The call reverted; {@code output} is the revert data. */
        record Reverted(byte[] output) implements Outcome {}

        /** It ran out of gas, hit an invalid instruction, or was refused (e.g. intrinsic gas too low). */
        record Failed(String reason) implements Outcome {}
    }

    @FunctionalInterface
    public interface Trial {
        Outcome run(long gasLimit);
    }

    /** How the search ended. */
    public sealed interface Estimate {
        record Gas(long gas) implements Estimate {}

        /** Reverts even with the most gas allowed: the caller answers with code 3 and this data. */
        record Reverted(byte[] output) implements Estimate {}

        /** Fails even with the most gas allowed, for {@code reason}. */
        record Failed(String reason, long allowance) implements Estimate {}
    }

    private GasEstimator() {}

    /**
     * @param floor   a gas limit known to be too low (the intrinsic gas minus one)
     * @param ceiling the most gas the call may have (the caller's gas, the block gas limit, the RPC gas cap and what
     *                the sender can pay for, whichever is least)
     */
    public static Estimate estimate(long floor, long ceiling, Trial trial) {
        if (ceiling <= floor) {
            return new Estimate.Failed("gas required exceeds allowance (" + ceiling + ")", ceiling);
        }
        Outcome first = trial.run(ceiling);
        switch (first) {
            case Outcome.Reverted r -> {
                return new Estimate.Reverted(r.output());
            }
            case Outcome.Failed f -> {
                return new Estimate.Failed(failure(f.reason(), ceiling), ceiling);
            }
            case Outcome.Success s -> {
                // The gas used is a lower bound on the limit needed (a refund or a 63/64 reservation can make the
                // limit needed higher than the gas used, never lower).
                long lo = Math.max(floor, s.gasUsed() - 1);
                long hi = ceiling;
                if (s.gasUsed() == floor + 1 && floor + 1 < hi) {
                    // It used only its intrinsic gas (a plain transfer, as geth short-cuts): that is the exact answer
                    // if it suffices, which one run shows.
                    if (trial.run(floor + 1) instanceof Outcome.Success) {
                        return new Estimate.Gas(floor + 1);
                    }
                    lo = floor + 1;
                }
                // Optimistic guess: enough for every sub-call's 63/64 rule and a stipend; usually succeeds at once.
                long guess = Math.min(hi, (s.gasUsed() + CALL_STIPEND) * 64 / 63);
                if (guess > lo && guess < hi) {
                    if (trial.run(guess) instanceof Outcome.Success) {
                        hi = guess;
                    } else {
                        lo = guess;
                    }
                }
                while (lo + 1 < hi) {
                    if ((double) (hi - lo) / hi < ERROR_RATIO) {
                        break;
                    }
                    long mid = lo + (hi - lo) / 2;
                    // geth: the bracket tends to collapse near lo, so probe at most twice lo.
                    if (mid > lo * 2) {
                        mid = lo * 2;
                    }
                    if (trial.run(mid) instanceof Outcome.Success) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return new Estimate.Gas(hi);
            }
        }
    }

    private static String failure(String reason, long ceiling) {
        return reason.contains("out of gas") || reason.isEmpty()
                ? "gas required exceeds allowance (" + ceiling + ")"
                : reason;
    }

}
