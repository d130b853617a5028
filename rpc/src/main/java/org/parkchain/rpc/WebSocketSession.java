package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.parkchain.primitives.Hex;

/**
 * One WebSocket client: its subscriptions and its outgoing queue. Everything sent is counted until the socket
 * has taken it; a client that lets more than the configured bytes pile up is disconnected, because buffering for
 * it without bound would let one slow reader exhaust the node's memory.
 */
final class WebSocketSession {
    private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
    private static final SecureRandom IDS = new SecureRandom();
    /** WebSocket close code 1008 (policy violation), used when a client reads too slowly. */
    private static final short POLICY_VIOLATION = 1008;
    /** WebSocket close code 1001, "going away": the server is shutting down. */
    private static final short GOING_AWAY = 1001;
    /** Notifications held back while a subscribe reply is on its way; more than this means a flood. */
    private static final int MAX_EARLY_EVENTS = 1024;

    /** A subscription that delivers only after its id has been sent, buffering what arrives before that. */
    private final class Feed {
        private final String id;
        private volatile SubscriptionSource.Subscription handle;
        private boolean live;
        private List<JsonNode> early = new ArrayList<>();

        Feed(String id) {
            this.id = id;
        }

        synchronized void deliver(JsonNode result) {
            if (!live) {
                if (early.size() >= MAX_EARLY_EVENTS) {
                    disconnectSlowConsumer();
                    return;
                }
                early.add(result);
                return;
            }
            send(dispatcher.write(dispatcher.subscriptionNotification(id, result)));
        }

        synchronized void goLive() {
            live = true;
            for (JsonNode result : early) {
                send(dispatcher.write(dispatcher.subscriptionNotification(id, result)));
            }
            early = List.of();
        }
    }

    private final ServerWebSocket socket;
    private final Context context;
    private final RpcDispatcher dispatcher;
    private final RpcConfig config;
    private final ConcurrentMap<String, Feed> feeds = new ConcurrentHashMap<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    WebSocketSession(ServerWebSocket socket, Context context, RpcDispatcher dispatcher, RpcConfig config) {
        this.socket = socket;
        this.context = context;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    /** Opens a subscription; it starts delivering once the reply carrying its id has been queued. */
    String subscribe(SubscriptionRequest request, SubscriptionSource source, RequestScope scope) {
        String id = newSubscriptionId();
        Feed feed = new Feed(id);
        synchronized (feeds) {
            if (feeds.size() >= config.maxSubscriptionsPerConnection()) {
                throw new RpcError.ServerError(RpcError.ServerError.LIMIT_EXCEEDED, "too many subscriptions on this "
                        + "connection: at most " + config.maxSubscriptionsPerConnection()).toException();
            }
            feeds.put(id, feed);
        }
        try {
            feed.handle = source.open(request, feed::deliver);
        } catch (RuntimeException e) {
            feeds.remove(id);
            throw e;
        }
        if (closed.get() || !feeds.containsKey(id)) {
            // The connection went away while subscribing; do not leave the feed behind at the source.
            feeds.remove(id);
            feed.handle.cancel();
        }
        scope.afterReply(feed::goLive);
        return id;
    }

    boolean unsubscribe(String id) {
        return cancel(id);
    }

    int subscriptionCount() {
        return feeds.size();
    }

    /** Queues a text message; disconnects the client if its queue is over the limit. Callable from any thread. */
    void send(String text) {
        if (closed.get()) {
            return;
        }
        // Replies are ASCII-escaped JSON except for user strings; the char count is close enough to bytes here.
        long size = text.length();
        if (queuedBytes.addAndGet(size) > config.maxOutgoingBytesPerConnection()) {
            queuedBytes.addAndGet(-size);
            disconnectSlowConsumer();
            return;
        }
        context.runOnContext(v -> socket.writeTextMessage(text).onComplete(done -> queuedBytes.addAndGet(-size)));
    }

    /** Called once the socket is closed, whoever closed it: ends every subscription of this client. */
    void closed() {
        closed.set(true);
        for (String id : List.copyOf(feeds.keySet())) {
            cancel(id);
        }
    }

    /** Server shutdown: tell the client and end its subscriptions. */
    void shutdown() {
        closed();
        context.runOnContext(v -> socket.shutdown(Duration.ofSeconds(1), GOING_AWAY, "server shutting down"));
    }

    private void disconnectSlowConsumer() {
        if (closed.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "disconnecting WebSocket client " + socket.remoteAddress()
                    + ": more than " + config.maxOutgoingBytesPerConnection() + " bytes waiting to be read");
            for (String id : List.copyOf(feeds.keySet())) {
                cancel(id);
            }
            // shutdown, not close: the close frame may never get through to a client that does not read.
            context.runOnContext(v -> socket.shutdown(Duration.ofSeconds(1), POLICY_VIOLATION,
                    "client too slow: outgoing queue limit exceeded"));
        }
    }

    private boolean cancel(String id) {
        Feed feed = feeds.remove(id);
        if (feed == null) {
            return false;
        }
        if (feed.handle != null) {
            feed.handle.cancel();
        }
        return true;
    }

    private static String newSubscriptionId() {
        byte[] bytes = new byte[16];
        IDS.nextBytes(bytes);
        return Hex.encode(bytes);
    }
}
