package org.parkchain.rpc.eth;

import org.parkchain.chain.TransactionResult;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcException;

/** The errors the eth_* methods answer with, in geth's words. */
final class EthErrors {
    private EthErrors() {}

    static RpcException serverError(String message) {
        return RpcError.ServerError.of(message).toException();
    }

    static RpcException invalidParams(String message) {
        return new RpcError.InvalidParams(message).toException();
    }

    /** geth's wording for a transaction the state refuses: the reason's text, the same the pool answers with. */
    static String rejection(TransactionResult.Rejected r) {
        return r.reason().text();
    }
}
