/**
 * Blocks, their execution and their storage (see {@code chain/README.md} for the API in one table).
 *
 * <ul>
 *   <li>Data: {@link org.parkchain.chain.BlockHeader} (Cancun, hashed as Ethereum hashes it),
 *       {@link org.parkchain.chain.Block}, {@link org.parkchain.chain.Receipt}, {@link org.parkchain.chain.Bloom},
 *       {@link org.parkchain.chain.IndexedTrie} for the transactions and receipts roots,
 *       {@link org.parkchain.chain.FeeMarket} for EIP-1559.
 *   <li>Genesis: {@link org.parkchain.chain.Genesis} (file format in {@code docs/genesis.md}, the {@code --dev}
 *       genesis) and {@link org.parkchain.chain.StateInitializer} for state the file does not describe.
 *   <li>Execution: {@link org.parkchain.chain.TransactionProcessor} applies one transaction;
 *       {@link org.parkchain.chain.BlockExecutor} builds blocks from candidates and replays given blocks, asking a
 *       {@link org.parkchain.chain.TransactionAdmission} who may transact.
 *   <li>Storage: {@link org.parkchain.chain.ChainStore} (in memory or RocksDB, one atomic synced write per block)
 *       behind the {@link org.parkchain.chain.Blockchain} facade that the pool, the sequencer and JSON-RPC use.
 * </ul>
 */
package org.parkchain.chain;
