package org.parkchain.rpc;

import java.util.Optional;

/** What a client can subscribe to with eth_subscribe. */
public enum SubscriptionKind {
    NEW_HEADS("newHeads"),
    LOGS("logs"),
    NEW_PENDING_TRANSACTIONS("newPendingTransactions");

    private final String jsonName;

    SubscriptionKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<SubscriptionKind> fromJsonName(String name) {
        for (SubscriptionKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
