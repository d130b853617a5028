package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GET resources beside JSON-RPC on the same port ({@link ReadApi}): status codes and that JSON-RPC is unaffected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest {
    private RpcServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        ReadApi api = new ReadApi() {
            @Override
            public String prefix() {
                return "/api/test/";
            }

            @Override
            public Optional<String> get(String path) {
                return switch (path) {
                    case "/api/test/answer" -> Optional.of("{\"answer\":42}");
                    case "/api/test/bad" -> throw new IllegalArgumentException("bad view parameter");
                    case "/api/test/broken" -> throw new IllegalStateException("secret database path /var/lib/x");
                    default -> Optional.empty();
                };
            }
        };
        RpcMethods methods = new RpcMethods().register("test_ping", p -> "pong");
        server = RpcServer.start(RpcConfig.defaults().withPort(0), methods, new SubscriptionHub(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), api);
    }

    @AfterAll
    void stop() {
        server.close();
        http.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @Test
    void servesTheResourceAsJson() throws Exception {
        HttpResponse<String> r = send(at("/api/test/answer").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.body()).isEqualTo("{\"answer\":42}");
    }

    @Test
    void anUnknownResourceIsNotFound() throws Exception {
        assertThat(send(at("/api/test/nothing").GET()).statusCode()).isEqualTo(404);
        assertThat(send(at("/api/other/answer").GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpResponse<String> r = send(at("/api/test/answer").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void aBadRequestIs400WithItsMessageAndAFaultIs500WithoutDetails() throws Exception {
        HttpResponse<String> bad = send(at("/api/test/bad").GET());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad view parameter");
        HttpResponse<String> broken = send(at("/api/test/broken").GET());
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("/var/lib");
    }

    @Test
    void jsonRpcStillAnswersOnTheSamePort() throws Exception {
        HttpResponse<String> r = send(at("/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_ping\",\"params\":[]}")));
        assertThat(r.body()).contains("\"result\":\"pong\"");
    }
}
