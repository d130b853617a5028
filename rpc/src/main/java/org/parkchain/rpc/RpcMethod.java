package org.parkchain.rpc;

/**
 * One JSON-RPC method. It runs on a worker thread, so it may block on storage, but it must honour
 * interruption if it can run long: a call past its timeout is answered with an error and then interrupted.
 */
@FunctionalInterface
public interface RpcMethod {
    /**
     * @return the result: a {@link com.fasterxml.jackson.databind.JsonNode}, a String such as
     *     {@code RpcEncoding.quantity(n)}, a value Jackson can serialise, or {@code null} for JSON null
     * @throws RpcException for an answer that is an error (invalid params, nonce too low, reverted)
     */
    Object call(RpcParams params) throws Exception;
}
