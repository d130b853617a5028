package org.parkchain.rpc;

import java.util.Map;
import java.util.Objects;

/**
 * One part of the node that {@code /health} reports on: block production, the cluster, storage. {@code /health}
 * answers 200 when every check is healthy and 503 otherwise, with each check's detail and facts, so an operator (or
 * a load balancer) sees why — never "ok" from a node that stopped producing, applying or writing.
 */
public interface HealthCheck {
    /** A short stable name, the key in {@code /health}'s {@code checks} object ("production", "cluster", "storage"). */
    String name();

    /** The current status; called on a worker thread for every {@code /health} request, so keep it cheap. */
    Status check();

    /**
     * @param healthy whether this part works as it should
     * @param detail one line for people: "ok", or what is wrong ("diverged at block 12: ...")
     * @param facts values for programs (role, term, lag, last block age), shown as JSON
     */
    record Status(boolean healthy, String detail, Map<String, Object> facts) {
        public Status {
            Objects.requireNonNull(detail, "detail");
            facts = Map.copyOf(facts);
        }

        public static Status ok(Map<String, Object> facts) {
            return new Status(true, "ok", facts);
        }

        public static Status failing(String detail, Map<String, Object> facts) {
            return new Status(false, detail, facts);
        }
    }
}
