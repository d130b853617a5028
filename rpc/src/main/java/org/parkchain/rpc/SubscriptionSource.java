package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Where subscription events come from. The server calls {@link #open} for each eth_subscribe and cancels the
 * returned handle on eth_unsubscribe or when the connection closes. {@link SubscriptionHub} is the ready-made
 * implementation the chain publishes into.
 */
public interface SubscriptionSource {

    /** Stops the delivery of events to one sink. Idempotent. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }

    /**
     * Starts delivering the {@code result} objects of matching events to {@code sink}. The sink never blocks and
     * may be called from any thread. This method runs on a network thread, so it must return quickly.
     */
    Subscription open(SubscriptionRequest request, Consumer<JsonNode> sink);

    /**
     * As {@link #open(SubscriptionRequest, Consumer)}; the source calls {@code ended} with a reason when it ends the
     * subscription itself (it could not deliver every event), after which the sink hears nothing more.
     */
    default Subscription open(SubscriptionRequest request, Consumer<JsonNode> sink, Consumer<String> ended) {
        return open(request, sink);
    }
}
