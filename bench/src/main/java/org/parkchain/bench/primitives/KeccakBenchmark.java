package org.parkchain.bench.primitives;

import java.util.Random;
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
import org.parkchain.primitives.Keccak;

/**
 * Keccak-256 (the primitives module's own sponge and written-out Keccak-f[1600]) on one thread: hashes per second
 * of a 32-byte input (a storage key, a trie node reference: one permutation) and of a 1 KiB input (a contract's
 * call data, a large trie node: eight permutations). MB/s is operations per second times the input size;
 * bench/README-primitives.md has both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class KeccakBenchmark {
    @Param({"32", "1024"})
    public int size;

    private byte[] input;

    @Setup
    public void randomInput() {
        input = new byte[size];
        new Random(size).nextBytes(input);
    }

    @Benchmark
    public byte[] keccak256() {
        return Keccak.keccak256(input);
    }
}
