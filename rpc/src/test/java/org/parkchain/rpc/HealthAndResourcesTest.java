package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthAndResourcesTest {
    private static ReadApi api(String prefix, String body) {
        return new ReadApi() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public Optional<String> get(String path) {
                return Optional.of("{\"from\":\"" + body + "\",\"path\":\"" + path + "\"}");
            }
        };
    }

    private static HealthCheck check(String name, AtomicReference<HealthCheck.Status> status) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return status.get();
            }
        };
    }

    @Test
    void healthIs503WithTheReasonWhileAnyCheckFailsAndOkAgainOnceItRecovers() {
        AtomicReference<HealthCheck.Status> production = new AtomicReference<>(
                HealthCheck.Status.failing("not producing: last block 42 s ago while the pool holds 7 transactions",
                        Map.of("lastBlockAgeSeconds", 42)));
        AtomicReference<HealthCheck.Status> storage = new AtomicReference<>(HealthCheck.Status.ok(Map.of()));
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig(), List.of(),
                List.of(check("production", production), check("storage", storage)))) {
            HttpResponse<String> sick = rpc.send(HttpRequest.newBuilder(rpc.uri("/health")).GET().build());
            assertThat(sick.statusCode()).isEqualTo(503);
            JsonNode body = RunningRpc.parse(sick.body());
            assertThat(body.path("status").asText()).isEqualTo("unhealthy");
            assertThat(body.path("checks").path("production").path("detail").asText()).startsWith("not producing");
            assertThat(body.path("checks").path("production").path("lastBlockAgeSeconds").asInt()).isEqualTo(42);
            assertThat(body.path("checks").path("storage").path("healthy").asBoolean()).isTrue();

            production.set(HealthCheck.Status.ok(Map.of("head", 43)));
            HttpResponse<String> well = rpc.send(HttpRequest.newBuilder(rpc.uri("/health")).GET().build());
            assertThat(well.statusCode()).isEqualTo(200);
            assertThat(RunningRpc.parse(well.body()).path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void aCheckThatThrowsCountsAsUnhealthy() {
        HealthCheck broken = new HealthCheck() {
            @Override
            public String name() {
                return "storage";
            }

            @Override
            public Status check() {
                throw new IllegalStateException("RocksDB read failed");
            }
        };
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig(), List.of(), List.of(broken))) {
            HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/health")).GET().build());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("RocksDB read failed");
        }
    }

    @Test
    void theReadApiWithTheLongestMatchingPrefixAnswers() {
        try (RunningRpc rpc = new RunningRpc(RunningRpc.testConfig(),
                List.of(api("/api/", "general"), api("/api/park/", "park")), List.of())) {
            assertThat(get(rpc, "/api/park/residents").path("from").asText()).isEqualTo("park");
            assertThat(get(rpc, "/api/blocks").path("from").asText()).isEqualTo("general");
            assertThat(rpc.send(HttpRequest.newBuilder(rpc.uri("/elsewhere")).GET().build()).statusCode()).isEqualTo(404);
        }
    }

    private static JsonNode get(RunningRpc rpc, String path) {
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri(path)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return RunningRpc.parse(response.body());
    }
}
