package org.parkchain.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one incoming HTTP body or WebSocket message carries besides its JSON: the WebSocket session it came on
 * (none for HTTP), and actions to run once its reply has been queued. New subscriptions start delivering only
 * then, so a client always sees the subscription id before the first notification for it.
 */
final class RequestScope {
    private final Optional<WebSocketSession> session;
    private final CallLanes.Connection connection;
    private final List<Runnable> afterReply = new ArrayList<>();

    private RequestScope(Optional<WebSocketSession> session, CallLanes.Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    /** A request on an HTTP connection; {@code connection} is shared by all requests of that TCP connection. */
    static RequestScope http(CallLanes.Connection connection) {
        return new RequestScope(Optional.empty(), connection);
    }

    static RequestScope webSocket(WebSocketSession session) {
        return new RequestScope(Optional.of(session), session.calls());
    }

    /** The connection the request came on, whose calls are limited together (see {@link CallLanes}). */
    CallLanes.Connection connection() {
        return connection;
    }

    Optional<WebSocketSession> session() {
        return session;
    }

    synchronized void afterReply(Runnable action) {
        afterReply.add(action);
    }

    /** Runs the actions collected so far, in order. Calls of a batch may still be adding while earlier ones run. */
    void replied() {
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(afterReply);
            afterReply.clear();
        }
        actions.forEach(Runnable::run);
    }
}
