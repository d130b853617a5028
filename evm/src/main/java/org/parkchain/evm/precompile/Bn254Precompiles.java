package org.parkchain.evm.precompile;

import java.util.Optional;
import org.parkchain.evm.precompile.bn254.Bn254Arithmetic;

/**
 * 0x06–0x08 (EIP-196, EIP-197, EIP-1108 prices): BN254 point addition, scalar multiplication and pairing check, on
 * the Montgomery-limb arithmetic of package {@code bn254} (the BigInteger version it replaced is kept in the tests
 * as their reference).
 */
final class Bn254Precompiles {
    private Bn254Precompiles() {}

    static final Precompile ADD = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return 150;
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            return Bn254Arithmetic.add(Precompile.slice(input, 0, 128));
        }
    };

    static final Precompile MUL = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return 6_000;
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            return Bn254Arithmetic.multiply(Precompile.slice(input, 0, 96));
        }
    };

    static final Precompile PAIRING = new Precompile() {
        @Override
        public long gas(byte[] input) {
            return 45_000 + 34_000L * (input.length / 192);
        }

        @Override
        public Optional<byte[]> compute(byte[] input) {
            if (input.length % 192 != 0) return Optional.empty();
            return Bn254Arithmetic.pairingCheck(input);
        }
    };
}
