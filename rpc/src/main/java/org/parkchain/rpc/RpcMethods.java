package org.parkchain.rpc;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The methods the server answers, by name. Safe to fill before or after the server starts; lookups take no lock.
 */
public final class RpcMethods {
    /** Answered by the server itself because they belong to a WebSocket connection, not to the chain. */
    static final String SUBSCRIBE = "eth_subscribe";
    static final String UNSUBSCRIBE = "eth_unsubscribe";

    /** {@code namespace_method}; the method part may itself hold underscores ({@code eth_signTypedData_v4}). */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*_[A-Za-z0-9]+(_[A-Za-z0-9]+)*");

    private final ConcurrentMap<String, RpcMethod> byName = new ConcurrentHashMap<>();

    /**
     * Registers {@code method} under {@code name} ({@code namespace_methodName}, as {@code eth_chainId}).
     *
     * @throws IllegalArgumentException when the name is malformed, reserved, or already taken
     */
    public RpcMethods register(String name, RpcMethod method) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an RPC method name is namespace_method, got " + name);
        }
        if (name.equals(SUBSCRIBE) || name.equals(UNSUBSCRIBE)) {
            throw new IllegalArgumentException(name + " is provided by the server; publish through a SubscriptionSource");
        }
        if (byName.putIfAbsent(name, java.util.Objects.requireNonNull(method, "method")) != null) {
            throw new IllegalArgumentException("RPC method " + name + " is already registered");
        }
        return this;
    }

    /**
     * Registers {@code method} under {@code name}, answering geth's "too many arguments, want at most N" before it
     * runs when more than {@code maxParams} positional arguments are sent (and an error for named params).
     */
    public RpcMethods register(String name, int maxParams, RpcMethod method) {
        if (maxParams < 0) {
            throw new IllegalArgumentException("maxParams must not be negative, got " + maxParams);
        }
        java.util.Objects.requireNonNull(method, "method");
        return register(name, params -> method.call(params.requireAtMost(maxParams)));
    }

    public Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }
}
