package org.parkchain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JSON-RPC 2.0 semantics, independent of the transport: parses a body, validates each call, runs the method on
 * the bounded worker pool under the call timeout, and builds the reply (or none, for notifications). It never
 * completes exceptionally: every failure becomes an error object, so no request can take the server down.
 */
final class RpcDispatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RpcDispatcher.class.getName());

    /** How one call ended, before it is wrapped in a response with the caller's id. */
    private sealed interface Outcome {
        record Result(JsonNode value) implements Outcome {}

        record Failed(RpcError error) implements Outcome {}
    }

    /** A validated call; {@code id} is empty for a notification. */
    private record Call(Optional<JsonNode> id, String method, RpcParams params) {}

    private final RpcConfig config;
    private final RpcMethods methods;
    private final SubscriptionSource subscriptions;
    private final RpcMetrics metrics;
    private final ObjectMapper mapper;
    private final CallLanes lanes;
    private final ScheduledThreadPoolExecutor timeouts;

    RpcDispatcher(RpcConfig config, RpcMethods methods, SubscriptionSource subscriptions, RpcMetrics metrics) {
        this.config = config;
        this.methods = methods;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.mapper = newMapper();
        this.lanes = new CallLanes(config);
        this.timeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rpc-timeouts");
            t.setDaemon(true);
            return t;
        });
        // Nearly every call finishes in time; without this the cancelled timers would pile up in the queue.
        this.timeouts.setRemoveOnCancelPolicy(true);
    }

    /**
     * The mapper for requests and replies: ids must come back exactly as sent, so decimals keep their digits
     * ({@code 1.50} stays {@code 1.50}) and trailing garbage after the JSON value is a parse error.
     */
    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Handles one HTTP body or WebSocket message; the future holds the reply text, or nothing when none is due. */
    CompletableFuture<Optional<String>> handle(byte[] body, RequestScope scope) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            metrics.recordInvalidRequest();
            return reply(error(NullNode.getInstance(), new RpcError.ParseError(e.getOriginalMessage())));
        } catch (IOException e) {
            metrics.recordInvalidRequest();
            return reply(error(NullNode.getInstance(), new RpcError.ParseError("unreadable request body")));
        }
        return handle(root, scope);
    }

    CompletableFuture<Optional<String>> handle(String message, RequestScope scope) {
        JsonNode root;
        try {
            root = message.isEmpty() ? null : mapper.readTree(message);
        } catch (JsonProcessingException e) {
            metrics.recordInvalidRequest();
            return reply(error(NullNode.getInstance(), new RpcError.ParseError(e.getOriginalMessage())));
        }
        return handle(root, scope);
    }

    private CompletableFuture<Optional<String>> handle(JsonNode root, RequestScope scope) {
        try {
            return dispatch(root, scope).exceptionally(RpcDispatcher::internalFailure);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(internalFailure(e));
        }
    }

    /** The last line of defence: a bug of ours becomes an error reply, never a dead connection or thread. */
    private static Optional<String> internalFailure(Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "unexpected failure while handling an RPC request", e);
        return Optional.of("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}");
    }

    private CompletableFuture<Optional<String>> dispatch(JsonNode root, RequestScope scope) {
        if (root == null || root.isMissingNode()) {
            metrics.recordInvalidRequest();
            return reply(error(NullNode.getInstance(), new RpcError.ParseError("empty request")));
        }
        if (!root.isArray()) {
            return handleCall(root, scope).thenApply(response -> response.map(this::write));
        }
        if (root.isEmpty()) {
            metrics.recordInvalidRequest();
            return reply(error(NullNode.getInstance(), new RpcError.InvalidRequest("empty batch")));
        }
        if (root.size() > config.maxBatchSize()) {
            metrics.recordInvalidRequest();
            // Like geth, one error for the whole batch: answering each of a million calls would be the attack.
            return reply(error(NullNode.getInstance(), new RpcError.InvalidRequest(
                    "batch too large: " + root.size() + " calls, at most " + config.maxBatchSize() + " allowed")));
        }
        List<CompletableFuture<Optional<ObjectNode>>> calls = new ArrayList<>(root.size());
        for (JsonNode call : root) {
            calls.add(handleCall(call, scope));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(done -> {
            ArrayNode responses = JsonNodeFactory.instance.arrayNode(calls.size());
            for (CompletableFuture<Optional<ObjectNode>> call : calls) {
                call.join().ifPresent(responses::add);
            }
            // A batch of notifications only gets no reply at all, not an empty array (JSON-RPC 2.0, section 6).
            return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
        });
    }

    private CompletableFuture<Optional<ObjectNode>> handleCall(JsonNode request, RequestScope scope) {
        Call call;
        try {
            call = validate(request);
        } catch (RpcException e) {
            metrics.recordInvalidRequest();
            JsonNode id = request.isObject() && validId(request.get("id")) ? request.get("id") : NullNode.getInstance();
            return CompletableFuture.completedFuture(Optional.of(error(id, e.error())));
        }
        long start = System.nanoTime();
        return invoke(call, scope).thenApply(outcome -> {
            metrics.recordCall(metricName(call.method()), outcomeLabel(outcome), System.nanoTime() - start);
            if (call.id().isEmpty()) {
                return Optional.empty();
            }
            JsonNode id = call.id().get();
            return Optional.of(switch (outcome) {
                case Outcome.Result r -> result(id, r.value());
                case Outcome.Failed f -> error(id, f.error());
            });
        });
    }

    private static Call validate(JsonNode request) {
        if (!request.isObject()) {
            throw invalidRequest("a request must be a JSON object, got " + RpcEncoding.describe(request));
        }
        JsonNode id = request.get("id");
        if (id != null && !validId(id)) {
            throw invalidRequest("id must be a string, a number or null, got " + RpcEncoding.describe(id));
        }
        JsonNode version = request.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
            throw invalidRequest("jsonrpc must be \"2.0\"");
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual() || method.textValue().isEmpty()) {
            throw invalidRequest("method must be a non-empty string");
        }
        JsonNode params = request.get("params");
        if (params != null && !params.isNull() && !params.isArray() && !params.isObject()) {
            throw invalidRequest("params must be an array or an object, got " + RpcEncoding.describe(params));
        }
        return new Call(Optional.ofNullable(id), method.textValue(), RpcParams.of(params));
    }

    private static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isNumber() || id.isNull());
    }

    private static RpcException invalidRequest(String message) {
        return new RpcError.InvalidRequest("invalid request: " + message).toException();
    }

    private CompletableFuture<Outcome> invoke(Call call, RequestScope scope) {
        // Subscriptions belong to the connection, so the server answers them itself; they are quick.
        if (call.method().equals(RpcMethods.SUBSCRIBE)) {
            return CompletableFuture.completedFuture(guard(call.method(), () -> subscribe(call.params(), scope)));
        }
        if (call.method().equals(RpcMethods.UNSUBSCRIBE)) {
            return CompletableFuture.completedFuture(guard(call.method(), () -> unsubscribe(call.params(), scope)));
        }
        Optional<RpcMethod> method = methods.find(call.method());
        if (method.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome.Failed(new RpcError.MethodNotFound(call.method())));
        }
        return runOnWorker(call.method(), method.get(), call.params(), scope);
    }

    private CompletableFuture<Outcome> runOnWorker(String name, RpcMethod method, RpcParams params, RequestScope scope) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        FutureTask<Void> task = new FutureTask<>(() -> outcome.complete(guard(name, () -> method.call(params))), null);
        lanes.submit(CallLanes.laneOf(name), scope.connection(), new CallLanes.Task() {
            @Override
            public void run() {
                task.run(); // does nothing once cancelled: a call that timed out while waiting costs no work
            }

            @Override
            public void busy() {
                outcome.complete(new Outcome.Failed(new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED,
                        "server busy: too many calls waiting, try again later")));
            }
        });
        if (outcome.isDone()) {
            return outcome;
        }
        // The clock includes the wait for a worker: the caller's time is what matters.
        ScheduledFuture<?> timer = timeouts.schedule(() -> {
            if (outcome.complete(new Outcome.Failed(new RpcError.ServerError(RpcError.ServerError.TIMEOUT,
                    "request timed out after " + config.callTimeout().toMillis() + " ms")))) {
                task.cancel(true);
            }
        }, config.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        outcome.whenComplete((o, t) -> timer.cancel(false));
        return outcome;
    }

    @FunctionalInterface
    private interface Body {
        Object run() throws Exception;
    }

    /** Runs a method body and turns whatever happens into an outcome; an unexpected throwable is logged, not sent. */
    private Outcome guard(String name, Body body) {
        try {
            Object value = body.run();
            JsonNode node = value instanceof JsonNode json ? json : mapper.valueToTree(value);
            return new Outcome.Result(node == null ? NullNode.getInstance() : node);
        } catch (RpcException e) {
            return new Outcome.Failed(e.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed(new RpcError.ServerError(RpcError.ServerError.TIMEOUT, "request interrupted"));
        } catch (Exception | StackOverflowError | NoClassDefFoundError | ExceptionInInitializerError e) {
            LOG.log(System.Logger.Level.WARNING, "RPC method " + name + " failed", e);
            return new Outcome.Failed(new RpcError.InternalError("internal error while executing " + name));
        }
    }

    private Object subscribe(RpcParams params, RequestScope scope) {
        WebSocketSession session = scope.session().orElseThrow(() -> new RpcError.ServerError(
                RpcError.ServerError.NOTIFICATIONS_UNSUPPORTED, "notifications not supported").toException());
        params.requireAtMost(2);
        String kindName = params.required(0, RpcParams.STRING);
        SubscriptionKind kind = SubscriptionKind.fromJsonName(kindName).orElseThrow(() -> new RpcError.InvalidParams(
                "no \"" + kindName + "\" subscription in eth namespace (use newHeads, logs or newPendingTransactions)")
                .toException());
        SubscriptionRequest request = switch (kind) {
            case NEW_HEADS -> {
                params.requireAtMost(1);
                yield new SubscriptionRequest(kind, LogFilter.ANY, false);
            }
            case LOGS -> new SubscriptionRequest(kind,
                    params.optional(1, LogFilter::fromJson).orElse(LogFilter.ANY), false);
            case NEW_PENDING_TRANSACTIONS -> new SubscriptionRequest(kind, LogFilter.ANY,
                    params.optional(1, RpcParams.BOOLEAN).orElse(false));
        };
        return session.subscribe(request, subscriptions, scope);
    }

    private Object unsubscribe(RpcParams params, RequestScope scope) {
        WebSocketSession session = scope.session().orElseThrow(() -> new RpcError.ServerError(
                RpcError.ServerError.NOTIFICATIONS_UNSUPPORTED, "notifications not supported").toException());
        params.requireAtMost(1);
        return session.unsubscribe(params.required(0, RpcParams.STRING));
    }

    private String metricName(String method) {
        return method.equals(RpcMethods.SUBSCRIBE) || method.equals(RpcMethods.UNSUBSCRIBE)
                || methods.find(method).isPresent() ? method : RpcMetrics.UNKNOWN_METHOD;
    }

    private static String outcomeLabel(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Result r -> "success";
            case Outcome.Failed f -> switch (f.error()) {
                case RpcError.InternalError e -> "internal_error";
                case RpcError.ServerError e when e.code() == RpcError.ServerError.TIMEOUT -> "timeout";
                case RpcError.ServerError e when e.code() == RpcError.ServerError.LIMIT_EXCEEDED -> "limit_exceeded";
                default -> "error";
            };
        };
    }

    private static ObjectNode result(JsonNode id, JsonNode value) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", value);
        return response;
    }

    static ObjectNode error(JsonNode id, RpcError error) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        ObjectNode body = response.putObject("error");
        body.put("code", error.code());
        body.put("message", error.message());
        error.data().ifPresent(data -> body.set("data", data));
        return response;
    }

    /** A notification for a subscription, as geth sends it. */
    ObjectNode subscriptionNotification(String subscriptionId, JsonNode result) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("jsonrpc", "2.0");
        message.put("method", "eth_subscription");
        ObjectNode params = message.putObject("params");
        params.set("subscription", TextNode.valueOf(subscriptionId));
        params.set("result", result);
        return message;
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // Only trees we built reach here; a failure is a bug, reported as such without details.
            LOG.log(System.Logger.Level.ERROR, "cannot serialise an RPC reply", e);
            return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}";
        }
    }

    private CompletableFuture<Optional<String>> reply(ObjectNode response) {
        return CompletableFuture.completedFuture(Optional.of(write(response)));
    }

    @Override
    public void close() {
        lanes.close();
        timeouts.shutdownNow();
    }
}
