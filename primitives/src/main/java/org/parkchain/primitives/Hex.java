package org.parkchain.primitives;

/**
 * The one hex codec of the project. Encodes with a {@code 0x} prefix in lower case; decodes strictly:
 * an optional {@code 0x}/{@code 0X} prefix, then an even number of hex digits.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** {@code 0x}-prefixed lower-case hex of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return "0x" + encodeNoPrefix(bytes, 0, bytes.length);
    }

    /** Lower-case hex of {@code bytes}, without a prefix. */
    public static String encodeNoPrefix(byte[] bytes) {
        return encodeNoPrefix(bytes, 0, bytes.length);
    }

    public static String encodeNoPrefix(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes hex with or without a {@code 0x} prefix.
     *
     * @throws InvalidHexException on odd length or a character that is not a hex digit
     */
    public static byte[] decode(String hex) {
        if (hex == null) {
            throw new InvalidHexException("hex string is missing");
        }
        int start = hasPrefix(hex) ? 2 : 0;
        int digits = hex.length() - start;
        if ((digits & 1) != 0) {
            throw new InvalidHexException("hex string has an odd number of digits (" + digits + ")");
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex, start + 2 * i);
            int lo = digit(hex, start + 2 * i + 1);
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Whether {@code s} starts with {@code 0x} or {@code 0X}. */
    public static boolean hasPrefix(String s) {
        return s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
    }

    private static int digit(String s, int index) {
        char c = s.charAt(index);
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new InvalidHexException("invalid hex character '" + c + "' at position " + index);
        }
        return d;
    }
}
