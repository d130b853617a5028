package org.parkchain.bench.precompile;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.parkchain.evm.ExecutionResult;

/**
 * One precompile call per operation (gas charged and output computed, as the EVM runs it) on one thread.
 * {@link PrecompileThroughput} turns operations per second into Mgas/s with each case's gas.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class PrecompileBenchmark {
    @Param({
        "ecrecover", "sha256-1KiB", "modexp-256bit", "bn254-add", "bn254-mul", "bn254-pairing-2", "blake2f-12rounds",
        "point-evaluation", "bls-g1add", "bls-g1msm-1", "bls-g1msm-32", "bls-g1msm-128", "bls-g2add", "bls-g2msm-1",
        "bls-g2msm-32", "bls-g2msm-128", "bls-pairing-2", "bls-map-fp-to-g1", "bls-map-fp2-to-g2", "p256verify",
    })
    public String name;

    private PrecompileCase call;

    @Setup
    public void prepare() {
        call = PrecompileCase.all().get(name);
        if (call == null) throw new IllegalArgumentException("no precompile case named " + name);
        ExecutionResult r = call.precompile().execute(call.input(), Long.MAX_VALUE);
        if (!r.isSuccess() || r.output().length == 0) {
            throw new IllegalStateException(name + ": the benchmark input is not a valid call");
        }
    }

    @Benchmark
    public ExecutionResult call() {
        return call.precompile().execute(call.input(), 100_000_000L);
    }
}
