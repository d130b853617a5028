package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * The {@code params} of one call, with readers that turn a bad argument into a precise -32602
 * ("invalid argument 1: hex number with leading zero digits"). Ethereum methods take positional arguments; a
 * handler that wants named ones reads {@link #raw()}.
 */
public final class RpcParams {
    /** Decodes one JSON value or throws {@link InvalidEncodingException}. */
    @FunctionalInterface
    public interface Decoder<T> extends Function<JsonNode, T> {}

    public static final Decoder<BigInteger> QUANTITY = RpcEncoding::decodeQuantity;
    public static final Decoder<Long> QUANTITY_LONG = RpcEncoding::decodeQuantityAsLong;
    public static final Decoder<UInt256> UINT256 = RpcEncoding::decodeQuantityAsUInt256;
    public static final Decoder<byte[]> DATA = RpcEncoding::decodeData;
    public static final Decoder<Address> ADDRESS = RpcEncoding::decodeAddress;
    public static final Decoder<Hash> HASH = RpcEncoding::decodeHash;
    public static final Decoder<BlockSelector> BLOCK = RpcEncoding::decodeBlockSelector;
    public static final Decoder<Boolean> BOOLEAN = RpcEncoding::decodeBoolean;
    public static final Decoder<JsonNode> OBJECT = node -> {
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected an object, got " + RpcEncoding.describe(node));
        }
        return node;
    };
    public static final Decoder<String> STRING = node -> {
        if (!node.isTextual()) {
            throw new InvalidEncodingException("expected a string, got " + RpcEncoding.describe(node));
        }
        return node.textValue();
    };

    private final JsonNode params;

    /** {@code params} is the request member as sent: an array, an object, or missing/null for none. */
    public RpcParams(JsonNode params) {
        this.params = params == null || params.isNull() ? MissingNode.getInstance() : params;
        if (!this.params.isMissingNode() && !this.params.isArray() && !this.params.isObject()) {
            throw new IllegalArgumentException("params must be an array or an object");
        }
    }

    public static RpcParams of(JsonNode params) {
        return new RpcParams(params);
    }

    /** The params as sent (an array, an object, or a missing node). */
    public JsonNode raw() {
        return params;
    }

    /** Number of positional arguments. */
    public int size() {
        return params.isArray() ? params.size() : 0;
    }

    /** Fails with geth's "too many arguments" when more than {@code max} positional arguments were sent. */
    public RpcParams requireAtMost(int max) {
        requirePositional();
        if (size() > max) {
            throw new RpcError.InvalidParams("too many arguments, want at most " + max).toException();
        }
        return this;
    }

    /** Argument {@code index}, decoded; missing or null is an error. */
    public <T> T required(int index, Decoder<T> decoder) {
        return optional(index, decoder).orElseThrow(() ->
                new RpcError.InvalidParams("missing value for required argument " + index).toException());
    }

    /** Argument {@code index}, decoded; empty when absent or null (trailing optional arguments may be omitted). */
    public <T> Optional<T> optional(int index, Decoder<T> decoder) {
        requirePositional();
        JsonNode node = params.path(index);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.apply(node));
        } catch (InvalidEncodingException e) {
            throw new RpcError.InvalidParams("invalid argument " + index + ": " + e.getMessage()).toException();
        }
    }

    /** Field {@code name} of object argument {@code index}, decoded; empty when absent or null. */
    public <T> Optional<T> optionalField(int index, String name, Decoder<T> decoder) {
        JsonNode object = required(index, OBJECT);
        JsonNode node = object.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.apply(node));
        } catch (InvalidEncodingException e) {
            throw new RpcError.InvalidParams("invalid argument " + index + ": " + name + ": " + e.getMessage())
                    .toException();
        }
    }

    /** Field {@code name} of object argument {@code index}, decoded; missing or null is an error. */
    public <T> T requiredField(int index, String name, Decoder<T> decoder) {
        return optionalField(index, name, decoder).orElseThrow(() -> new RpcError.InvalidParams(
                "invalid argument " + index + ": missing required field '" + name + "'").toException());
    }

    private void requirePositional() {
        if (params.isObject()) {
            throw new RpcError.InvalidParams("params must be an array of positional arguments").toException();
        }
    }

    @Override
    public String toString() {
        return "RpcParams" + params;
    }
}
