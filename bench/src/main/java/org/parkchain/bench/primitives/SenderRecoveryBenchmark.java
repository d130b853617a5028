package org.parkchain.bench.primitives;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.crypto.PublicKey;
import org.parkchain.primitives.crypto.Secp256k1;
import org.parkchain.primitives.crypto.Signature;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Sender recovery on one thread, as pool admission does it: {@code decodeAndRecover} decodes a raw EIP-1559
 * transfer and recovers its sender (signing hash, libsecp256k1 recovery, Keccak of the key); {@code recoverOnly}
 * is the secp256k1 recovery alone. 1,024 transactions from 64 keys, cycled, so no result is cached between calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class SenderRecoveryBenchmark {
    private static final int COUNT = 1024;

    private final byte[][] raw = new byte[COUNT][];
    private final byte[][] hashes = new byte[COUNT][];
    private final Signature[] signatures = new Signature[COUNT];
    private int next;

    @Setup
    public void signTransactions() {
        for (int i = 0; i < COUNT; i++) {
            byte[] k = new byte[32];
            k[31] = (byte) (1 + i % 64);
            k[0] = 0x11;
            PrivateKey key = PrivateKey.of(k);
            Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(375).nonce(i).gasLimit(60_000)
                    .maxFeePerGas(UInt256.of(2_000_000_000L)).maxPriorityFeePerGas(UInt256.of(1_000_000_000L))
                    .to(Address.fromLong(0x1000 + i)).value(UInt256.of(i)).data(new byte[68]).sign(key);
            raw[i] = tx.encode();
            hashes[i] = tx.signingHash().toArray();
            signatures[i] = tx.signature();
        }
    }

    @Benchmark
    public Address decodeAndRecover() {
        int i = next++ & (COUNT - 1);
        return Transaction.decode(raw[i]).sender();
    }

    @Benchmark
    public PublicKey recoverOnly() {
        int i = next++ & (COUNT - 1);
        return Secp256k1.recoverPublicKey(hashes[i], signatures[i]).orElseThrow();
    }
}
