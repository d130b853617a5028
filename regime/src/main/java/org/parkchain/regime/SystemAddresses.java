package org.parkchain.regime;

import org.parkchain.primitives.Address;

/** The one place that knows where the park's system contracts live. */
public final class SystemAddresses {
    public static final Address REGISTRY = Address.fromLong(0x1000);
    public static final Address TOKEN_FACTORY = Address.fromLong(0x1001);
    public static final Address OFFERINGS = Address.fromLong(0x1002);
    public static final Address EXCHANGE = Address.fromLong(0x1003);

    /** 0x…1000 to 0x…10ff are the park's: the four above and room for later ones. */
    private static final long FIRST = 0x1000;
    private static final long LAST = 0x10ff;

    private SystemAddresses() {}

    /** Whether {@code address} is in the range reserved for system contracts. */
    public static boolean isReserved(Address address) {
        byte[] b = address.bytesUnsafe();
        for (int i = 0; i < Address.SIZE - 2; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        int low = (b[Address.SIZE - 2] & 0xff) << 8 | (b[Address.SIZE - 1] & 0xff);
        return low >= FIRST && low <= LAST;
    }
}
