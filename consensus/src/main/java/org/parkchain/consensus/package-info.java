/**
 * Block production. {@link org.parkchain.consensus.SoloSequencer} is the single producer of a one-node chain:
 * pool → {@link org.parkchain.chain.BlockExecutor#build} → {@link org.parkchain.chain.Blockchain#append} (one atomic,
 * synced write) → {@link org.parkchain.chain.pool.TransactionPool#onNewHead}. The park's network
 * ({@link org.parkchain.consensus.raft}) builds blocks the same way ({@link org.parkchain.consensus.BlockProposer}) on
 * its Raft leader and appends them on every member when the log commits them.
 */
package org.parkchain.consensus;
