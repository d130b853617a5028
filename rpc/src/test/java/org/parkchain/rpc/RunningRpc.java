package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A real server on a free loopback port with a few test methods, and an HTTP client that talks to it. */
final class RunningRpc implements AutoCloseable {
    static final ObjectMapper MAPPER = RpcDispatcher.newMapper();

    final RpcServer server;
    final SubscriptionHub hub = new SubscriptionHub();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningRpc(RpcConfig config) {
        this(config, java.util.List.of(), java.util.List.of());
    }

    RunningRpc(RpcConfig config, java.util.List<ReadApi> readApis, java.util.List<HealthCheck> healthChecks) {
        RpcMethods methods = new RpcMethods()
                .register("test_echo", RpcParams::raw)
                .register("test_add", params -> {
                    params.requireAtMost(2);
                    BigInteger a = params.required(0, RpcParams.QUANTITY);
                    BigInteger b = params.required(1, RpcParams.QUANTITY);
                    return RpcEncoding.quantity(a.add(b));
                })
                .register("test_block", params -> params.required(0, RpcParams.BLOCK).toString())
                .register("test_kinds", params -> {
                    params.requireAtMost(4);
                    return java.util.List.of(params.required(0, RpcParams.ADDRESS).toHex(),
                            params.required(1, RpcParams.HASH).toHex(),
                            RpcEncoding.data(params.required(2, RpcParams.DATA)),
                            params.required(3, RpcParams.BOOLEAN));
                })
                .register("test_fail", params -> {
                    throw new IllegalStateException("secret database path /var/lib/parkchain");
                })
                .register("test_slow", params -> {
                    Thread.sleep(Duration.ofSeconds(60));
                    return "finished";
                })
                .register("test_wait", params -> {
                    Thread.sleep(params.required(0, RpcParams.QUANTITY_LONG));
                    return "waited";
                })
                .register("test_revert", params -> {
                    throw new RpcError.ExecutionReverted(Optional.of("not allowed"), new byte[] {8, -61, 121, -96})
                            .toException();
                })
                .register("test_nonce", params -> {
                    throw RpcError.ServerError.of("nonce too low").toException();
                })
                .register("test_map", params -> Map.of("answer", 42));
        this.server = RpcServer.start(config, methods, hub, registry, readApis, healthChecks);
    }

    /** Small limits so tests can exceed them cheaply; a call timeout long enough never to fire by accident. */
    static RpcConfig testConfig() {
        return RpcConfig.defaults().withPort(0).withMaxRequestBytes(200_000).withMaxBatchSize(10)
                .withCallTimeout(Duration.ofSeconds(20)).withWorkerThreads(4)
                .withShutdownGrace(Duration.ofSeconds(2));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String body) {
        return send(HttpRequest.newBuilder(uri("/")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POSTs {@code body} and parses the JSON reply. */
    JsonNode call(String body) {
        HttpResponse<String> response = post(body);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    JsonNode call(String method, String paramsJson) {
        return call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
