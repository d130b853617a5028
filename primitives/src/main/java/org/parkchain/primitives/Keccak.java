package org.parkchain.primitives;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding 0x01…0x80, not NIST SHA3-256's 0x06): a sponge with
 * a 136-byte rate over {@link KeccakF1600}. Lanes are read and written little-endian, 8 bytes at a time.
 */
public final class Keccak {
    private static final int RATE = 136;
    private static final int RATE_LANES = RATE / 8;
    private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Keccak() {}

    public static byte[] keccak256(byte[] data) {
        return keccak256(data, 0, data.length);
    }

    public static byte[] keccak256(byte[] data, int offset, int length) {
        long[] state = sponge(data, offset, length);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) LANE.set(out, 8 * i, state[i]);
        return out;
    }

    /**
     * The digest as a 256-bit word, read big-endian as the EVM reads it, written as four limbs least significant
     * first at {@code limbs[at..at+3]} (the EVM stack's layout): KECCAK256 puts it on the stack with no byte array
     * in between. The digest's first 8 bytes are lane 0 little-endian, so the top limb is lane 0 byte-reversed.
     */
    public static void keccak256(byte[] data, int offset, int length, long[] limbs, int at) {
        long[] state = sponge(data, offset, length);
        limbs[at + 3] = Long.reverseBytes(state[0]);
        limbs[at + 2] = Long.reverseBytes(state[1]);
        limbs[at + 1] = Long.reverseBytes(state[2]);
        limbs[at] = Long.reverseBytes(state[3]);
    }

    /**
     * Absorbs the input and its padding and permutes the last block; the digest is the first 32 bytes of the
     * returned state. The tail is absorbed lane by lane from the input itself (the last, partial lane assembled
     * byte by byte), so no padded copy of the last block is made.
     */
    private static long[] sponge(byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        long[] state = new long[25];
        int at = offset, end = offset + length;
        for (; end - at >= RATE; at += RATE) {
            for (int i = 0; i < RATE_LANES; i++) state[i] ^= (long) LANE.get(data, at + 8 * i);
            KeccakF1600.permute(state);
        }
        int lanes = (end - at) >>> 3;
        for (int i = 0; i < lanes; i++) state[i] ^= (long) LANE.get(data, at + 8 * i);
        int from = at + 8 * lanes, rest = end - from;
        long last = 0;
        for (int k = 0; k < rest; k++) last |= (data[from + k] & 0xffL) << (8 * k);
        state[lanes] ^= last | (0x01L << (8 * rest)); // the padding's first byte right after the data
        state[RATE_LANES - 1] ^= 0x80L << 56; // and its last byte at the end of the block (both may be one byte)
        KeccakF1600.permute(state);
        return state;
    }

    public static Hash hash(byte[] data) {
        return Hash.wrap(keccak256(data));
    }
}
