package org.parkchain.rpc.eth;

import java.util.List;
import java.util.Optional;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.state.WorldState;

/**
 * What the eth_* methods need from the node: the chain (blocks, receipts, transaction positions, state at a block),
 * the transaction processor for eth_call, and the pool. The node implements it over its blockchain, pool and
 * sequencer; keeping it this narrow keeps the RPC layer's vocabulary Ethereum's and lets tests drive the methods
 * over any chain.
 */
public interface EthBackend {

    /** A block as the RPC shows it: header, hash, transactions with their senders, and its encoded size. */
    record ChainBlock(BlockHeader header, Hash hash, List<Transaction> transactions, List<Address> senders, long size) {
        public ChainBlock {
            transactions = List.copyOf(transactions);
            senders = List.copyOf(senders);
            if (senders.size() != transactions.size()) {
                throw new IllegalArgumentException("one sender per transaction");
            }
        }
    }

    /** Where a transaction is on the canonical chain. */
    record TransactionPosition(Hash blockHash, long blockNumber, int index) {}

    /** A transaction waiting in the pool, with its recovered sender. */
    record PendingTransaction(Transaction transaction, Address sender) {}

    /** The pool's transactions by sender, in nonce order: ready for the next block, and waiting for a nonce gap. */
    record PoolContent(java.util.Map<Address, List<PendingTransaction>> pending,
                       java.util.Map<Address, List<PendingTransaction>> queued) {}

    long chainId();

    /** The head block. */
    ChainBlock head();

    Optional<ChainBlock> block(Hash hash);

    /** The canonical block at {@code number}. */
    Optional<ChainBlock> block(long number);

    /** The canonical header at {@code number}, without reading the body (eth_getLogs checks blooms first). */
    Optional<BlockHeader> header(long number);

    /** The receipts of the block with {@code hash}, one per transaction, in order (empty for an unknown block). */
    List<TransactionReceipt> receipts(Hash blockHash);

    Optional<TransactionPosition> transactionPosition(Hash txHash);

    /**
     * A private, mutable world state over {@code header}'s state root: changes to it (eth_call, overrides) are never
     * committed anywhere.
     */
    WorldState state(BlockHeader header);

    /** The processor that executes transactions on this chain (with its EVM and native contracts). */
    TransactionProcessor processor();

    // ---- the pool ----

    /**
     * Validates and admits a raw transaction.
     *
     * @throws org.parkchain.rpc.RpcException with -32000 and geth's message when the pool refuses it
     */
    Hash submit(byte[] raw);

    /** Admits a transaction the node signed itself (eth_sendTransaction for a dev account). */
    Hash submit(Transaction tx);

    /** The nonce the sender's next transaction should carry: the account nonce plus its pending transactions. */
    long pendingNonce(Address sender);

    Optional<PendingTransaction> pendingTransaction(Hash hash);

    /** What the pool holds now (txpool_content, txpool_status, txpool_inspect). */
    PoolContent poolContent();

    /**
     * The block that would follow the head if it were built now from the pool: executed on a throw-away state and
     * never appended (the "pending" block).
     */
    ChainBlock pendingBlock();
}
