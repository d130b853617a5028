package org.parkchain.rpc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where calls run: two worker pools ("lanes") and, in front of them, a small per-connection gate.
 *
 * <ul>
 *   <li>The <b>cheap lane</b> runs the calls wallets and dApps poll and submit with — block number, receipts,
 *       transactions, balances, nonces, submissions. Its work per call is small and bounded, so it stays fast
 *       however many heavy calls wait.
 *   <li>The <b>heavy lane</b> runs everything else (eth_call, eth_estimateGas, eth_getLogs, traces, proofs and any
 *       method not named cheap here, so a new method is safe by default).
 *   <li>Each connection may have at most {@link RpcConfig#maxCallsPerConnection()} calls in each lane at once; its
 *       further calls wait in the connection's own queue. One client's burst of 5,000 calls therefore occupies a
 *       few places in the lane's queue, not 5,000, and the next client's call is not behind all of them.
 * </ul>
 */
final class CallLanes implements AutoCloseable {
    enum Lane { CHEAP, HEAVY }

    /** Methods whose cost is a few reads, independent of what the caller asks for. */
    static final Set<String> CHEAP = Set.of(
            "eth_blockNumber", "eth_chainId", "net_version", "net_listening", "net_peerCount", "web3_clientVersion",
            "web3_sha3", "eth_syncing", "eth_accounts", "eth_gasPrice", "eth_maxPriorityFeePerGas", "eth_blobBaseFee",
            "eth_sendRawTransaction", "eth_sendTransaction", "eth_getTransactionReceipt", "eth_getTransactionByHash",
            "eth_getTransactionCount", "eth_getBalance", "eth_getCode", "eth_getStorageAt",
            "eth_getBlockByNumber", "eth_getBlockByHash", "eth_getBlockTransactionCountByHash",
            "eth_getBlockTransactionCountByNumber", "eth_getTransactionByBlockHashAndIndex",
            "eth_getTransactionByBlockNumberAndIndex", "eth_getUncleCountByBlockHash",
            "eth_getUncleCountByBlockNumber", "eth_newBlockFilter", "eth_newPendingTransactionFilter",
            "eth_newFilter", "eth_getFilterChanges", "eth_uninstallFilter");

    /** The calls of one connection (an HTTP connection or a WebSocket) that run or wait, per lane. */
    static final class Connection {
        private final int[] running = new int[Lane.values().length];
        private final Deque<Task>[] waiting;

        @SuppressWarnings("unchecked")
        Connection() {
            waiting = new Deque[Lane.values().length];
            for (int i = 0; i < waiting.length; i++) {
                waiting[i] = new ArrayDeque<>();
            }
        }
    }

    private final int perConnection;
    private final int maxWaiting;
    private final ThreadPoolExecutor cheap;
    private final ThreadPoolExecutor heavy;

    CallLanes(RpcConfig config) {
        this.perConnection = config.maxCallsPerConnection();
        this.maxWaiting = config.maxQueuedCalls();
        this.cheap = pool("rpc-cheap-", config.cheapWorkerThreads(), config.maxQueuedCalls());
        this.heavy = pool("rpc-worker-", config.workerThreads(), config.maxQueuedCalls());
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        AtomicLong number = new AtomicLong();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static Lane laneOf(String method) {
        return CHEAP.contains(method) ? Lane.CHEAP : Lane.HEAVY;
    }

    /** A call to run; {@link #busy} answers it instead when no worker can take it. Neither may throw. */
    interface Task extends Runnable {
        void busy();
    }

    /**
     * Runs {@code task} in {@code lane} for {@code connection}, now or once an earlier call of the same connection
     * finishes; when the lane's queue or the connection's own queue is full, {@link Task#busy} answers it.
     */
    void submit(Lane lane, Connection connection, Task task) {
        int i = lane.ordinal();
        synchronized (connection) {
            if (connection.running[i] >= perConnection) {
                if (connection.waiting[i].size() >= maxWaiting) {
                    task.busy();
                    return;
                }
                connection.waiting[i].add(task);
                return;
            }
            connection.running[i]++;
        }
        start(lane, connection, task);
    }

    /** Hands {@code task}, which holds one of the connection's places in the lane, to the lane's workers. */
    private void start(Lane lane, Connection connection, Task task) {
        Task current = task;
        while (current != null) {
            Task running = current;
            try {
                (lane == Lane.CHEAP ? cheap : heavy).execute(() -> {
                    try {
                        running.run();
                    } finally {
                        Task following = release(lane, connection);
                        if (following != null) {
                            start(lane, connection, following);
                        }
                    }
                });
                return;
            } catch (RejectedExecutionException e) {
                running.busy();
                current = release(lane, connection);
            }
        }
    }

    /** Gives up one of the connection's places in {@code lane}, or passes it on to its next waiting call. */
    private static Task release(Lane lane, Connection connection) {
        int i = lane.ordinal();
        synchronized (connection) {
            Task following = connection.waiting[i].poll();
            if (following == null) {
                connection.running[i]--;
            }
            return following;
        }
    }

    @Override
    public void close() {
        cheap.shutdownNow();
        heavy.shutdownNow();
    }
}
