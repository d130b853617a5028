package org.parkchain.chain;

import java.math.BigInteger;
import org.parkchain.primitives.UInt256;

/**
 * EIP-4844's blob gas accounting; the per-fork parameters (blobs per block, the base fee's update fraction) are in
 * the fork's {@link org.parkchain.evm.Fork.BlobSchedule}. A Parkchain block carries no blobs, so its excess blob gas
 * stays 0 and the blob base fee 1 wei; the state tests exercise the rest.
 */
public final class BlobGas {
    public static final long GAS_PER_BLOB = 1L << 17;
    /** The only versioned-hash version Cancun knows: a KZG commitment hashed with SHA-256. */
    public static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
    private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

    private BlobGas() {}

    /**
     * MIN_BLOB_BASE_FEE * e^(excess / UPDATE_FRACTION), by the EIP's integer Taylor series (fake_exponential), so
     * every client gets the same integer.
     */
    public static UInt256 baseFee(long excessBlobGas, long updateFraction) {
        BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(updateFraction);
        BigInteger numerator = BigInteger.valueOf(excessBlobGas);
        BigInteger output = BigInteger.ZERO;
        BigInteger accumulator = MIN_BLOB_BASE_FEE.multiply(BLOB_BASE_FEE_UPDATE_FRACTION);
        for (int i = 1; accumulator.signum() > 0; i++) {
            output = output.add(accumulator);
            accumulator = accumulator.multiply(numerator)
                    .divide(BLOB_BASE_FEE_UPDATE_FRACTION.multiply(BigInteger.valueOf(i)));
        }
        BigInteger fee = output.divide(BLOB_BASE_FEE_UPDATE_FRACTION);
        return fee.bitLength() > 256 ? UInt256.MAX : UInt256.of(fee);
    }
}
