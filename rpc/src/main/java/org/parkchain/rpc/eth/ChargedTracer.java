package org.parkchain.rpc.eth;

import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Log;
import org.parkchain.evm.Tracer;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Passes everything on to a tracer, charging every frame's input and output to a trace's budget, as the struct
 * logger charges its steps: a call tree past the budget is abandoned ({@code TraceAbandoned}). The callTracer of
 * {@code debug_trace*} and the explorer's internal calls are bounded by it.
 */
public final class ChargedTracer implements Tracer {
    /** What the tracer is charged per frame beside its input and output (its JSON's other fields). */
    private static final long FRAME_BYTES = 256;

    private final Tracer inner;
    private final TraceBudget budget;

    public ChargedTracer(Tracer inner, TraceBudget budget) {
        this.inner = inner;
        this.budget = budget;
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
        budget.charge(FRAME_BYTES + 2L * input.length);
        inner.enter(depth, type, from, to, input, gas, value);
    }

    @Override
    public void exit(int depth, ExecutionResult result, long gasUsed) {
        budget.charge(2L * result.output().length);
        inner.exit(depth, result, gasUsed);
    }

    @Override
    public void step(Step step) {
        inner.step(step);
    }

    @Override
    public void log(int depth, Log log) {
        inner.log(depth, log);
    }
}
