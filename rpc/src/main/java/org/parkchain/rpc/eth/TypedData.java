package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.rpc.InvalidEncodingException;

/**
 * EIP-712 typed structured data, as eth_signTypedData_v4 receives it ({@code {types, primaryType, domain, message}}):
 * {@link #hash()} is the digest that is signed, {@code keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))}.
 * Version 4 of the encoding: arrays of any type, structs nested in structs. When {@code types} has no
 * {@code EIP712Domain}, it is made from the fields the domain has, in the EIP's order.
 */
public final class TypedData {
    private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d*)]$");
    private static final Pattern INTEGER = Pattern.compile("^(u?)int(\\d*)$");
    private static final Pattern FIXED_BYTES = Pattern.compile("^bytes(\\d+)$");
    private static final List<String[]> DOMAIN_FIELDS = List.of(new String[] {"name", "string"},
            new String[] {"version", "string"}, new String[] {"chainId", "uint256"},
            new String[] {"verifyingContract", "address"}, new String[] {"salt", "bytes32"});

    private record Field(String name, String type) {}

    private final Map<String, List<Field>> types = new LinkedHashMap<>();
    private final String primaryType;
    private final JsonNode domain;
    private final JsonNode message;

    private TypedData(String primaryType, JsonNode domain, JsonNode message) {
        this.primaryType = primaryType;
        this.domain = domain;
        this.message = message;
    }

    /** Reads the JSON object (or a JSON string holding it, as MetaMask's callers send) and checks its types. */
    public static TypedData fromJson(JsonNode node) {
        if (node.isTextual()) {
            try {
                node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(node.textValue());
            } catch (java.io.IOException e) {
                throw new InvalidEncodingException("typed data is not valid JSON: " + e.getMessage());
            }
        }
        if (!node.isObject()) {
            throw new InvalidEncodingException("expected typed data: an object with types, primaryType, domain, message");
        }
        JsonNode types = node.path("types");
        JsonNode primary = node.path("primaryType");
        JsonNode domain = node.path("domain");
        JsonNode message = node.path("message");
        if (!types.isObject() || !primary.isTextual() || !domain.isObject() || !message.isObject()) {
            throw new InvalidEncodingException("typed data needs types (object), primaryType (string), domain (object) "
                    + "and message (object)");
        }
        TypedData data = new TypedData(primary.textValue(), domain, message);
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new InvalidEncodingException("types." + e.getKey() + ": expected an array of {name, type}");
            }
            List<Field> fields = new ArrayList<>();
            for (JsonNode f : e.getValue()) {
                if (!f.path("name").isTextual() || !f.path("type").isTextual()) {
                    throw new InvalidEncodingException("types." + e.getKey() + ": every field needs a name and a type");
                }
                fields.add(new Field(f.get("name").textValue(), f.get("type").textValue()));
            }
            data.types.put(e.getKey(), fields);
        }
        if (!data.types.containsKey("EIP712Domain")) {
            List<Field> fields = new ArrayList<>();
            for (String[] f : DOMAIN_FIELDS) {
                if (domain.has(f[0])) {
                    fields.add(new Field(f[0], f[1]));
                }
            }
            data.types.put("EIP712Domain", fields);
        }
        if (!data.types.containsKey(data.primaryType)) {
            throw new InvalidEncodingException("primaryType " + data.primaryType + " is not among the types");
        }
        for (Map.Entry<String, List<Field>> e : data.types.entrySet()) {
            for (Field f : e.getValue()) {
                data.requireKnown(e.getKey() + "." + f.name(), f.type());
            }
        }
        return data;
    }

    /** The digest to sign. */
    public Hash hash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x19);
        out.write(0x01);
        out.writeBytes(hashStruct("EIP712Domain", domain, "domain"));
        out.writeBytes(hashStruct(primaryType, message, "message"));
        return Keccak.hash(out.toByteArray());
    }

    private void requireKnown(String where, String type) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            requireKnown(where, array.group(1));
        } else if (!types.containsKey(type) && !isAtomic(type)) {
            throw new InvalidEncodingException(where + ": unknown type " + type);
        }
    }

    private static boolean isAtomic(String type) {
        if (type.equals("address") || type.equals("bool") || type.equals("string") || type.equals("bytes")) {
            return true;
        }
        Matcher i = INTEGER.matcher(type);
        if (i.matches()) {
            int bits = i.group(2).isEmpty() ? 256 : Integer.parseInt(i.group(2));
            return bits >= 8 && bits <= 256 && bits % 8 == 0;
        }
        Matcher b = FIXED_BYTES.matcher(type);
        return b.matches() && Integer.parseInt(b.group(1)) >= 1 && Integer.parseInt(b.group(1)) <= 32;
    }

    /** {@code encodeType}: the primary type, then every struct it refers to, sorted by name. */
    String encodeType(String type) {
        TreeSet<String> referenced = new TreeSet<>();
        collect(type, referenced);
        referenced.remove(type);
        StringBuilder sb = new StringBuilder(signature(type));
        referenced.forEach(t -> sb.append(signature(t)));
        return sb.toString();
    }

    private void collect(String type, TreeSet<String> into) {
        String base = baseType(type);
        if (!types.containsKey(base) || !into.add(base)) {
            return;
        }
        types.get(base).forEach(f -> collect(f.type(), into));
    }

    private static String baseType(String type) {
        Matcher array = ARRAY.matcher(type);
        return array.matches() ? baseType(array.group(1)) : type;
    }

    private String signature(String type) {
        StringBuilder sb = new StringBuilder(type).append('(');
        List<Field> fields = types.get(type);
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(fields.get(i).type()).append(' ').append(fields.get(i).name());
        }
        return sb.append(')').toString();
    }

    private byte[] hashStruct(String type, JsonNode value, String where) {
        if (!value.isObject()) {
            throw new InvalidEncodingException(where + ": expected an object of type " + type);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Keccak.keccak256(encodeType(type).getBytes(StandardCharsets.UTF_8)));
        for (Field f : types.get(type)) {
            JsonNode v = value.get(f.name());
            if (v == null || v.isNull()) {
                throw new InvalidEncodingException(where + "." + f.name() + ": missing");
            }
            out.writeBytes(encodeValue(f.type(), v, where + "." + f.name()));
        }
        return Keccak.keccak256(out.toByteArray());
    }

    private byte[] encodeValue(String type, JsonNode v, String where) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            if (!v.isArray()) {
                throw new InvalidEncodingException(where + ": expected an array");
            }
            if (!array.group(2).isEmpty() && v.size() != Integer.parseInt(array.group(2))) {
                throw new InvalidEncodingException(where + ": expected " + array.group(2) + " items, got " + v.size());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < v.size(); i++) {
                out.writeBytes(encodeValue(array.group(1), v.get(i), where + "[" + i + "]"));
            }
            return Keccak.keccak256(out.toByteArray());
        }
        if (types.containsKey(type)) {
            return hashStruct(type, v, where);
        }
        return switch (type) {
            case "string" -> Keccak.keccak256(text(v, where).getBytes(StandardCharsets.UTF_8));
            case "bytes" -> Keccak.keccak256(bytes(v, where));
            case "bool" -> word(BigInteger.valueOf(bool(v, where) ? 1 : 0));
            case "address" -> {
                byte[] a = bytes(v, where);
                if (a.length != 20) {
                    throw new InvalidEncodingException(where + ": an address is 20 bytes, got " + a.length);
                }
                yield leftPad(a);
            }
            default -> atomicNumberOrBytes(type, v, where);
        };
    }

    private static byte[] atomicNumberOrBytes(String type, JsonNode v, String where) {
        Matcher b = FIXED_BYTES.matcher(type);
        if (b.matches()) {
            int size = Integer.parseInt(b.group(1));
            byte[] data = bytes(v, where);
            if (data.length > size) {
                throw new InvalidEncodingException(where + ": " + type + " holds " + size + " bytes, got " + data.length);
            }
            byte[] out = new byte[32];
            System.arraycopy(data, 0, out, 0, data.length);
            return out;
        }
        Matcher i = INTEGER.matcher(type);
        if (!i.matches()) {
            throw new InvalidEncodingException(where + ": unknown type " + type);
        }
        boolean signed = i.group(1).isEmpty();
        int bits = i.group(2).isEmpty() ? 256 : Integer.parseInt(i.group(2));
        BigInteger n = integer(v, where);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw new InvalidEncodingException(where + ": " + n + " does not fit " + type);
        }
        return word(n.signum() < 0 ? n.add(BigInteger.ONE.shiftLeft(256)) : n);
    }

    private static BigInteger integer(JsonNode v, String where) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (v.isTextual()) {
            String t = v.textValue().trim();
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) {
                    return new BigInteger(t.substring(2), 16);
                }
                if (t.startsWith("-0x")) {
                    return new BigInteger(t.substring(3), 16).negate();
                }
                return new BigInteger(t);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new InvalidEncodingException(where + ": expected an integer (number, decimal or 0x string)");
    }

    private static boolean bool(JsonNode v, String where) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw new InvalidEncodingException(where + ": expected true or false");
    }

    private static String text(JsonNode v, String where) {
        if (!v.isTextual()) {
            throw new InvalidEncodingException(where + ": expected a string");
        }
        return v.textValue();
    }

    private static byte[] bytes(JsonNode v, String where) {
        String t = text(v, where);
        if (!Hex.hasPrefix(t)) {
            throw new InvalidEncodingException(where + ": expected 0x-prefixed hex");
        }
        try {
            return Hex.decode(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidEncodingException(where + ": " + e.getMessage());
        }
    }

    private static byte[] word(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] leftPad(byte[] b) {
        byte[] out = new byte[32];
        System.arraycopy(b, 0, out, 32 - b.length, b.length);
        return out;
    }
}
