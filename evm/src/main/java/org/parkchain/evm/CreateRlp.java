package org.parkchain.evm;

import org.parkchain.primitives.Address;

/** Interim: rlp([sender, nonce]) for CREATE addresses until the primitives module's RLP lands. */
final class CreateRlp {
    private CreateRlp() {}

    static byte[] senderAndNonce(Address sender, long nonce) {
        byte[] n;
        if (nonce == 0) {
            n = new byte[] {(byte) 0x80};
        } else if (nonce > 0 && nonce < 0x80) {
            n = new byte[] {(byte) nonce};
        } else {
            int len = 8 - Long.numberOfLeadingZeros(nonce) / 8;
            n = new byte[1 + len];
            n[0] = (byte) (0x80 + len);
            for (int i = 0; i < len; i++) n[1 + i] = (byte) (nonce >>> (8 * (len - 1 - i)));
        }
        byte[] out = new byte[1 + 21 + n.length];
        out[0] = (byte) (0xc0 + 21 + n.length);
        out[1] = (byte) 0x94;
        System.arraycopy(sender.bytesUnsafe(), 0, out, 2, 20);
        System.arraycopy(n, 0, out, 22, n.length);
        return out;
    }
}
