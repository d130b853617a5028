package org.parkchain.bench.evm;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.state.WorldState;

/**
 * JMH view of the same workloads (time per contract call); {@link EvmThroughput} turns them into Mgas/s. Each
 * invocation gets a fresh world, prepared outside the measured call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvmBenchmarks {
    @Param({"KECCAK", "ARITHMETIC", "ERC20_TRANSFERS", "SORT"})
    public EvmWorkload workload;

    private WorldState world;

    @Setup(Level.Invocation)
    public void freshWorld() {
        world = workload.newWorld();
    }

    @Benchmark
    public ExecutionResult call() {
        return workload.run(world);
    }
}
