package org.parkchain.primitives.rlp;

import java.util.Arrays;

/** A view of bytes inside a larger array, so decoding need not copy; {@link #toArray()} copies when needed. */
public record RlpSlice(byte[] data, int offset, int length) {
    public byte[] toArray() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    public byte get(int i) {
        return data[offset + i];
    }
}
