package org.parkchain.primitives.abi;

import java.util.ArrayList;
import java.util.List;

/** Recursive descent over canonical type strings; depth and length are bounded so hostile strings fail fast. */
final class TypeParser {
    static final int MAX_LENGTH = 4096;
    static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;
    private int depth;

    private TypeParser(String text) {
        this.text = text;
    }

    static AbiType parseType(String text) {
        TypeParser p = start(text);
        AbiType type = p.type();
        p.expectEnd();
        return type;
    }

    private static TypeParser start(String text) {
        if (text == null) {
            throw new InvalidAbiTypeException("ABI type is missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidAbiTypeException("ABI type string is " + text.length() + " characters; at most "
                    + MAX_LENGTH + " are accepted");
        }
        return new TypeParser(text);
    }

    private AbiType type() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        AbiType type = pos < text.length() && text.charAt(pos) == '(' ? tuple() : elementary();
        while (pos < text.length() && text.charAt(pos) == '[') {
            pos++;
            int digitsFrom = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(digitsFrom, pos);
            if (pos >= text.length() || text.charAt(pos) != ']') {
                throw error("an array dimension is [] or [k]");
            }
            pos++;
            if (digits.isEmpty()) {
                try {
                    type = new AbiType.DynamicArray(type);
                } catch (InvalidAbiTypeException e) {
                    throw error(e.getMessage());
                }
            } else {
                if (digits.length() > 9 || (digits.length() > 1 && digits.charAt(0) == '0')) {
                    throw error("array length " + digits + " is not a canonical length below 10^9");
                }
                try {
                    type = new AbiType.FixedArray(type, Integer.parseInt(digits));
                } catch (InvalidAbiTypeException e) {
                    throw error(e.getMessage());
                }
            }
        }
        depth--;
        return type;
    }

    private AbiType tuple() {
        pos++; // '('
        List<AbiType> components = new ArrayList<>();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            // The empty tuple is a function's empty argument list; as a component it would make arrays of
            // zero-sized elements, which a decoder could be asked to materialise 2^64 of.
            if (depth > 1) {
                throw error("an empty tuple () is only allowed as a whole argument list");
            }
            return AbiType.TupleType.EMPTY;
        }
        components.add(type());
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            components.add(type());
        }
        if (pos >= text.length() || text.charAt(pos) != ')') {
            throw error("a tuple's components are separated by ',' and closed by ')'");
        }
        pos++;
        try {
            return new AbiType.TupleType(components);
        } catch (InvalidAbiTypeException e) {
            throw error(e.getMessage());
        }
    }

    private AbiType elementary() {
        int from = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(from, pos);
        switch (name) {
            case "address":
                return AbiType.AddressType.INSTANCE;
            case "bool":
                return AbiType.Bool.INSTANCE;
            case "bytes":
                return AbiType.Bytes.INSTANCE;
            case "string":
                return AbiType.Str.INSTANCE;
            case "uint":
            case "int":
                throw error("\"" + name + "\" is an alias; the canonical name is " + name + "256");
            case "":
                throw error("a type is expected");
            default:
                break;
        }
        if (name.startsWith("uint")) {
            return new AbiType.UInt(size(name, 4, false));
        }
        if (name.startsWith("int")) {
            return new AbiType.Int(size(name, 3, false));
        }
        if (name.startsWith("bytes")) {
            return new AbiType.FixedBytes(size(name, 5, true));
        }
        if (name.startsWith("fixed") || name.startsWith("ufixed") || name.equals("function")) {
            throw error("type " + name + " is not supported");
        }
        throw error("unknown type \"" + name + "\"");
    }

    /** The N of uintN/intN (a multiple of 8 in 8..256) or bytesN (1..32), canonical digits only. */
    private int size(String name, int prefix, boolean bytes) {
        String digits = name.substring(prefix);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.charAt(0) == '0') {
            throw error("unknown type \"" + name + "\"");
        }
        int n = Integer.parseInt(digits);
        if (bytes ? n > 32 : n > 256 || n % 8 != 0) {
            throw error("\"" + name + "\": " + (bytes ? "bytesN has N in 1..32" : "the size is a multiple of 8 in 8..256"));
        }
        return n;
    }

    private void expectEnd() {
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
    }

    private InvalidAbiTypeException error(String why) {
        return new InvalidAbiTypeException("invalid ABI type \"" + text + "\" at position " + pos + ": " + why);
    }
}
