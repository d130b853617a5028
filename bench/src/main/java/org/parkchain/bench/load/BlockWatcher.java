package org.parkchain.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.parkchain.bench.load.JsonRpcClient.Call;
import org.parkchain.bench.load.JsonRpcClient.Outcome;

/**
 * Sees the run's transactions mined: polls {@code eth_blockNumber} and reads each new block's transaction hashes
 * ({@code eth_getBlockByNumber(n, false)}, in batches), from the first batch sent until every transaction of the run
 * is in a block. It runs beside the submission, so a transaction's commit latency is the time from its batch being
 * sent to the first poll that sees its block, and the work it asks of the node is one read per block rather than
 * one per sender and poll.
 */
final class BlockWatcher {
    private final JsonRpcClient rpc;
    private final Map<String, Integer> indexByHash;
    private final AtomicLongArray sentAt;
    private final long[] minedAt;
    private final int batchSize;
    private final long pollMillis;
    private long nextBlock;
    private int unseen;

    /**
     * @param hashes the run's transaction hashes (0x-prefixed hex), indexed as {@link #sent} numbers them
     * @param afterBlock the head when the run starts: the transactions can only be in later blocks
     */
    BlockWatcher(JsonRpcClient rpc, List<String> hashes, long afterBlock, int batchSize, long pollMillis) {
        this.rpc = rpc;
        this.indexByHash = new HashMap<>(hashes.size() * 2);
        for (int i = 0; i < hashes.size(); i++) {
            indexByHash.put(hashes.get(i).toLowerCase(Locale.ROOT), i);
        }
        this.sentAt = new AtomicLongArray(hashes.size());
        this.minedAt = new long[hashes.size()];
        this.batchSize = batchSize;
        this.pollMillis = pollMillis;
        this.nextBlock = afterBlock + 1;
        this.unseen = hashes.size();
    }

    /** Records that transaction {@code index}'s batch went out at {@code nanos} (any thread). */
    void sent(int index, long nanos) {
        sentAt.set(index, nanos);
    }

    /**
     * Polls until every transaction is seen in a block; returns the moment the last was seen.
     *
     * @throws IllegalStateException when some are still unseen at {@code deadlineNanos}
     */
    long awaitAll(long deadlineNanos) throws InterruptedException {
        while (true) {
            long head = LoadGenerator.quantity(rpc.call("eth_blockNumber")).longValueExact();
            while (nextBlock <= head) {
                long last = Math.min(head, nextBlock + batchSize - 1);
                List<Call> calls = new ArrayList<>();
                for (long n = nextBlock; n <= last; n++) {
                    calls.add(Call.of("eth_getBlockByNumber", "0x" + Long.toHexString(n), false));
                }
                List<Outcome> blocks = rpc.batch(calls);
                long seenAt = System.nanoTime();
                boolean unreadable = false;
                for (Outcome block : blocks) {
                    JsonNode b = block.resultOrThrow("eth_getBlockByNumber");
                    if (b == null || b.isNull()) {
                        unreadable = true; // not readable yet: try again from here at the next poll
                        break;
                    }
                    for (JsonNode hash : b.path("transactions")) {
                        Integer i = indexByHash.get(hash.asText().toLowerCase(Locale.ROOT));
                        if (i != null && minedAt[i] == 0) {
                            minedAt[i] = seenAt;
                            unseen--;
                        }
                    }
                    nextBlock++;
                }
                if (unseen == 0) {
                    return seenAt;
                }
                if (unreadable) {
                    break;
                }
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException(unseen + " transactions are not in a block by the deadline (last block read: "
                        + (nextBlock - 1) + ")");
            }
            Thread.sleep(pollMillis);
        }
    }

    /** Commit latencies (batch sent to block seen) of every transaction, in nanoseconds, ascending. */
    long[] latenciesNanos() {
        long[] out = new long[minedAt.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = minedAt[i] - sentAt.get(i);
        }
        Arrays.sort(out);
        return out;
    }

}
