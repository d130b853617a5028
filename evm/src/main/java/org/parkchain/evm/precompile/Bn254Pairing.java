package org.parkchain.evm.precompile;

import java.util.Optional;

/** EIP-197 pairing check (interim: not yet implemented, fails every call). */
final class Bn254Pairing {
    private Bn254Pairing() {}

    static Optional<byte[]> check(byte[] in) {
        return Optional.empty();
    }
}
