package org.parkchain.evm.precompile;

import fr.acinq.secp256k1.Secp256k1;
import java.util.Optional;
import org.parkchain.primitives.Keccak;

/**
 * 0x01: the address that signed a hash. Input (zero-padded to 128 bytes): hash, v (27 or 28), r, s. Invalid
 * signatures are not a failure: the output is then empty. Costs 3,000 gas.
 */
final class EcRecover implements Precompile {
    @Override
    public long gas(byte[] input) {
        return 3_000;
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        byte[] in = Precompile.slice(input, 0, 128);
        for (int i = 32; i < 63; i++) {
            if (in[i] != 0) return Optional.of(new byte[0]);
        }
        int v = in[63] & 0xff;
        if (v != 27 && v != 28) return Optional.of(new byte[0]);
        byte[] hash = java.util.Arrays.copyOfRange(in, 0, 32);
        byte[] sig = java.util.Arrays.copyOfRange(in, 64, 128);
        if (isZero(sig, 0) || isZero(sig, 32)) return Optional.of(new byte[0]);
        byte[] publicKey;
        try {
            publicKey = Secp256k1.get().ecdsaRecover(sig, hash, v - 27);
        } catch (RuntimeException e) {
            return Optional.of(new byte[0]);
        }
        byte[] digest = Keccak.keccak256(publicKey, 1, 64);
        byte[] out = new byte[32];
        System.arraycopy(digest, 12, out, 12, 20);
        return Optional.of(out);
    }

    private static boolean isZero(byte[] b, int from) {
        for (int i = from; i < from + 32; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
