package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/**
 * The {@link SubscriptionSource} the chain publishes into: it fans each event out to the subscribers of its kind.
 * Publishing never blocks on a client (each sink only enqueues) and takes no lock shared with the RPC path.
 */
public final class SubscriptionHub implements SubscriptionSource {
    private record Subscriber(SubscriptionRequest request, Consumer<JsonNode> sink, Consumer<String> ended) {}

    private final Map<SubscriptionKind, Set<Subscriber>> subscribers = new EnumMap<>(SubscriptionKind.class);

    public SubscriptionHub() {
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            subscribers.put(kind, ConcurrentHashMap.newKeySet());
        }
    }

    @Override
    public Subscription open(SubscriptionRequest request, Consumer<JsonNode> sink) {
        return open(request, sink, reason -> { });
    }

    @Override
    public Subscription open(SubscriptionRequest request, Consumer<JsonNode> sink, Consumer<String> ended) {
        Subscriber subscriber = new Subscriber(request, sink, ended);
        Set<Subscriber> set = subscribers.get(request.kind());
        set.add(subscriber);
        return () -> set.remove(subscriber);
    }

    /** A new canonical head; {@code header} is the block header as eth_getBlockByNumber would show it. */
    public void publishNewHead(JsonNode header) {
        for (Subscriber s : subscribers.get(SubscriptionKind.NEW_HEADS)) {
            s.sink.accept(header);
        }
    }

    /**
     * A log of a new block (or, with {@code "removed": true} in {@code log}, one undone by a reorg); delivered to
     * subscribers whose filter matches {@code address} and {@code topics}.
     */
    public void publishLog(Address address, List<Hash> topics, JsonNode log) {
        for (Subscriber s : subscribers.get(SubscriptionKind.LOGS)) {
            if (s.request.logFilter().matches(address, topics)) {
                s.sink.accept(log);
            }
        }
    }

    /**
     * A transaction entered the pool. {@code fullTransaction} is asked for only if someone subscribed with
     * {@code true}, and at most once, so publishing costs nothing when no client wants full transactions.
     */
    public void publishPendingTransaction(Hash hash, Supplier<JsonNode> fullTransaction) {
        Set<Subscriber> set = subscribers.get(SubscriptionKind.NEW_PENDING_TRANSACTIONS);
        if (set.isEmpty()) {
            return;
        }
        JsonNode hashNode = TextNode.valueOf(hash.toHex());
        JsonNode full = null;
        for (Subscriber s : set) {
            if (s.request.fullTransactions()) {
                if (full == null) {
                    full = fullTransaction.get();
                }
                s.sink.accept(full);
            } else {
                s.sink.accept(hashNode);
            }
        }
    }

    /**
     * Ends every open subscription with {@code reason}: events were lost before they reached the hub, and a
     * subscriber must not believe it saw them all.
     */
    public void endAll(String reason) {
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : List.copyOf(set)) {
                if (set.remove(s)) {
                    s.ended.accept(reason);
                }
            }
        }
    }

    /** How many subscriptions of {@code kind} are open (for metrics and tests). */
    public int subscriberCount(SubscriptionKind kind) {
        return subscribers.get(kind).size();
    }
}
