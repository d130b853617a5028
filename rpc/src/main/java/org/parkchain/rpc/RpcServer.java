package org.parkchain.rpc;

import com.fasterxml.jackson.databind.node.NullNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON-RPC endpoint: HTTP POST and WebSocket on one port, plus {@code /health} and {@code /metrics}.
 *
 * <p>This class is the thin adapter to Vert.x: requests arrive on an event loop, which reads bodies (bounded by
 * {@link RpcConfig#maxRequestBytes()}), parses them and writes replies; {@link RpcDispatcher} runs the methods on a
 * bounded worker pool, so a slow method never stalls other clients and there is no thread per connection.
 */
public final class RpcServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RpcServer.class.getName());
    /** The media types geth accepts for JSON-RPC over HTTP. */
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/json-rpc",
            "application/jsonrequest");
    private static final String JSON = "application/json";
    private static final short MESSAGE_TOO_BIG = 1009;
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final RpcConfig config;
    private final Vertx vertx;
    private final HttpServer server;
    private final RpcDispatcher dispatcher;
    private final RpcMetrics metrics;
    private final PrometheusMeterRegistry registry;
    /** GET resources beside JSON-RPC, longest prefix first. */
    private final java.util.List<ReadApi> readApis;
    private final java.util.List<HealthCheck> healthChecks;
    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final HostAllowlist hostAllowlist;
    /** Writes subscription notifications as JSON, off the threads that publish chain events. */
    private final java.util.concurrent.ExecutorService notifier;
    /** Open TCP connections and, for each, the calls it has running or waiting (see {@link CallLanes}). */
    private final Map<HttpConnection, CallLanes.Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    /** Parses and dispatches batches and large requests off the event loops (see {@link #intake}). */
    private final java.util.concurrent.ThreadPoolExecutor intake;
    /** A single call larger than this is handled as a large request. */
    private static final int SMALL_REQUEST_BYTES = 16 * 1024;
    /** Batches and large requests waiting for the intake thread; beyond that a request is answered busy. */
    private static final int MAX_WAITING_INTAKE = 1024;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Bodies and messages received whose reply has not yet been handed to the connection. */
    private final AtomicInteger unanswered = new AtomicInteger();

    private RpcServer(RpcConfig config, RpcMethods methods, SubscriptionSource subscriptions,
            PrometheusMeterRegistry registry, java.util.List<ReadApi> readApis, java.util.List<HealthCheck> healthChecks) {
        this.config = config;
        this.registry = registry;
        this.readApis = readApis.stream()
                .sorted(java.util.Comparator.comparingInt((ReadApi api) -> api.prefix().length()).reversed()).toList();
        this.healthChecks = java.util.List.copyOf(healthChecks);
        this.metrics = new RpcMetrics(registry);
        this.dispatcher = new RpcDispatcher(config, methods, subscriptions, metrics);
        this.hostAllowlist = new HostAllowlist(config.hostAllowlist());
        this.intake = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(MAX_WAITING_INTAKE), r -> {
                    Thread t = new Thread(r, "rpc-intake");
                    t.setDaemon(true);
                    return t;
                });
        this.notifier = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rpc-notifier");
            t.setDaemon(true);
            return t;
        });
        // The event loops only move bytes; two are plenty on the 2-core target and leave cores to execution.
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.min(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerPoolSize(2));
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setMaxWebSocketFrameSize(config.maxRequestBytes())
                .setMaxWebSocketMessageSize(config.maxRequestBytes())
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                // No permessage-deflate: a 200 KB compressed frame may inflate to gigabytes before any size
                // limit sees the message, and JSON-RPC messages are small enough not to need it.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // Read idleness: a client that sends nothing (a half-open connection, an idle keep-alive) is
                // closed; WebSocket clients answer our pings, so live ones always read as active.
                .setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // HTTP/1.1 only: detecting HTTP/2's cleartext preface delays the connection handler until the first
                // bytes arrive, and the connection cap and header timeout must see connections that send nothing.
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true);
        this.server = vertx.createHttpServer(options)
                .connectionHandler(this::onConnection)
                .requestHandler(this::onRequest)
                .webSocketHandshakeHandler(this::onHandshake)
                .webSocketHandler(this::onWebSocket);
    }

    /**
     * Starts serving and returns once the port is bound.
     *
     * @param registry where the RPC meters go; the node adds its own to the same registry and it is what
     *                 {@code /metrics} shows
     * @throws IllegalStateException when the port cannot be bound
     */
    public static RpcServer start(RpcConfig config, RpcMethods methods, SubscriptionSource subscriptions,
            PrometheusMeterRegistry registry) {
        return start(config, methods, subscriptions, registry, ReadApi.NONE);
    }

    /** As {@link #start(RpcConfig, RpcMethods, SubscriptionSource, PrometheusMeterRegistry)}, also serving {@code readApi}. */
    public static RpcServer start(RpcConfig config, RpcMethods methods, SubscriptionSource subscriptions,
            PrometheusMeterRegistry registry, ReadApi readApi) {
        return start(config, methods, subscriptions, registry, java.util.List.of(readApi), java.util.List.of());
    }

    /**
     * As {@link #start(RpcConfig, RpcMethods, SubscriptionSource, PrometheusMeterRegistry)}, also serving
     * {@code readApis} (the one with the longest matching prefix answers a GET) and reporting {@code healthChecks} in
     * {@code /health}.
     */
    public static RpcServer start(RpcConfig config, RpcMethods methods, SubscriptionSource subscriptions,
            PrometheusMeterRegistry registry, java.util.List<ReadApi> readApis, java.util.List<HealthCheck> healthChecks) {
        RpcServer rpc = new RpcServer(config, methods, subscriptions, registry, readApis, healthChecks);
        try {
            rpc.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rpc.close();
            throw new IllegalStateException("interrupted while starting the RPC server", e);
        } catch (ExecutionException | TimeoutException e) {
            rpc.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot listen for JSON-RPC on " + config.host() + ":" + config.port()
                    + ": " + cause.getMessage(), cause);
        }
        LOG.log(System.Logger.Level.INFO, "JSON-RPC listening on http://" + config.host() + ":" + rpc.port());
        return rpc;
    }

    /** The bound port: the configured one, or the one picked when the configuration said 0. */
    public int port() {
        return server.actualPort();
    }

    /** Requests (HTTP bodies and WebSocket messages) being handled right now: received, reply not yet sent. */
    public int inFlightRequests() {
        return unanswered.get();
    }

    public RpcConfig config() {
        return config;
    }

    /**
     * Hands a request to the dispatcher. A single small call is parsed and dispatched right here on the event loop
     * (it is quick); a batch or a large body goes to the intake thread, so that parsing and dispatching a burst of
     * thousands of calls never holds up the small calls of other connections that share the event loop.
     */
    private CompletableFuture<Optional<String>> intake(byte[] body, RequestScope scope) {
        if (!isBatchOrLarge(body)) {
            return dispatcher.handle(body, scope);
        }
        CompletableFuture<Optional<String>> reply = new CompletableFuture<>();
        try {
            intake.execute(() -> dispatcher.handle(body, scope).whenComplete((r, e) -> reply.complete(
                    r != null ? r : Optional.of(busy()))));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reply.complete(Optional.of(busy()));
        }
        return reply;
    }

    private String busy() {
        return dispatcher.write(RpcDispatcher.error(NullNode.getInstance(), new RpcError.ServerError(
                RpcError.ServerError.LIMIT_EXCEEDED, "server busy: too many requests waiting, try again later")));
    }

    private static boolean isBatchOrLarge(byte[] body) {
        if (body.length > SMALL_REQUEST_BYTES) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return false;
    }

    /** TCP connections open now (HTTP and WebSocket). */
    public int openConnections() {
        return openConnections.get();
    }

    // ---- connections ----

    /**
     * A new TCP connection: over the cap it is closed at once; otherwise every request it carries must send its
     * headers within the header timeout ({@link HeaderDeadline}): a client that opens connections and sends nothing,
     * or a byte at a time, on a new connection or a reused one, would otherwise hold them for ever.
     */
    private void onConnection(HttpConnection connection) {
        if (openConnections.incrementAndGet() > config.maxConnections() || closing.get()) {
            openConnections.decrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, () -> "refusing connection from " + connection.remoteAddress()
                    + ": " + config.maxConnections() + " connections open");
            connection.close();
            return;
        }
        connections.put(connection, new CallLanes.Connection());
        HeaderDeadline deadline = new HeaderDeadline(config.headerTimeout(), () -> {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing connection from " + connection.remoteAddress()
                    + ": no complete request headers within " + config.headerTimeout().toMillis() + " ms");
            connection.close();
        });
        SocketAddress peer = connection.remoteAddress();
        headerDeadlines.put(peer, deadline);
        // Vert.x has no public hook for the bytes before the HTTP decoder; its server connections expose their Netty
        // context through this internal interface (HTTP/1.1 only here: h2c is disabled).
        ((io.vertx.core.http.impl.HttpServerConnection) connection).channelHandlerContext().pipeline()
                .addFirst(HeaderDeadline.NAME, deadline);
        connection.closeHandler(v -> {
            headerDeadlines.remove(peer, deadline);
            if (connections.remove(connection) != null) {
                openConnections.decrementAndGet();
            }
        });
    }

    /** The header deadline of each open connection, by the peer's address (a WebSocket handshake knows only that). */
    private final Map<SocketAddress, HeaderDeadline> headerDeadlines = new ConcurrentHashMap<>();

    private CallLanes.Connection callsOf(HttpConnection connection) {
        CallLanes.Connection calls = connections.get(connection);
        return calls != null ? calls : new CallLanes.Connection();
    }

    // ---- HTTP ----

    private void onRequest(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        Runnable requestDone = headersReceived(request.connection().remoteAddress());
        response.endHandler(v -> requestDone.run());
        if (closing.get()) {
            plain(response, 503, "server is shutting down");
            return;
        }
        if (!hostAllowlist.allows(Optional.ofNullable(request.getHeader("Host")))) {
            // geth's words; the operator adds the name with --rpc-host-allowlist. The body is not read: close.
            response.putHeader("Connection", "close");
            plain(response, 403, "invalid host specified");
            return;
        }
        Optional<String> origin = Optional.ofNullable(request.getHeader("Origin"));
        boolean corsAllowed = origin.filter(config::originAllowed).isPresent();
        if (corsAllowed) {
            response.putHeader("Access-Control-Allow-Origin", origin.get())
                    .putHeader("Vary", "Origin");
        }
        if (request.method() == HttpMethod.OPTIONS && corsAllowed) {
            response.putHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type")
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204).end();
            return;
        }
        switch (request.path()) {
            case "/health" -> {
                if (request.method() == HttpMethod.GET) {
                    serveHealth(response);
                } else {
                    methodNotAllowed(response, "GET", "/health answers GET");
                }
            }
            case "/metrics" -> {
                if (request.method() == HttpMethod.GET) {
                    serveMetrics(response);
                } else {
                    methodNotAllowed(response, "GET", "/metrics answers GET");
                }
            }
            case "/" -> {
                if (request.method() == HttpMethod.POST) {
                    serveRpc(request, requestDone);
                } else if (request.method() == HttpMethod.GET && readApiFor("/").isPresent()) {
                    // A page for people (the explorer's home) when one is served; JSON-RPC stays on POST.
                    serveRead(readApiFor("/").get(), request, response);
                } else {
                    methodNotAllowed(response, "POST",
                            "JSON-RPC takes POST with Content-Type application/json, or a WebSocket upgrade");
                }
            }
            default -> {
                Optional<ReadApi> api = readApiFor(request.path());
                if (api.isPresent()) {
                    if (request.method() == HttpMethod.GET) {
                        serveRead(api.get(), request, response);
                    } else {
                        methodNotAllowed(response, "GET", api.get().prefix() + " answers GET");
                    }
                } else {
                    plain(response, 404, "not found: JSON-RPC is served at /, also /health and /metrics");
                }
            }
        }
    }

    /**
     * Stops the header clock of the connection with {@code peer}; what it returns says the request no longer needs
     * the connection's bytes, so that the next byte starts the next request's clock.
     */
    private Runnable headersReceived(SocketAddress peer) {
        HeaderDeadline deadline = headerDeadlines.get(peer);
        if (deadline == null) {
            return () -> { };
        }
        long request = deadline.headersReceived();
        return () -> deadline.requestDone(request);
    }

    private Optional<ReadApi> readApiFor(String path) {
        for (ReadApi api : readApis) {
            if (path.startsWith(api.prefix())) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code {"status":"ok"|"unhealthy","checks":{name:{"healthy":…,"detail":…,…facts}}}}, 200 when all checks are
     * healthy, else 503. Checks run on a worker thread (they may read storage); a check that throws is unhealthy.
     */
    private void serveHealth(HttpServerResponse response) {
        vertx.executeBlocking(() -> {
            com.fasterxml.jackson.databind.node.ObjectNode body = dispatcher.mapper().createObjectNode();
            com.fasterxml.jackson.databind.node.ObjectNode checks = dispatcher.mapper().createObjectNode();
            boolean healthy = true;
            for (HealthCheck check : healthChecks) {
                HealthCheck.Status status;
                try {
                    status = check.check();
                } catch (RuntimeException e) {
                    status = HealthCheck.Status.failing("health check failed: " + e, java.util.Map.of());
                }
                healthy &= status.healthy();
                com.fasterxml.jackson.databind.node.ObjectNode node = checks.putObject(check.name());
                node.put("healthy", status.healthy());
                node.put("detail", status.detail());
                status.facts().forEach((k, v) -> node.set(k, dispatcher.mapper().valueToTree(v)));
            }
            body.put("status", healthy ? "ok" : "unhealthy");
            body.set("checks", checks);
            return java.util.Map.entry(healthy, dispatcher.mapper().writeValueAsString(body));
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                response.setStatusCode(result.result().getKey() ? 200 : 503).putHeader("Content-Type", JSON)
                        .end(result.result().getValue());
            } else {
                LOG.log(System.Logger.Level.WARNING, "cannot render /health", result.cause());
                plain(response, 503, "health unavailable: " + result.cause().getMessage());
            }
        });
    }

    /** A {@link ReadApi} resource, read on a worker thread: reads may touch storage. */
    private void serveRead(ReadApi readApi, HttpServerRequest request, HttpServerResponse response) {
        String path = request.path();
        java.util.Map<String, java.util.List<String>> query = new java.util.LinkedHashMap<>();
        try {
            for (String name : request.params().names()) {
                query.put(name, request.params().getAll(name));
            }
        } catch (IllegalArgumentException e) {
            plain(response, 400, "malformed query string: " + e.getMessage());
            return;
        }
        unanswered.incrementAndGet();
        vertx.executeBlocking(() -> readApi.serve(new ReadApi.Request(path, query)), false).onComplete(result -> {
            if (result.succeeded()) {
                ReadApi.Response answer = result.result();
                answer.headers().forEach(response::putHeader);
                response.setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType())
                        .end(Buffer.buffer(answer.body()));
            } else if (result.cause() instanceof IllegalArgumentException bad) {
                plain(response, 400, bad.getMessage());
            } else {
                LOG.log(System.Logger.Level.WARNING, "cannot serve " + path, result.cause());
                plain(response, 500, "internal error while reading " + path);
            }
            unanswered.decrementAndGet();
        });
    }

    private void serveRpc(HttpServerRequest request, Runnable requestDone) {
        HttpServerResponse response = request.response();
        String contentType = request.getHeader("Content-Type");
        if (!isJson(contentType)) {
            plain(response, 415, "invalid content type, only application/json is supported");
            return;
        }
        String declaredLength = request.getHeader("Content-Length");
        if (declaredLength != null) {
            long length;
            try {
                length = Long.parseLong(declaredLength.trim());
            } catch (NumberFormatException e) {
                plain(response, 400, "invalid Content-Length");
                return;
            }
            if (length > config.maxRequestBytes()) {
                tooLarge(request, length);
                return;
            }
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // curl asks before sending large bodies; the size check above has passed, so let it come.
            response.writeContinue();
        }
        Context context = vertx.getOrCreateContext();
        Buffer body = Buffer.buffer();
        AtomicBoolean rejected = new AtomicBoolean();
        request.handler(chunk -> {
            if (rejected.get()) {
                return;
            }
            if (body.length() + chunk.length() > config.maxRequestBytes()) {
                rejected.set(true);
                tooLarge(request, body.length() + (long) chunk.length());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            requestDone.run(); // the body is in: further bytes are the next request's
            if (rejected.get()) {
                return;
            }
            unanswered.incrementAndGet();
            intake(body.getBytes(), RequestScope.http(callsOf(request.connection()))).thenAccept(reply -> context.runOnContext(v -> {
                if (reply.isPresent()) {
                    response.putHeader("Content-Type", JSON).end(reply.get());
                } else {
                    response.end();
                }
                unanswered.decrementAndGet();
            }));
        });
    }

    /**
     * 413 as geth words it. The rest of the body is read and dropped so the client sees the answer rather than a
     * reset, then the connection is closed so it cannot be reused mid-body; a client that keeps sending far past
     * the limit is cut off.
     */
    private void tooLarge(HttpServerRequest request, long length) {
        long drainLimit = 4L * config.maxRequestBytes();
        long[] drained = {0};
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > drainLimit) {
                request.handler(null);
                request.connection().close();
            }
        });
        if (request.version() != HttpVersion.HTTP_2) {
            // HTTP/2 just resets the stream; HTTP/1.x must not reuse a connection with body bytes still on it.
            request.response().putHeader("Connection", "close");
        }
        plain(request.response(), 413, "content length too large (" + length + ">" + config.maxRequestBytes() + ")");
    }

    private void serveMetrics(HttpServerResponse response) {
        vertx.executeBlocking(registry::scrape, false).onComplete(result -> {
            if (result.succeeded()) {
                response.putHeader("Content-Type", PROMETHEUS_TEXT).end(result.result());
            } else {
                LOG.log(System.Logger.Level.WARNING, "cannot render metrics", result.cause());
                plain(response, 500, "metrics unavailable");
            }
        });
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return JSON_TYPES.contains(type);
    }

    /** A page this server served itself (the explorer) may open a WebSocket back to it. */
    private static boolean sameOrigin(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static void methodNotAllowed(HttpServerResponse response, String allow, String message) {
        response.putHeader("Allow", allow);
        plain(response, 405, "method not allowed: " + message);
    }

    private static void plain(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
    }

    // ---- WebSocket ----

    private void onHandshake(ServerWebSocketHandshake handshake) {
        // The upgrade request's headers are in; from here on the connection carries frames, not requests.
        HeaderDeadline deadline = headerDeadlines.remove(handshake.remoteAddress());
        if (deadline != null) {
            deadline.upgraded();
        }
        if (closing.get()) {
            handshake.reject(503);
            return;
        }
        if (!handshake.path().equals("/")) {
            handshake.reject(404);
            return;
        }
        if (!hostAllowlist.allows(Optional.ofNullable(handshake.headers().get("Host")))) {
            handshake.reject(403);
            return;
        }
        // Browsers do not apply CORS to WebSockets, so the origin check is ours: without it any web page could
        // talk to a node on the user's loopback.
        String origin = handshake.headers().get("Origin");
        if (origin != null && !config.originAllowed(origin) && !sameOrigin(origin, handshake.headers().get("Host"))) {
            handshake.reject(403);
            return;
        }
        handshake.accept();
    }

    private void onWebSocket(ServerWebSocket socket) {
        WebSocketSession session = new WebSocketSession(socket, vertx.getOrCreateContext(), dispatcher, config,
                notifier);
        sessions.add(session);
        metrics.webSocketOpened();
        // Pings keep a live client's connection active under the read-idle timeout (its pongs are reads) and let
        // a vanished one time out.
        long pinger = vertx.setPeriodic(Math.max(1, config.idleTimeout().toMillis() / 2), id -> {
            if (!socket.isClosed()) {
                socket.writePing(Buffer.buffer("ping"));
            }
        });
        socket.textMessageHandler(text -> {
            if (refuseWhileClosing(session)) {
                return;
            }
            RequestScope scope = RequestScope.webSocket(session);
            unanswered.incrementAndGet();
            reply(session, scope, intake(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), scope));
        });
        // Some clients send JSON in binary frames; it is the same UTF-8 text.
        socket.binaryMessageHandler(bytes -> {
            if (refuseWhileClosing(session)) {
                return;
            }
            RequestScope scope = RequestScope.webSocket(session);
            unanswered.incrementAndGet();
            reply(session, scope, intake(bytes.getBytes(), scope));
        });
        // Vert.x reports an over-long message here and would keep reading the rest of it; like geth, we hang up
        // (1009 = message too big), which is also the right answer to any other broken stream.
        socket.exceptionHandler(e -> {
            LOG.log(System.Logger.Level.DEBUG, "closing WebSocket after error: " + e.getMessage());
            if (!socket.isClosed()) {
                socket.close(MESSAGE_TOO_BIG, "message too big or malformed (limit " + config.maxRequestBytes()
                        + " bytes)");
            }
        });
        socket.closeHandler(v -> {
            vertx.cancelTimer(pinger);
            if (sessions.remove(session)) {
                metrics.webSocketClosed();
            }
            session.closed();
        });
    }

    /** During shutdown a WebSocket still gets its running calls answered, but new ones are refused. */
    private boolean refuseWhileClosing(WebSocketSession session) {
        if (!closing.get()) {
            return false;
        }
        session.send(dispatcher.write(RpcDispatcher.error(NullNode.getInstance(),
                RpcError.ServerError.of("server is shutting down"))));
        return true;
    }

    private void reply(WebSocketSession session, RequestScope scope, CompletableFuture<Optional<String>> pending) {
        pending.thenAccept(text -> {
            text.ifPresent(session::send);
            scope.replied();
            unanswered.decrementAndGet();
        });
    }

    // ---- shutdown ----

    /** Waits until every received request has its reply handed over, or the deadline passes. */
    private boolean awaitAnswered(long deadlineNanos) throws InterruptedException {
        while (unanswered.get() > 0) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Stops accepting connections and calls, lets running calls finish within the configured grace period,
     * closes WebSockets (code 1001) and releases the threads. Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        Duration grace = config.shutdownGrace();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            // New HTTP requests now get 503 and new WebSocket calls an error; running calls may finish and reply.
            if (!awaitAnswered(deadline)) {
                LOG.log(System.Logger.Level.WARNING, unanswered.get() + " RPC requests still unanswered at shutdown");
            }
            for (WebSocketSession session : sessions) {
                session.shutdown();
            }
            long left = Math.max(0, deadline - System.nanoTime());
            server.shutdown(Duration.ofNanos(left)).toCompletionStage().toCompletableFuture()
                    .get(left + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "RPC server did not shut down cleanly: " + e.getMessage());
        } finally {
            dispatcher.close();
            notifier.shutdownNow();
            intake.shutdownNow();
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.WARNING, "Vert.x did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
