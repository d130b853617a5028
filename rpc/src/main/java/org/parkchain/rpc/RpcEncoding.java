package org.parkchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.InvalidHexException;
import org.parkchain.primitives.UInt256;

/**
 * The one place that knows how Ethereum JSON-RPC writes values (the "hex value encoding" of the execution-apis
 * specification): a QUANTITY is {@code 0x} plus the shortest hex of a non-negative integer ({@code "0x0"} for
 * zero, no leading zeros); DATA is {@code 0x} plus an even number of hex digits. Decoders are as strict as geth's,
 * because a lenient node lets buggy clients believe they are correct.
 */
public final class RpcEncoding {
    private static final int MAX_QUANTITY_DIGITS = 64;

    private RpcEncoding() {}

    // ---- encoders for results ----

    public static String quantity(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a quantity is non-negative, got " + value);
        }
        return "0x" + Long.toHexString(value);
    }

    public static String quantity(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a quantity is non-negative, got " + value);
        }
        return "0x" + value.toString(16);
    }

    public static String quantity(UInt256 value) {
        return value.toHexQuantity();
    }

    public static String data(byte[] bytes) {
        return Hex.encode(bytes);
    }

    // ---- decoders for parameters ----

    /** A QUANTITY of at most 256 bits. */
    public static BigInteger decodeQuantity(JsonNode node) {
        String text = requireString(node, "a hex-encoded quantity");
        if (text.isEmpty()) {
            throw new InvalidEncodingException("empty hex string");
        }
        if (!Hex.hasPrefix(text)) {
            throw new InvalidEncodingException("hex string without 0x prefix");
        }
        String digits = text.substring(2);
        if (digits.isEmpty()) {
            throw new InvalidEncodingException("hex string \"0x\" has no digits (zero is \"0x0\")");
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new InvalidEncodingException("hex number with leading zero digits");
        }
        if (digits.length() > MAX_QUANTITY_DIGITS) {
            throw new InvalidEncodingException("hex number > 256 bits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new InvalidEncodingException("invalid hex character '" + digits.charAt(i) + "' in quantity");
            }
        }
        return new BigInteger(digits, 16);
    }

    /** A QUANTITY that fits a signed 64-bit integer: block numbers, nonces, gas. */
    public static long decodeQuantityAsLong(JsonNode node) {
        BigInteger value = decodeQuantity(node);
        if (value.bitLength() > 63) {
            throw new InvalidEncodingException("hex number > 63 bits");
        }
        return value.longValue();
    }

    public static UInt256 decodeQuantityAsUInt256(JsonNode node) {
        return UInt256.of(decodeQuantity(node));
    }

    /** DATA: {@code 0x} and an even number of hex digits; {@code "0x"} is the empty byte string. */
    public static byte[] decodeData(JsonNode node) {
        String text = requireString(node, "hex-encoded data");
        requirePrefix(text);
        try {
            return Hex.decode(text);
        } catch (InvalidHexException e) {
            throw new InvalidEncodingException(e.getMessage());
        }
    }

    /** A 20-byte address; mixed case must carry a valid EIP-55 checksum. */
    public static Address decodeAddress(JsonNode node) {
        String text = requireString(node, "a hex-encoded address");
        requirePrefix(text);
        try {
            return Address.fromHex(text);
        } catch (InvalidHexException e) {
            throw new InvalidEncodingException(e.getMessage());
        }
    }

    /** A 32-byte hash. */
    public static Hash decodeHash(JsonNode node) {
        String text = requireString(node, "a hex-encoded 32-byte hash");
        requirePrefix(text);
        try {
            return Hash.fromHex(text);
        } catch (InvalidHexException e) {
            throw new InvalidEncodingException(e.getMessage());
        }
    }

    public static boolean decodeBoolean(JsonNode node) {
        if (!node.isBoolean()) {
            throw new InvalidEncodingException("expected a boolean, got " + describe(node));
        }
        return node.booleanValue();
    }

    /**
     * A block parameter: a tag, a QUANTITY, or an EIP-1898 object {@code {"blockHash": h, "requireCanonical": b}}
     * or {@code {"blockNumber": n}}.
     */
    public static BlockSelector decodeBlockSelector(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (BlockSelector.Tag tag : BlockSelector.Tag.values()) {
                if (tag.jsonName().equals(text)) {
                    return tag;
                }
            }
            if (!Hex.hasPrefix(text)) {
                throw new InvalidEncodingException("expected a block number or one of latest, earliest, pending, "
                        + "safe, finalized; got \"" + abbreviate(text) + "\"");
            }
            return new BlockSelector.ByNumber(decodeQuantityAsLong(node));
        }
        if (node.isObject()) {
            JsonNode hash = node.get("blockHash");
            JsonNode number = node.get("blockNumber");
            if (hash != null && number != null) {
                throw new InvalidEncodingException("cannot specify both blockHash and blockNumber, choose one or the other");
            }
            if (hash != null) {
                JsonNode canonical = node.get("requireCanonical");
                boolean requireCanonical = canonical != null && !canonical.isNull() && field("requireCanonical",
                        () -> decodeBoolean(canonical));
                return new BlockSelector.ByHash(field("blockHash", () -> decodeHash(hash)), requireCanonical);
            }
            if (number != null) {
                if (node.has("requireCanonical")) {
                    throw new InvalidEncodingException("requireCanonical applies only with blockHash");
                }
                return field("blockNumber", () -> decodeBlockSelector(number));
            }
            throw new InvalidEncodingException("a block object needs blockHash or blockNumber");
        }
        throw new InvalidEncodingException("expected a block number, tag or {blockHash}/{blockNumber} object, got "
                + describe(node));
    }

    /** How a JSON value looks, for error messages: never the whole value, which may be megabytes. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string \"" + abbreviate(node.textValue()) + "\"";
            case NUMBER -> "number " + abbreviate(node.asText());
            case BOOLEAN -> "boolean " + node.booleanValue();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static String requireString(JsonNode node, String expected) {
        if (!node.isTextual()) {
            throw new InvalidEncodingException("expected " + expected + " string, got " + describe(node));
        }
        return node.textValue();
    }

    private static void requirePrefix(String text) {
        if (text.isEmpty()) {
            throw new InvalidEncodingException("empty hex string");
        }
        if (!Hex.hasPrefix(text)) {
            throw new InvalidEncodingException("hex string without 0x prefix");
        }
    }

    private static <T> T field(String name, java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (InvalidEncodingException e) {
            throw new InvalidEncodingException(name + ": " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
