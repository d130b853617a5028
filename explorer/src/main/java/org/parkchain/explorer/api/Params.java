package org.parkchain.explorer.api;

import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.ReadApi;

/** The data API's parameters, each checked at the edge: a bad one is a 400 naming it, and changes nothing. */
final class Params {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    private Params() {}

    static int limit(ReadApi.Request request) {
        Optional<String> raw = request.param("limit");
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit: not a whole number: '" + shorten(raw.get()) + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    static Optional<String> cursor(ReadApi.Request request) {
        Optional<String> c = request.param("cursor");
        if (c.isPresent() && !c.get().matches("[0-9a-f]{1,200}")) {
            throw new IllegalArgumentException("cursor: use the 'next' value of the previous page (lower-case hex)");
        }
        return c;
    }

    static Address address(String text) {
        if (!text.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("address: want 0x and 40 hex digits, got '" + shorten(text) + "'");
        }
        try {
            return Address.fromHex(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("address: " + e.getMessage());
        }
    }

    static Hash hash(String text) {
        if (!text.matches("0x[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("hash: want 0x and 64 hex digits, got '" + shorten(text) + "'");
        }
        return Hash.fromHex(text);
    }

    static long blockNumber(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("block: want a block number or a 0x-prefixed 64-digit hash, got '"
                    + shorten(text) + "'");
        }
        return Long.parseLong(text);
    }

    static long number(String name, String text, long min, long max) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException(name + ": not a whole number: '" + shorten(text) + "'");
        }
        long n = Long.parseLong(text);
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** User text echoed in an error, cut short so an error never carries a large payload back. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
