package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private static RunningRpc rpc;

    @BeforeAll
    static void start() {
        rpc = new RunningRpc(RunningRpc.testConfig());
    }

    @AfterAll
    static void stop() {
        rpc.close();
    }

    private static void assertError(JsonNode response, int code, String message) {
        assertThat(response.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(response.has("result")).isFalse();
        assertThat(response.path("error").path("code").asInt()).isEqualTo(code);
        assertThat(response.path("error").path("message").asText()).isEqualTo(message);
    }

    @Test
    void bindsToLoopbackOnARandomPortByDefaultInTests() {
        assertThat(rpc.server.port()).isPositive().isNotEqualTo(8545);
        assertThat(rpc.server.config().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void answersACallKeepingTheIdExactly() {
        assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_add\",\"params\":[\"0x1\",\"0xff\"]}"))
                .isEqualTo(RunningRpc.parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x100\"}"));
        assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"method\":\"test_map\"}").toString())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"abc-1\",\"result\":{\"answer\":42}}");
        assertThat(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1.50,\"method\":\"test_map\"}").body()).contains("\"id\":1.50");
        assertThat(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"test_map\"}")
                .body()).contains("\"id\":123456789012345678901234567890");
        assertThat(rpc.post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test_map\"}").body())
                .contains("\"id\":null");
    }

    @Test
    void malformedJsonIsAParseError() {
        JsonNode response = rpc.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        assertThat(response.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(response.path("error").path("message").asText()).startsWith("parse error: ");
        assertThat(response.get("id").isNull()).isTrue();
        assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"} trailing")
                .path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(rpc.call("").path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void requestsThatAreNotJsonRpcAreInvalid() {
        assertError(rpc.call("{\"id\":1,\"method\":\"test_map\"}"), -32600, "invalid request: jsonrpc must be \"2.0\"");
        assertError(rpc.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_map\"}"), -32600,
                "invalid request: jsonrpc must be \"2.0\"");
        assertError(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"), -32600,
                "invalid request: method must be a non-empty string");
        assertError(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"test_map\"}"), -32600,
                "invalid request: id must be a string, a number or null, got an object");
        assertError(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"test_map\",\"params\":\"x\"}"), -32600,
                "invalid request: params must be an array or an object, got string \"x\"");
        assertError(rpc.call("42"), -32600, "invalid request: a request must be a JSON object, got number 42");
        // The id is echoed whenever it was valid, so the client can match the error to its call.
        assertThat(rpc.call("{\"id\":9,\"method\":\"test_map\"}").path("id").asInt()).isEqualTo(9);
        assertThat(rpc.call("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"test_map\"}").get("id").isNull()).isTrue();
    }

    @Test
    void unknownMethodIsReportedAsGethDoes() {
        assertError(rpc.call("eth_nope", "[]"), -32601, "the method eth_nope does not exist/is not available");
    }

    @Test
    void badParamsNameTheArgument() {
        assertError(rpc.call("test_add", "[\"0x1\",\"0x02\"]"), -32602,
                "invalid argument 1: hex number with leading zero digits");
        assertError(rpc.call("test_add", "[\"0x1\"]"), -32602, "missing value for required argument 1");
        assertError(rpc.call("test_add", "[\"0x1\",\"0x2\",\"0x3\"]"), -32602, "too many arguments, want at most 2");
        assertError(rpc.call("test_block", "[\"soon\"]"), -32602, "invalid argument 0: expected a block number or one "
                + "of latest, earliest, pending, safe, finalized; got \"soon\"");
        assertThat(rpc.call("test_block", "[\"pending\"]").path("result").asText()).isEqualTo("PENDING");
    }

    @Test
    void eachEncodingKindIsCheckedOverTheWire() {
        String address = "\"0x" + "12".repeat(20) + "\"";
        String hash = "\"0x" + "34".repeat(32) + "\"";
        assertThat(rpc.call("test_kinds", "[" + address + "," + hash + ",\"0x00ff\",true]").path("result").toString())
                .isEqualTo("[" + address + "," + hash + ",\"0x00ff\",true]");
        assertError(rpc.call("test_kinds", "[\"0x12\"," + hash + ",\"0x\",true]"), -32602,
                "invalid argument 0: an address is 20 bytes (40 hex digits), got 1 bytes");
        assertError(rpc.call("test_kinds", "[" + address + "," + address + ",\"0x\",true]"), -32602,
                "invalid argument 1: a hash is 32 bytes (64 hex digits), got 20 bytes");
        assertError(rpc.call("test_kinds", "[" + address + "," + hash + ",\"0x0\",true]"), -32602,
                "invalid argument 2: hex string has an odd number of digits (1)");
        assertError(rpc.call("test_kinds", "[" + address + "," + hash + ",\"0x\",1]"), -32602,
                "invalid argument 3: expected a boolean, got number 1");
    }

    @Test
    void serverAndRevertErrorsCarryTheirCodesAndData() {
        assertError(rpc.call("test_nonce", "[]"), -32000, "nonce too low");
        JsonNode reverted = rpc.call("test_revert", "[]");
        assertError(reverted, 3, "execution reverted: not allowed");
        assertThat(reverted.path("error").path("data").asText()).isEqualTo("0x08c379a0");
    }

    @Test
    void aThrowingHandlerIsAnInternalErrorWithoutDetailsAndTheServerGoesOn() {
        JsonNode failed = rpc.call("test_fail", "[]");
        assertError(failed, -32603, "internal error while executing test_fail");
        assertThat(failed.toString()).doesNotContain("/var/lib");
        assertThat(rpc.call("test_add", "[\"0x1\",\"0x1\"]").path("result").asText()).isEqualTo("0x2");
    }

    @Test
    void aCallThatTakesTooLongGetsATimeoutError() {
        try (RunningRpc impatient = new RunningRpc(RunningRpc.testConfig().withCallTimeout(Duration.ofMillis(300)))) {
            JsonNode response = impatient.call("test_slow", "[]");
            assertError(response, -32002, "request timed out after 300 ms");
            assertThat(impatient.call("test_map", "[]").path("result").path("answer").asInt()).isEqualTo(42);
        }
    }

    @Test
    void batchesAnswerEveryCallButNotNotifications() {
        JsonNode responses = rpc.call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[\"0x1\",\"0x2\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_add\",\"params\":[\"0x1\",\"0x2\"]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"eth_nope\"},"
                + "7]");
        assertThat(responses.isArray()).isTrue();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).path("result").asText()).isEqualTo("0x3");
        assertThat(responses.get(1).path("id").asText()).isEqualTo("b");
        assertThat(responses.get(1).path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(responses.get(2).get("id").isNull()).isTrue();
        assertThat(responses.get(2).path("error").path("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void anEmptyBatchIsInvalid() {
        assertError(rpc.call("[]"), -32600, "empty batch");
    }

    @Test
    void aBatchOfNotificationsGetsNoReply() {
        HttpResponse<String> response = rpc.post("[{\"jsonrpc\":\"2.0\",\"method\":\"test_add\",\"params\":[\"0x1\",\"0x2\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"test_fail\"}]");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(rpc.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_map\"}").body()).isEmpty();
    }

    @Test
    void anOversizedBatchIsRejectedAndTheServerKeepsServing() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"}";
        String batch = "[" + String.join(",", java.util.Collections.nCopies(11, call)) + "]";
        assertError(rpc.call(batch), -32600, "batch too large: 11 calls, at most 10 allowed");
        String fits = "[" + String.join(",", java.util.Collections.nCopies(10, call)) + "]";
        assertThat(rpc.call(fits)).hasSize(10);
    }

    @Test
    void anOversizedRequestIsRejectedWith413AndTheServerKeepsServing() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "a".repeat(250_000) + "\"]}";
        HttpResponse<String> response = rpc.post(big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("content length too large (");
        assertThat(rpc.call("test_add", "[\"0x1\",\"0x1\"]").path("result").asText()).isEqualTo("0x2");
        String fits = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "a".repeat(150_000) + "\"]}";
        assertThat(rpc.call(fits).path("result").get(0).asText()).hasSize(150_000);
    }

    @Test
    void anOversizedBodyWithoutContentLengthIsCutOffWhileStreaming() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "c".repeat(300_000) + "\"]}";
        // A publisher of unknown length makes the client send chunked, so only the running count can catch it.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofString(big));
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json").POST(chunked).build());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("content length too large (");
        assertThat(rpc.call("test_add", "[\"0x1\",\"0x1\"]").path("result").asText()).isEqualTo("0x2");
    }

    @Test
    void clientsThatAskBeforeSendingABodyGetAnAnswer() {
        String fits = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"" + "b".repeat(100_000) + "\"]}";
        HttpResponse<String> accepted = rpc.send(HttpRequest.newBuilder(rpc.uri("/")).expectContinue(true)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fits)).build());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(RunningRpc.parse(accepted.body()).path("result").get(0).asText()).hasSize(100_000);
        HttpResponse<String> refused = rpc.send(HttpRequest.newBuilder(rpc.uri("/")).expectContinue(true)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(fits.repeat(3))).build());
        assertThat(refused.statusCode()).isEqualTo(413);
    }

    @Test
    void onlyJsonContentIsAccepted() {
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("only application/json is supported");
        HttpResponse<String> withCharset = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"}"))
                .build());
        assertThat(withCharset.statusCode()).isEqualTo(200);
    }

    @Test
    void getOnTheRpcPathExplainsWhatToDo() {
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/")).GET().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(response.body()).contains("JSON-RPC takes POST");
        assertThat(rpc.send(HttpRequest.newBuilder(rpc.uri("/elsewhere")).GET().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void corsIsOffByDefault() {
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_map\"}"))
                .build());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void healthAnswersWithSmallJson() {
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/health")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningRpc.parse(response.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsCountCallsByMethodAndOutcomeWithLatencyHistograms() {
        rpc.call("test_add", "[\"0x1\",\"0x1\"]");
        rpc.call("test_nonce", "[]");
        rpc.call("eth_random_name_nobody_registered", "[]");
        HttpResponse<String> response = rpc.send(HttpRequest.newBuilder(rpc.uri("/metrics")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = response.body();
        assertThat(text).containsPattern("rpc_requests_total\\{method=\"test_add\",outcome=\"success\"\\} \\d");
        assertThat(text).containsPattern("rpc_requests_total\\{method=\"test_nonce\",outcome=\"error\"\\} \\d");
        assertThat(text).containsPattern("rpc_requests_total\\{method=\"unknown\",outcome=\"error\"\\} \\d");
        assertThat(text).doesNotContain("eth_random_name_nobody_registered");
        rpc.call("{oops");
        assertThat(metricsText()).containsPattern("rpc_requests_total\\{method=\"invalid\",outcome=\"invalid_request\"\\} \\d");
        assertThat(text).contains("rpc_request_duration_seconds_bucket{method=\"test_add\"");
        assertThat(text).contains("rpc_websocket_connections");
    }

    @Test
    void subscribingOverHttpIsRefusedAsGethDoes() {
        JsonNode response = rpc.call("eth_subscribe", "[\"newHeads\"]");
        assertError(response, -32001, "notifications not supported");
    }

    private static String metricsText() {
        return rpc.send(HttpRequest.newBuilder(rpc.uri("/metrics")).GET().build()).body();
    }
}
