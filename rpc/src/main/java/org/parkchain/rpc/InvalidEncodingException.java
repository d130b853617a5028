package org.parkchain.rpc;

/**
 * A JSON value is not the Ethereum JSON-RPC encoding it should be. The message says what is wrong with the value
 * alone; {@link RpcParams} adds which argument it was.
 */
public final class InvalidEncodingException extends IllegalArgumentException {
    public InvalidEncodingException(String message) {
        super(message, null);
    }
}
