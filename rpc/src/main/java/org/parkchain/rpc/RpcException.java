package org.parkchain.rpc;

import java.util.Objects;

/**
 * How a method handler ends a call with a JSON-RPC error. It carries no stack trace: these are expected outcomes
 * (bad params, nonce too low), thrown often under load, not faults to debug.
 */
public final class RpcException extends RuntimeException {
    private final transient RpcError error;

    public RpcException(RpcError error) {
        super(Objects.requireNonNull(error, "error").message(), null, false, false);
        this.error = error;
    }

    public RpcError error() {
        return error;
    }
}
