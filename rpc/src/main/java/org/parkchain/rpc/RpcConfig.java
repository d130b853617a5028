package org.parkchain.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an operator may tune about the JSON-RPC endpoint. Every limit is explicit so that a request can
 * never make the node use unbounded memory, threads or connections; the compact constructor rejects nonsense at
 * start-up instead of letting it surface as odd behaviour under load.
 *
 * @param host                     interface to bind; loopback by default because the RPC port is not meant to
 *                                 face the internet unless an operator decides so
 * @param port                     TCP port; 0 picks a free one (see {@link RpcServer#port()})
 * @param maxRequestBytes          largest HTTP body or WebSocket message (and frame) accepted
 * @param maxBatchSize             largest number of calls in one batch
 * @param callTimeout              how long one call may take, waiting included, before the caller gets a timeout
 *                                 error (eth_call, eth_estimateGas and traces are stopped then)
 * @param workerThreads            threads that run the heavy lane (calls, estimates, logs, traces: see
 *                                 {@link CallLanes})
 * @param cheapWorkerThreads       threads that run the cheap lane (block number, receipts, submissions), so that
 *                                 these stay fast while heavy calls queue
 * @param maxQueuedCalls           calls that may wait for a worker in each lane; beyond that callers are told the
 *                                 server is busy
 * @param maxCallsPerConnection    calls of one connection (HTTP connection or WebSocket) that may run or wait in a
 *                                 lane at once; its further calls wait in the connection's own queue, so one
 *                                 client's burst never stands between other clients and the workers
 * @param maxConnections           open TCP connections (HTTP and WebSocket); further ones are closed at once
 * @param idleTimeout              a connection that sends nothing for this long is closed (WebSockets are pinged
 *                                 at half this period, so a live client always answers in time)
 * @param headerTimeout            a new connection must send its first request's headers within this time
 * @param maxSubscriptionsPerConnection eth_subscribe limit per WebSocket
 * @param maxOutgoingBytesPerConnection bytes queued towards one WebSocket client before it counts as too slow
 *                                 and is disconnected
 * @param maxQueuedNotifications   subscription notifications waiting to be written to one WebSocket; a client
 *                                 that lets more pile up is disconnected with a close reason, as geth does
 * @param shutdownGrace            how long {@link RpcServer#close()} waits for in-flight calls
 * @param corsAllowedOrigins       browser origins allowed by CORS and for WebSocket handshakes; empty (the default)
 *                                 allows none; {@code "*"} allows any (the node allows that only with --dev)
 * @param hostAllowlist            names accepted in the Host header (geth's --http.vhosts), against DNS
 *                                 rebinding; IP literals are always accepted; {@code "*"} accepts any
 */
public record RpcConfig(
        String host,
        int port,
        int maxRequestBytes,
        int maxBatchSize,
        Duration callTimeout,
        int workerThreads,
        int cheapWorkerThreads,
        int maxQueuedCalls,
        int maxCallsPerConnection,
        int maxConnections,
        Duration idleTimeout,
        Duration headerTimeout,
        int maxSubscriptionsPerConnection,
        long maxOutgoingBytesPerConnection,
        int maxQueuedNotifications,
        Duration shutdownGrace,
        List<String> corsAllowedOrigins,
        List<String> hostAllowlist) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8545;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    /** geth's default --http.vhosts. */
    public static final List<String> DEFAULT_HOST_ALLOWLIST = List.of("localhost");

    public RpcConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
        hostAllowlist = List.copyOf(Objects.requireNonNull(hostAllowlist, "hostAllowlist"));
        if (host.isBlank()) {
            throw new IllegalArgumentException("rpc host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rpc port must be 0..65535 (0 = any free port), got " + port);
        }
        requirePositive("maxRequestBytes", maxRequestBytes);
        requirePositive("maxBatchSize", maxBatchSize);
        requirePositive("workerThreads", workerThreads);
        requirePositive("cheapWorkerThreads", cheapWorkerThreads);
        requirePositive("maxQueuedCalls", maxQueuedCalls);
        requirePositive("maxCallsPerConnection", maxCallsPerConnection);
        requirePositive("maxConnections", maxConnections);
        requirePositive("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection);
        requirePositive("maxQueuedNotifications", maxQueuedNotifications);
        if (maxOutgoingBytesPerConnection < maxRequestBytes) {
            // A reply may be as large as a request; a smaller queue would disconnect ordinary clients.
            throw new IllegalArgumentException("maxOutgoingBytesPerConnection (" + maxOutgoingBytesPerConnection
                    + ") must be at least maxRequestBytes (" + maxRequestBytes + ")");
        }
        requirePositive("callTimeout", callTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("headerTimeout", headerTimeout);
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, got " + shutdownGrace);
        }
        for (String name : hostAllowlist) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("host allow-list entries must not be blank");
            }
        }
    }

    /**
     * Loopback, port 8545, 5 MiB requests, batches of 1000, 5 s per call, 2 cheap-lane workers, 2 calls per
     * connection at a time, 1000 connections, 60 s idle and 10 s header timeouts, Host names: localhost.
     */
    public static RpcConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = Math.max(4, 2 * cores);
        return new RpcConfig(DEFAULT_HOST, DEFAULT_PORT, 5 * 1024 * 1024, 1000, DEFAULT_CALL_TIMEOUT,
                workers, 2, 10_000, Math.max(1, workers / 2), 1000, Duration.ofSeconds(60),
                Duration.ofSeconds(10), 128, 64L * 1024 * 1024, 10_000, Duration.ofSeconds(5), List.of(),
                DEFAULT_HOST_ALLOWLIST);
    }

    /** Whether a browser page from {@code origin} may call (CORS) or open a WebSocket. */
    public boolean originAllowed(String origin) {
        return corsAllowedOrigins.contains("*") || corsAllowedOrigins.contains(origin);
    }

    public RpcConfig withHost(String value) {
        return new RpcConfig(value, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withPort(int value) {
        return new RpcConfig(host, value, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxRequestBytes(int value) {
        return new RpcConfig(host, port, value, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxBatchSize(int value) {
        return new RpcConfig(host, port, maxRequestBytes, value, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withCallTimeout(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, value, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withWorkerThreads(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, value, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withCheapWorkerThreads(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, value, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxQueuedCalls(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, value, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxCallsPerConnection(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, value, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxConnections(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, value, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withIdleTimeout(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, value, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withHeaderTimeout(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, value, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxSubscriptionsPerConnection(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, value, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxOutgoingBytesPerConnection(long value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, value, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withMaxQueuedNotifications(int value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, value, shutdownGrace, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withShutdownGrace(Duration value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, value, corsAllowedOrigins, hostAllowlist);
    }

    public RpcConfig withCorsAllowedOrigins(List<String> value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, value, hostAllowlist);
    }

    public RpcConfig withHostAllowlist(List<String> value) {
        return new RpcConfig(host, port, maxRequestBytes, maxBatchSize, callTimeout, workerThreads, cheapWorkerThreads, maxQueuedCalls, maxCallsPerConnection, maxConnections, idleTimeout, headerTimeout, maxSubscriptionsPerConnection, maxOutgoingBytesPerConnection, maxQueuedNotifications, shutdownGrace, corsAllowedOrigins, value);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
