package org.parkchain.chain;

import java.util.Arrays;
import java.util.Collection;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;

/**
 * The 2048-bit logs bloom of a receipt or a block header (Yellow Paper 4.3.1): for the address and every topic of
 * every log, three bits chosen by the first three 11-bit pairs of its Keccak-256 hash. Immutable.
 */
public final class Bloom {
    public static final int SIZE = 256;
    public static final Bloom EMPTY = new Bloom(new byte[SIZE]);

    private final byte[] bits;

    private Bloom(byte[] bits) {
        this.bits = bits;
    }

    /** The bloom of exactly 256 bytes. */
    public static Bloom of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a logs bloom is " + SIZE + " bytes, got " + bytes.length);
        }
        return new Bloom(bytes.clone());
    }

    /** The bloom of a set of logs (one receipt's). */
    public static Bloom ofLogs(Collection<Log> logs) {
        if (logs.isEmpty()) {
            return EMPTY;
        }
        byte[] bits = new byte[SIZE];
        for (Log log : logs) {
            add(bits, log.address().bytesUnsafe());
            for (Hash topic : log.topics()) {
                add(bits, topic.bytesUnsafe());
            }
        }
        return new Bloom(bits);
    }

    /** The bloom of raw values (addresses or topics), for tests against published vectors. */
    static Bloom ofValues(Collection<byte[]> values) {
        byte[] bits = new byte[SIZE];
        for (byte[] v : values) {
            add(bits, v);
        }
        return new Bloom(bits);
    }

    /** The union of blooms (a block's bloom is the union of its receipts'). */
    public static Bloom union(Collection<Bloom> blooms) {
        byte[] bits = new byte[SIZE];
        for (Bloom b : blooms) {
            for (int i = 0; i < SIZE; i++) {
                bits[i] |= b.bits[i];
            }
        }
        return new Bloom(bits);
    }

    /** Whether {@code value} (an address or a topic) may be in the logs: false means surely absent. */
    public boolean mayContain(byte[] value) {
        byte[] probe = new byte[SIZE];
        add(probe, value);
        for (int i = 0; i < SIZE; i++) {
            if ((probe[i] & bits[i]) != probe[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        for (byte b : bits) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public byte[] toArray() {
        return bits.clone();
    }

    /** The internal array, not to be modified: for encoders. */
    byte[] bytesUnsafe() {
        return bits;
    }

    private static void add(byte[] bits, byte[] value) {
        byte[] h = Keccak.keccak256(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
            // Bit 0 is the lowest bit of the last byte: the bloom is one big-endian 2048-bit number.
            bits[SIZE - 1 - (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bloom b && Arrays.equals(bits, b.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return Hex.encode(bits);
    }
}
