package org.parkchain.regime.abi;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Builds ABI-encoded tuples (return data, event data, revert data) from the types the park's interfaces use:
 * static words in the head, dynamic values ({@code bytes}, {@code string}, arrays, dynamic tuples) as offsets in
 * the head pointing at their tails. Kept narrow and in one place until the codec of {@code primitives} lands.
 */
public final class AbiEncoder {
    private static final int WORD = 32;
    /** Per element: the head word, or null when the element is dynamic and its tail is in {@link #tails}. */
    private final List<byte[]> heads = new ArrayList<>();
    private final List<byte[]> tails = new ArrayList<>();

    public static AbiEncoder tuple() {
        return new AbiEncoder();
    }

    private AbiEncoder head(byte[] word) {
        heads.add(word);
        tails.add(null);
        return this;
    }

    private AbiEncoder dynamic(byte[] tail) {
        heads.add(null);
        tails.add(tail);
        return this;
    }

    public AbiEncoder uint(UInt256 v) {
        return head(v.toBytes32());
    }

    public AbiEncoder uint(long v) {
        return uint(UInt256.of(v));
    }

    public AbiEncoder address(Address a) {
        return head(a.toWord());
    }

    public AbiEncoder bool(boolean b) {
        return uint(b ? 1 : 0);
    }

    public AbiEncoder bytes32(Hash h) {
        return head(h.toArray());
    }

    /** A {@code bytesN} value: left-aligned in its word. */
    public AbiEncoder fixedBytes(byte[] value) {
        byte[] w = new byte[WORD];
        System.arraycopy(value, 0, w, 0, value.length);
        return head(w);
    }

    /** {@code bytes} or {@code string} (as UTF-8 bytes): length word, then the data padded to whole words. */
    public AbiEncoder bytes(byte[] value) {
        int padded = (value.length + WORD - 1) / WORD * WORD;
        byte[] tail = new byte[WORD + padded];
        System.arraycopy(UInt256.of(value.length).toBytes32(), 0, tail, 0, WORD);
        System.arraycopy(value, 0, tail, WORD, value.length);
        return dynamic(tail);
    }

    public AbiEncoder addresses(List<Address> values) {
        byte[] tail = new byte[WORD + WORD * values.size()];
        System.arraycopy(UInt256.of(values.size()).toBytes32(), 0, tail, 0, WORD);
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(values.get(i).toWord(), 0, tail, WORD * (i + 1), WORD);
        }
        return dynamic(tail);
    }

    /** A nested tuple (a struct) that has dynamic members, so it is itself dynamic. */
    public AbiEncoder dynamicTuple(AbiEncoder inner) {
        return dynamic(inner.encode());
    }

    public byte[] encode() {
        int headSize = WORD * heads.size();
        int size = headSize;
        for (byte[] t : tails) {
            size += t == null ? 0 : t.length;
        }
        byte[] out = new byte[size];
        int tailAt = headSize;
        for (int i = 0; i < heads.size(); i++) {
            byte[] h = heads.get(i);
            if (h != null) {
                System.arraycopy(h, 0, out, WORD * i, WORD);
            } else {
                System.arraycopy(UInt256.of(tailAt).toBytes32(), 0, out, WORD * i, WORD);
                byte[] t = tails.get(i);
                System.arraycopy(t, 0, out, tailAt, t.length);
                tailAt += t.length;
            }
        }
        return out;
    }
}
