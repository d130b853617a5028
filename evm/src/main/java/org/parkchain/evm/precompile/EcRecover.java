package org.parkchain.evm.precompile;

import java.util.Arrays;
import java.util.Optional;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.Secp256k1;

/**
 * 0x01: the address that signed a hash. Input (zero-padded to 128 bytes): hash, v (27 or 28), r, s. Invalid
 * signatures are not a failure: the output is then empty. Unlike transactions, any 0 < s < n is accepted (EIP-2
 * restricted only transaction signatures). Costs 3,000 gas.
 */
final class EcRecover implements Precompile {
    private static final byte[] NONE = new byte[0];

    @Override
    public long gas(byte[] input) {
        return 3_000;
    }

    @Override
    public Optional<byte[]> compute(byte[] input) {
        byte[] in = Precompile.slice(input, 0, 128);
        for (int i = 32; i < 63; i++) {
            if (in[i] != 0) return Optional.of(NONE);
        }
        int v = in[63] & 0xff;
        if (v != 27 && v != 28) return Optional.of(NONE);
        Optional<Address> signer = Secp256k1.recover(Arrays.copyOfRange(in, 0, 32), v - 27,
                Arrays.copyOfRange(in, 64, 96), Arrays.copyOfRange(in, 96, 128));
        return Optional.of(signer.map(Address::toWord).orElse(NONE));
    }
}
