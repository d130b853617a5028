package org.parkchain.rpc.eth;

import java.time.Duration;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Log;
import org.parkchain.evm.Tracer;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Passes everything on to a tracer and abandons the trace ({@link TraceAbandoned#timedOut}) once its time is up,
 * looking at the clock every {@value #STEPS_PER_CHECK} instructions and at every call.
 */
public final class TimedTracer implements Tracer {
    /** geth's default for a trace's time. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int STEPS_PER_CHECK = 1024;

    private final Tracer inner;
    private final Duration timeout;
    private final long deadline;
    private int steps;

    public TimedTracer(Tracer inner, Duration timeout) {
        this.inner = inner;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    private void check() {
        if (System.nanoTime() - deadline > 0) throw TraceAbandoned.timedOut(timeout);
    }

    @Override
    public void begin(WorldView world, Address sender, Address coinbase) {
        inner.begin(world, sender, coinbase);
    }

    @Override
    public void end(WorldView world) {
        inner.end(world);
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        check();
        inner.enter(depth, type, from, to, input, gas, value);
    }

    @Override
    public void exit(int depth, ExecutionResult result, long gasUsed) {
        inner.exit(depth, result, gasUsed);
    }

    @Override
    public void step(Step step) {
        if (++steps == STEPS_PER_CHECK) {
            steps = 0;
            check();
        }
        inner.step(step);
    }

    @Override
    public void log(int depth, Log log) {
        inner.log(depth, log);
    }
}
