package org.parkchain.node;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.parkchain.rpc.HealthCheck;

/**
 * {@code /health}'s "production" check: failing when block production stopped on an error, when its last attempts
 * failed, or when it has produced nothing for {@code stallAfter} while the pool holds transactions — the states in
 * which a node would otherwise accept transactions it will not mine.
 */
final class ProductionHealth implements HealthCheck {
    private final Supplier<Optional<Throwable>> fatal;
    private final Supplier<Optional<RuntimeException>> lastFailure;
    private final IntSupplier pendingTransactions;
    private final LongSupplier nanoClock;
    private final long stallAfterNanos;
    private volatile long lastBlockNanos;

    ProductionHealth(Supplier<Optional<Throwable>> fatal, Supplier<Optional<RuntimeException>> lastFailure,
                     IntSupplier pendingTransactions, Duration stallAfter, LongSupplier nanoClock) {
        this.fatal = fatal;
        this.lastFailure = lastFailure;
        this.pendingTransactions = pendingTransactions;
        this.nanoClock = nanoClock;
        this.stallAfterNanos = stallAfter.toNanos();
        this.lastBlockNanos = nanoClock.getAsLong();
    }

    /** A block was appended now. */
    void blockAppended() {
        lastBlockNanos = nanoClock.getAsLong();
    }

    /** Why transactions must not be admitted now, if they must not: production has stopped for good. */
    Optional<String> refusal() {
        return fatal.get().map(e -> "block production has stopped (" + e + "); the node accepts no transactions");
    }

    @Override
    public String name() {
        return "production";
    }

    @Override
    public Status check() {
        long secondsSinceBlock = Duration.ofNanos(nanoClock.getAsLong() - lastBlockNanos).toSeconds();
        int pending = pendingTransactions.getAsInt();
        Map<String, Object> facts = Map.of("secondsSinceLastBlock", secondsSinceBlock, "pendingTransactions", pending);
        Optional<Throwable> stopped = fatal.get();
        if (stopped.isPresent()) {
            return Status.failing("block production stopped: " + stopped.get(), facts);
        }
        Optional<RuntimeException> failing = lastFailure.get();
        if (failing.isPresent()) {
            return Status.failing("block production failing: " + failing.get(), facts);
        }
        if (pending > 0 && nanoClock.getAsLong() - lastBlockNanos > stallAfterNanos) {
            return Status.failing("not producing: last block " + secondsSinceBlock + " s ago while the pool holds "
                    + pending + " transactions", facts);
        }
        return Status.ok(facts);
    }
}
