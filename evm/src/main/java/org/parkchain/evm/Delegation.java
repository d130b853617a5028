package org.parkchain.evm;

import java.util.Optional;
import org.parkchain.primitives.Address;

/**
 * EIP-7702's delegation designator: the 23 bytes {@code 0xef0100 ‖ address} an authorization writes as an account's
 * code. Calls to such an account run the code at {@code address}; EXTCODESIZE, EXTCODECOPY and EXTCODEHASH still
 * see the designator itself. The 0xef prefix is one EIP-3541 forbids deployed code to start with, so no contract can
 * pose as a delegation.
 */
public final class Delegation {
    /** The designator's prefix. */
    private static final byte[] PREFIX = {(byte) 0xef, 0x01, 0x00};
    /** Length of a designator: the prefix and a 20-byte address. */
    public static final int SIZE = PREFIX.length + Address.SIZE;

    private Delegation() {}

    /** The code that delegates to {@code target}. */
    public static byte[] designator(Address target) {
        byte[] code = new byte[SIZE];
        System.arraycopy(PREFIX, 0, code, 0, PREFIX.length);
        System.arraycopy(target.bytesUnsafe(), 0, code, PREFIX.length, Address.SIZE);
        return code;
    }

    /** The address {@code code} delegates to, when it is a designator. */
    public static Optional<Address> target(byte[] code) {
        if (!isDesignator(code)) return Optional.empty();
        byte[] a = new byte[Address.SIZE];
        System.arraycopy(code, PREFIX.length, a, 0, Address.SIZE);
        return Optional.of(Address.of(a));
    }

    public static boolean isDesignator(byte[] code) {
        return code.length == SIZE && code[0] == PREFIX[0] && code[1] == PREFIX[1] && code[2] == PREFIX[2];
    }
}
