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
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        long[] state = new long[25];
        int at = offset, end = offset + length;
        for (; end - at >= RATE; at += RATE) {
            for (int i = 0; i < RATE_LANES; i++) state[i] ^= (long) LANE.get(data, at + 8 * i);
            KeccakF1600.permute(state);
        }
        byte[] last = new byte[RATE];
        System.arraycopy(data, at, last, 0, end - at);
        last[end - at] ^= 0x01;
        last[RATE - 1] ^= (byte) 0x80;
        for (int i = 0; i < RATE_LANES; i++) state[i] ^= (long) LANE.get(last, 8 * i);
        KeccakF1600.permute(state);
        byte[] out = new byte[32];
        for (int i = 0; i < 4; i++) LANE.set(out, 8 * i, state[i]);
        return out;
    }

    public static Hash hash(byte[] data) {
        return Hash.wrap(keccak256(data));
    }
}
