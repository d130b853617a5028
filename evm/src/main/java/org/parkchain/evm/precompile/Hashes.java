package org.parkchain.evm.precompile;

import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256 (0x02), RIPEMD-160 (0x03, left-padded to 32 bytes) and the identity (0x04). */
final class Hashes {
    private Hashes() {}

    static final Precompile SHA256 = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return Precompile.linear(input, 60, 12);
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            return Optional.of(digest(new SHA256Digest(), input, 0));
        }
    };

    static final Precompile RIPEMD160 = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return Precompile.linear(input, 600, 120);
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            return Optional.of(digest(new RIPEMD160Digest(), input, 12));
        }
    };

    static final Precompile IDENTITY = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return Precompile.linear(input, 15, 3);
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            return Optional.of(input.clone());
        }
    };

    private static byte[] digest(Digest d, byte[] input, int leftPad) {
        d.update(input, 0, input.length);
        byte[] out = new byte[32];
        d.doFinal(out, leftPad);
        return out;
    }
}
