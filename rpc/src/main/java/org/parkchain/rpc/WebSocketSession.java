package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.parkchain.primitives.Hex;

/**
 * One WebSocket client: its subscriptions, its notification queue and its outgoing queue.
 *
 * <p>Chain events reach a subscription on whatever thread publishes them; the subscription only appends the event
 * to this session's bounded notification queue, and the server's notifier thread turns queued events into JSON
 * and hands them to the socket. So publishing costs an append per subscriber, whoever the client is. A client that
 * lets more than {@link RpcConfig#maxQueuedNotifications()} notifications or
 * {@link RpcConfig#maxOutgoingBytesPerConnection()} bytes pile up is disconnected with a close reason (as geth
 * closes a connection whose subscription queue overflows), because buffering for it without bound would let one
 * slow reader exhaust the node's memory or hold up everyone else's notifications.
 */
final class WebSocketSession {
    private static final System.Logger LOG = System.getLogger(WebSocketSession.class.getName());
    private static final SecureRandom IDS = new SecureRandom();
    /** WebSocket close code 1008 (policy violation), used when a client reads too slowly. */
    private static final short POLICY_VIOLATION = 1008;
    /** WebSocket close code 1001, "going away": the server is shutting down. */
    private static final short GOING_AWAY = 1001;

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
                // Held back while the subscribe reply is on its way; they count against the same bound as queued ones.
                if (early.size() >= config.maxQueuedNotifications()) {
                    disconnectSlowConsumer("subscription queue overflow: client too slow");
                    return;
                }
                early.add(result);
                return;
            }
            enqueue(id, result);
        }

        synchronized void goLive() {
            live = true;
            for (JsonNode result : early) {
                enqueue(id, result);
            }
            early = List.of();
        }
    }

    /** An event for a subscription, not yet written as JSON. */
    private record Notification(String subscription, JsonNode result) {}

    private final ServerWebSocket socket;
    private final Context context;
    private final RpcDispatcher dispatcher;
    private final RpcConfig config;
    private final Executor notifier;
    private final CallLanes.Connection calls = new CallLanes.Connection();
    private final ConcurrentMap<String, Feed> feeds = new ConcurrentHashMap<>();
    /** Guarded by itself; {@link #draining} says whether a drain is scheduled on the notifier. */
    private final ArrayDeque<Notification> notifications = new ArrayDeque<>();
    private boolean draining;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param notifier where queued notifications are written as JSON: never the thread that publishes events */
    WebSocketSession(ServerWebSocket socket, Context context, RpcDispatcher dispatcher, RpcConfig config,
                     Executor notifier) {
        this.socket = socket;
        this.context = context;
        this.dispatcher = dispatcher;
        this.config = config;
        this.notifier = notifier;
    }

    /** This connection's calls, limited together (see {@link CallLanes}). */
    CallLanes.Connection calls() {
        return calls;
    }

    /** Queues a notification; cheap, never blocks, callable from any thread. */
    private void enqueue(String subscription, JsonNode result) {
        if (closed.get()) {
            return;
        }
        boolean overflow = false;
        boolean schedule = false;
        synchronized (notifications) {
            if (notifications.size() >= config.maxQueuedNotifications()) {
                overflow = true;
            } else {
                notifications.add(new Notification(subscription, result));
                schedule = !draining;
                draining = true;
            }
        }
        if (overflow) {
            disconnectSlowConsumer("subscription queue overflow: more than " + config.maxQueuedNotifications()
                    + " notifications waiting, client too slow");
        } else if (schedule) {
            try {
                notifier.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closed(); // the server is shutting down
            }
        }
    }

    /** On the notifier: writes what is queued, oldest first. */
    private void drain() {
        while (true) {
            Notification next;
            synchronized (notifications) {
                next = notifications.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            if (!closed.get()) {
                send(dispatcher.write(dispatcher.subscriptionNotification(next.subscription(), next.result())));
            }
        }
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
            feed.handle = source.open(request, feed::deliver, this::disconnectSlowConsumer);
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
            disconnectSlowConsumer("client too slow: more than " + config.maxOutgoingBytesPerConnection()
                    + " bytes waiting to be read");
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

    /** Ends the connection with {@code reason} as the close frame's reason (at most 123 bytes, as the protocol allows). */
    private void disconnectSlowConsumer(String reason) {
        if (closed.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "disconnecting WebSocket client " + socket.remoteAddress() + ": " + reason);
            for (String id : List.copyOf(feeds.keySet())) {
                cancel(id);
            }
            synchronized (notifications) {
                notifications.clear();
            }
            String shortReason = reason.length() > 120 ? reason.substring(0, 120) : reason;
            // shutdown, not close: the close frame may never get through to a client that does not read.
            context.runOnContext(v -> socket.shutdown(Duration.ofSeconds(1), POLICY_VIOLATION, shortReason));
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
