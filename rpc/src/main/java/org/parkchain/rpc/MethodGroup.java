package org.parkchain.rpc;

/**
 * A set of RPC methods that belong together (state reads, blocks, calls, fees, …) and register themselves. Each
 * declares its methods' parameter counts where it registers them, with
 * {@link RpcMethods#register(String, int, RpcMethod)}.
 */
public interface MethodGroup {
    void registerInto(RpcMethods methods);
}
