package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;
import java.util.Optional;
import org.parkchain.primitives.Hex;

/**
 * The errors a JSON-RPC call can end with, with the codes geth uses so that ethers.js, web3j and wallets
 * recognise them. A method handler reports one by throwing {@link RpcException}: {@code throw
 * new RpcError.ServerError(-32000, "nonce too low").toException()}.
 */
public sealed interface RpcError {

    int code();

    String message();

    /** The optional {@code data} member of the error object. */
    default Optional<JsonNode> data() {
        return Optional.empty();
    }

    default RpcException toException() {
        return new RpcException(this);
    }

    /** -32700: the body is not JSON. */
    record ParseError(String detail) implements RpcError {
        public ParseError {
            Objects.requireNonNull(detail, "detail");
        }

        public int code() {
            return -32700;
        }

        public String message() {
            return "parse error: " + detail;
        }
    }

    /** -32600: JSON, but not a JSON-RPC 2.0 request (or an empty or oversized batch). */
    record InvalidRequest(String message) implements RpcError {
        public InvalidRequest {
            Objects.requireNonNull(message, "message");
        }

        public int code() {
            return -32600;
        }
    }

    /** -32601, worded as geth words it because some tools match on the text. */
    record MethodNotFound(String method) implements RpcError {
        public MethodNotFound {
            Objects.requireNonNull(method, "method");
        }

        public int code() {
            return -32601;
        }

        public String message() {
            return "the method " + method + " does not exist/is not available";
        }
    }

    /** -32602: says which argument and what was expected. */
    record InvalidParams(String message) implements RpcError {
        public InvalidParams {
            Objects.requireNonNull(message, "message");
        }

        public int code() {
            return -32602;
        }
    }

    /** -32603: a fault of ours; the message must not leak internals. */
    record InternalError(String message) implements RpcError {
        public InternalError {
            Objects.requireNonNull(message, "message");
        }

        public int code() {
            return -32603;
        }
    }

    /**
     * The implementation-defined range -32000..-32099: -32000 for rejected transactions ("nonce too low",
     * "insufficient funds for gas * price + value"), -32002 for timeouts, -32005 for exceeded limits.
     */
    record ServerError(int code, String message, Optional<JsonNode> data) implements RpcError {
        public static final int GENERIC = -32000;
        public static final int NOTIFICATIONS_UNSUPPORTED = -32001;
        public static final int TIMEOUT = -32002;
        public static final int LIMIT_EXCEEDED = -32005;

        public ServerError {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(data, "data");
            if (code > -32000 || code < -32099) {
                throw new IllegalArgumentException("server error codes are -32099..-32000, got " + code);
            }
        }

        public ServerError(int code, String message) {
            this(code, message, Optional.empty());
        }

        /** -32000 with {@code message}: the code geth uses for transaction rejections. */
        public static ServerError of(String message) {
            return new ServerError(GENERIC, message);
        }
    }

    /**
     * An error whose code a method's own specification fixes outside the ranges above: eth_simulateV1's -38010
     * ({@code nonce too low}) … -38026 ({@code too many blocks}), as geth answers them.
     */
    record MethodError(int code, String message) implements RpcError {
        public MethodError {
            Objects.requireNonNull(message, "message");
            if (code >= -32768 && code <= -32000) {
                throw new IllegalArgumentException("code " + code + " is reserved by JSON-RPC; use the matching error");
            }
        }
    }

    /**
     * Code 3: an {@code eth_call} or gas estimate reverted. {@code data} carries the raw revert output so that
     * tools can decode custom errors; {@code reason} is the decoded {@code Error(string)} when there is one.
     */
    record ExecutionReverted(Optional<String> reason, byte[] output) implements RpcError {
        public ExecutionReverted {
            Objects.requireNonNull(reason, "reason");
            output = output.clone();
        }

        public int code() {
            return 3;
        }

        public String message() {
            return reason.map(r -> "execution reverted: " + r).orElse("execution reverted");
        }

        @Override
        public byte[] output() {
            return output.clone();
        }

        @Override
        public Optional<JsonNode> data() {
            return Optional.of(TextNode.valueOf(Hex.encode(output)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExecutionReverted e && reason.equals(e.reason)
                    && java.util.Arrays.equals(output, e.output);
        }

        @Override
        public int hashCode() {
            return 31 * reason.hashCode() + java.util.Arrays.hashCode(output);
        }

        @Override
        public String toString() {
            return "ExecutionReverted[" + message() + ", data=" + Hex.encode(output) + "]";
        }
    }
}
