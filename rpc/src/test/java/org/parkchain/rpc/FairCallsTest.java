package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One client's burst of heavy calls must not starve everyone else: during a burst of 5,000 eth_calls, another
 * client's eth_blockNumber stays fast. With one shared queue (the design before the lanes) it waited behind the
 * whole burst.
 */
class FairCallsTest {
    /** What one eth_call costs here: a worker held for this long (what matters is queueing, not the CPU). */
    private static final long CALL_MILLIS = 10;
    /** Generous on purpose (see the assertion); {@code -Dparkchain.fairness.boundMicros=100000} checks the target. */
    private static final long PROBE_BOUND_MICROS = Long.getLong("parkchain.fairness.boundMicros", 1_000_000);

    @Test
    void blockNumberStaysFastDuringABurstOfFiveThousandCalls() throws Exception {
        AtomicLong head = new AtomicLong(1234);
        AtomicInteger callsRun = new AtomicInteger();
        RpcMethods methods = new RpcMethods()
                .register("eth_call", p -> {
                    Thread.sleep(CALL_MILLIS);
                    callsRun.incrementAndGet();
                    return "0x";
                })
                .register("eth_blockNumber", p -> RpcEncoding.quantity(java.math.BigInteger.valueOf(head.get())));
        RpcConfig config = RpcConfig.defaults().withPort(0).withWorkerThreads(4).withMaxBatchSize(1000)
                .withShutdownGrace(Duration.ZERO);
        RpcServer server = RpcServer.start(config, methods, new SubscriptionHub(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        HttpClient burstClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpClient probeClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
            // The probing client is an ordinary one already at work: its connection and code paths are warm.
            for (int i = 0; i < 20; i++) {
                probeClient.send(post(uri, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"),
                        HttpResponse.BodyHandlers.ofString());
            }
            // The burst: 50 batches of 100 eth_calls, all sent at once.
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int b = 0; b < 50; b++) {
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < 100; i++) {
                    batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                            .append(",\"method\":\"eth_call\",\"params\":[{\"to\":\"0x00\"},\"latest\"]}");
                }
                burst.add(burstClient.sendAsync(post(uri, batch.append("]").toString()),
                        HttpResponse.BodyHandlers.ofString()));
            }
            while (callsRun.get() < 8) {
                Thread.sleep(5); // the burst has reached the workers
            }
            // Probes at a steady rate, each timed on its own (not one after another, which would hide a stall
            // behind the first slow answer).
            List<CompletableFuture<Long>> probes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                probes.add(probeClient.sendAsync(post(uri,
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"),
                        HttpResponse.BodyHandlers.ofString()).thenApply(reply -> {
                            long micros = (System.nanoTime() - start) / 1000;
                            assertThat(RunningRpc.parse(reply.body()).path("result").asText()).isEqualTo("0x4d2");
                            return micros;
                        }));
                Thread.sleep(20);
            }
            List<Long> micros = new ArrayList<>();
            for (CompletableFuture<Long> probe : probes) {
                micros.add(probe.join());
            }
            // The burst was still being worked through while we measured.
            assertThat(callsRun.get()).isLessThan(5000);
            Collections.sort(micros);
            System.out.println("FairCallsTest: " + callsRun.get() + " eth_calls run while probing; eth_blockNumber p50 "
                    + micros.get(micros.size() / 2) + " µs, p99 " + micros.get(micros.size() * 99 / 100 - 1) + " µs");
            long p99 = micros.get(micros.size() * 99 / 100 - 1);
            // The target is 100 ms (p99 measured here is printed; the README has figures with the load average).
            // The bound asserted is generous because this machine may be shared: what the test pins is isolation.
            // With one queue for all calls every probe waited for the burst ahead of it (seconds, or a timeout).
            assertThat(p99).as("eth_blockNumber p99 in µs during the burst").isLessThan(PROBE_BOUND_MICROS);
        } finally {
            server.close();
            burstClient.shutdownNow();
            probeClient.shutdownNow();
        }
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
