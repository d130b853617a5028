/**
 * Block production. {@link org.parkchain.consensus.SoloSequencer} is the single producer of a one-node chain:
 * pool → {@link org.parkchain.chain.BlockExecutor#build} → {@link org.parkchain.chain.Blockchain#append} (one atomic,
 * synced write) → {@link org.parkchain.chain.pool.TransactionPool#onNewHead}. A Raft cluster (Apache Ratis) comes
 * later and will order blocks the same way on its leader.
 */
package org.parkchain.consensus;
