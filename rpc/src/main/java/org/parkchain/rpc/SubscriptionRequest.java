package org.parkchain.rpc;

import java.util.Objects;

/**
 * One eth_subscribe, already validated: its kind, the log filter (for {@link SubscriptionKind#LOGS}; otherwise
 * {@link LogFilter#ANY}), and whether pending transactions are wanted in full rather than as hashes.
 */
public record SubscriptionRequest(SubscriptionKind kind, LogFilter logFilter, boolean fullTransactions) {
    public SubscriptionRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(logFilter, "logFilter");
    }
}
