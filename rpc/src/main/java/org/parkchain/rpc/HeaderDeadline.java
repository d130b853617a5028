package org.parkchain.rpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The header timeout of one HTTP/1.1 connection, for every request it carries: each request's headers must be
 * complete within the timeout of its first byte (for the first request, of the connection opening), or the
 * connection is closed. Waiting between requests, with nothing sent, is the idle timeout's business, not this one's.
 *
 * <p>It sits first in the connection's Netty pipeline, where it sees bytes arrive before the HTTP decoder does; the
 * server tells it when a request's headers are complete ({@link #headersReceived}) and when its body is read or its
 * response written ({@link #requestDone}), after which the next byte starts the next request's clock. Everything
 * runs on the connection's event loop.
 */
final class HeaderDeadline extends ChannelInboundHandlerAdapter {
    static final String NAME = "parkchain-header-deadline";

    private enum State {
        /** Bytes of a request's headers are expected, and the clock runs. */
        READING_HEADERS,
        /** A request's headers arrived; its body and response are under way. */
        IN_REQUEST,
        /** Between requests: the next byte starts the clock. */
        IDLE
    }

    private final long timeoutNanos;
    private final Runnable onTimeout;
    private ChannelHandlerContext context;
    private State state = State.READING_HEADERS;
    private ScheduledFuture<?> clock;
    /** Requests whose headers arrived; a late {@link #requestDone} of an earlier request must not end a later one. */
    private long requests;

    /** @param onTimeout closes the connection (and says why); called on the event loop */
    HeaderDeadline(Duration timeout, Runnable onTimeout) {
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = onTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        start(); // a new connection owes its first request's headers from the moment it opens
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.IDLE) {
            state = State.READING_HEADERS;
            start();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    /** A request's headers are complete; returns its number for {@link #requestDone}. */
    long headersReceived() {
        stop();
        state = State.IN_REQUEST;
        return ++requests;
    }

    /**
     * Request {@code number} no longer needs the connection's bytes (its body is read, or its response written): the
     * next byte belongs to the next request. Ignored when a later request has begun meanwhile.
     */
    void requestDone(long number) {
        if (number == requests && state == State.IN_REQUEST) {
            state = State.IDLE;
        }
    }

    /** The connection became a WebSocket: no more requests, so no more deadlines; this handler leaves the pipeline. */
    void upgraded() {
        stop();
        state = State.IN_REQUEST;
        if (context != null && !context.isRemoved()) {
            context.pipeline().remove(this);
        }
    }

    private void start() {
        stop();
        clock = context.executor().schedule(() -> {
            if (state == State.READING_HEADERS) {
                onTimeout.run();
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }
}
