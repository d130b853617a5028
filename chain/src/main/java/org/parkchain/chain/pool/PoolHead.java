package org.parkchain.chain.pool;

import org.parkchain.chain.BlockEnvironment;
import org.parkchain.evm.WorldView;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * What the pool validates against: the chain's head block (its gas limit and the base fee of the block that comes
 * next) and the accounts in the head's state. Implementations must allow concurrent calls from many threads
 * ({@link ChainPoolHead} is the one the node uses).
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

    /** A view of the head's state for the admission policy, for the calling thread alone (a fresh one per call). */
    WorldView state();

    /** The fork the next block will run under: which types it accepts, its prices, its gas cap. */
    default org.parkchain.evm.Fork fork() {
        return nextBlock().fork();
    }

    /** The next block's environment as the admission policy sees it (its timestamp: now, or the head's plus one). */
    BlockEnvironment nextBlock();
}
