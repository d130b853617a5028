package org.parkchain.chain.pool;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * What the pool validates against: the chain's head block (its gas limit and the base fee of the block that comes
 * next) and the accounts in the head's state. Implementations must allow concurrent reads from many threads; the
 * pool reads an account at most once per sender per head, so a synchronised adapter over a {@code WorldState} is
 * cheap enough.
 */
public interface PoolHead {
    /** The number of the head block; the next block's is one more. */
    long number();

    /** The gas limit of the next block: no transaction may ask for more. */
    long gasLimit();

    /** The base fee of the next block: a fee cap below it cannot be included now. */
    UInt256 baseFee();

    long nonce(Address account);

    UInt256 balance(Address account);
}
