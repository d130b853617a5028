package org.parkchain.regime;

import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Keccak;

/**
 * The address CREATE gives the {@code nonce}-th contract of {@code creator}: keccak256(rlp([creator, nonce]))[12:].
 * The factory derives park tokens' addresses this way, so they are the same on every node and never collide with
 * contracts deployed by EVM code (which derive from other creators).
 *
 * <p>The RLP here is the two-item list only, written out until the RLP codec of {@code primitives} lands; it then
 * becomes a call to it.
 */
final class CreateAddress {
    private CreateAddress() {}

    static Address of(Address creator, long nonce) {
        byte[] nonceRlp = rlpScalar(nonce);
        int payload = 1 + Address.SIZE + nonceRlp.length;
        byte[] list = new byte[1 + payload];
        list[0] = (byte) (0xc0 + payload); // a short list: payload is at most 1 + 20 + 9 bytes
        list[1] = (byte) (0x80 + Address.SIZE);
        System.arraycopy(creator.bytesUnsafe(), 0, list, 2, Address.SIZE);
        System.arraycopy(nonceRlp, 0, list, 2 + Address.SIZE, nonceRlp.length);
        byte[] hash = Keccak.keccak256(list);
        return Address.of(Arrays.copyOfRange(hash, 12, 32));
    }

    /** An RLP scalar: 0 is the empty string 0x80, 1..127 a single byte, else 0x80+length then big-endian bytes. */
    private static byte[] rlpScalar(long v) {
        if (v == 0) {
            return new byte[] {(byte) 0x80};
        }
        if (v > 0 && v < 0x80) {
            return new byte[] {(byte) v};
        }
        int len = (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
        byte[] out = new byte[1 + len];
        out[0] = (byte) (0x80 + len);
        for (int i = 0; i < len; i++) {
            out[len - i] = (byte) (v >>> (8 * i));
        }
        return out;
    }
}
