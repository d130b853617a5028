package org.parkchain.rpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RPC layer's meters: {@code rpc_requests_total{method,outcome}}, {@code rpc_request_duration_seconds{method}}
 * (a histogram) and {@code rpc_websocket_connections}. Method names not registered are counted as
 * {@code "unknown"} so that a client sending random names cannot grow the registry without bound.
 */
final class RpcMetrics {
    static final String UNKNOWN_METHOD = "unknown";
    static final String INVALID = "invalid";

    private record CounterKey(String method, String outcome) {}

    private final MeterRegistry registry;
    private final ConcurrentMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicInteger openWebSockets = new AtomicInteger();

    RpcMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("rpc.websocket.connections", openWebSockets, AtomicInteger::get)
                .description("Open JSON-RPC WebSocket connections")
                .register(registry);
    }

    void recordCall(String method, String outcome, long nanos) {
        counters.computeIfAbsent(new CounterKey(method, outcome), k -> Counter.builder("rpc.requests")
                .description("JSON-RPC calls by method and outcome")
                .tag("method", k.method())
                .tag("outcome", k.outcome())
                .register(registry)).increment();
        timers.computeIfAbsent(method, m -> Timer.builder("rpc.request.duration")
                .description("Time from receiving a JSON-RPC call to having its answer")
                .tag("method", m)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry)).record(Duration.ofNanos(nanos));
    }

    /** A body or call rejected before any method ran: not JSON, not JSON-RPC, an empty or oversized batch. */
    void recordInvalidRequest() {
        counters.computeIfAbsent(new CounterKey(INVALID, "invalid_request"), k -> Counter.builder("rpc.requests")
                .description("JSON-RPC calls by method and outcome")
                .tag("method", k.method())
                .tag("outcome", k.outcome())
                .register(registry)).increment();
    }

    void webSocketOpened() {
        openWebSockets.incrementAndGet();
    }

    void webSocketClosed() {
        openWebSockets.decrementAndGet();
    }
}
