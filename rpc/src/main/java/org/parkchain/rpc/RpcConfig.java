package org.parkchain.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an operator may tune about the JSON-RPC endpoint. Every limit is explicit so that a request can
 * never make the node use unbounded memory or threads; the compact constructor rejects nonsense at start-up
 * instead of letting it surface as odd behaviour under load.
 *
 * @param host                     interface to bind; loopback by default because the RPC port is not meant to
 *                                 face the internet unless an operator decides so
 * @param port                     TCP port; 0 picks a free one (see {@link RpcServer#port()})
 * @param maxRequestBytes          largest HTTP body or WebSocket message accepted
 * @param maxBatchSize             largest number of calls in one batch
 * @param callTimeout              how long one call may run before the caller gets a timeout error
 * @param workerThreads            threads that run method handlers, off the event loop
 * @param maxQueuedCalls           calls that may wait for a worker; beyond that callers are told the server is busy
 * @param maxSubscriptionsPerConnection eth_subscribe limit per WebSocket
 * @param maxOutgoingBytesPerConnection bytes queued towards one WebSocket client before it counts as too slow
 *                                 and is disconnected
 * @param shutdownGrace            how long {@link RpcServer#close()} waits for in-flight calls
 * @param corsAllowedOrigins       browser origins allowed by CORS; empty (the default) sends no CORS headers;
 *                                 {@code "*"} allows any
 */
public record RpcConfig(
        String host,
        int port,
        int maxRequestBytes,
        int maxBatchSize,
        Duration callTimeout,
        int workerThreads,
        int maxQueuedCalls,
        int maxSubscriptionsPerConnection,
        long maxOutgoingBytesPerConnection,
        Duration shutdownGrace,
        List<String> corsAllowedOrigins) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8545;

    public RpcConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
        if (host.isBlank()) {
            throw new IllegalArgumentException("rpc host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rpc port must be 0..65535 (0 = any free port), got " + port);
        }
        requirePositive("maxRequestBytes", maxRequestBytes);
        requirePositive("maxBatchSize", maxBatchSize);
        requirePositive("workerThreads", workerThreads);
        requirePositive("maxQueuedCalls", maxQueuedCalls);
        requirePositive("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection);
        if (maxOutgoingBytesPerConnection < maxRequestBytes) {
            // A reply may be as large as a request; a smaller queue would disconnect ordinary clients.
            throw new IllegalArgumentException("maxOutgoingBytesPerConnection (" + maxOutgoingBytesPerConnection
                    + ") must be at least maxRequestBytes (" + maxRequestBytes + ")");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, got " + shutdownGrace);
        }
    }

    /** Loopback, port 8545, 5 MiB requests, batches of 1000, 30 s per call. */
    public static RpcConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new RpcConfig(DEFAULT_HOST, DEFAULT_PORT, 5 * 1024 * 1024, 1000, Duration.ofSeconds(30),
                Math.max(4, 2 * cores), 10_000, 128, 64L * 1024 * 1024, Duration.ofSeconds(5), List.of());
    }

    public RpcConfig withHost(String value) {
        return new RpcConfig(value, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withPort(int value) {
        return new RpcConfig(host, value, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withMaxRequestBytes(int value) {
        return new RpcConfig(host, port, value, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withMaxBatchSize(int value) {
        return new RpcConfig(host, port, maxRequestBytes, value, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withCallTimeout(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, value, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withWorkerThreads(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, value, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withMaxQueuedCalls(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, value,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withMaxSubscriptionsPerConnection(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                value, maxOutgoingBytesPerConnection, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withMaxOutgoingBytesPerConnection(long value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, value, shutdownGrace, corsAllowedOrigins);
    }

    public RpcConfig withShutdownGrace(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, value, corsAllowedOrigins);
    }

    public RpcConfig withCorsAllowedOrigins(List<String> value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, maxQueuedCalls,
                maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, shutdownGrace, value);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
