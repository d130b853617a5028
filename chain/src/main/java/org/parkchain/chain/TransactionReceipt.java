package org.parkchain.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;

/**
 * A receipt as {@code eth_getTransactionReceipt} shows it: the consensus {@link Receipt} with its place in the chain
 * and the fields derived from the transaction and the block.
 *
 * @param gasUsed gas used by this transaction alone
 * @param effectiveGasPrice the price per gas the sender paid (EIP-1559)
 * @param contractAddress the address a contract-creating transaction deploys to (set whatever the status, as geth does)
 * @param logs the logs with their block-wide indexes
 */
public record TransactionReceipt(
        Hash transactionHash,
        int transactionIndex,
        Hash blockHash,
        long blockNumber,
        Address from,
        Optional<Address> to,
        long gasUsed,
        UInt256 effectiveGasPrice,
        Optional<Address> contractAddress,
        List<LogEntry> logs,
        Receipt receipt) {

    public TransactionReceipt {
        logs = List.copyOf(logs);
    }

    /** A log with where it was emitted, as {@code eth_getLogs} and receipts show it. */
    public record LogEntry(Log log, long logIndex, Hash transactionHash, int transactionIndex, Hash blockHash, long blockNumber) {}

    /** The JSON-RPC receipts of all of {@code block}'s transactions. */
    public static List<TransactionReceipt> forBlock(Block block, List<Receipt> receipts) {
        List<TransactionReceipt> out = new ArrayList<>(receipts.size());
        long logIndex = 0;
        for (int i = 0; i < receipts.size(); i++) {
            out.add(of(block, receipts, i, logIndex));
            logIndex += receipts.get(i).logs().size();
        }
        return out;
    }

    /**
     * The JSON-RPC receipt of transaction {@code index} of {@code block} alone: only that transaction's sender is
     * needed (a block's other senders are not recovered).
     */
    public static TransactionReceipt of(Block block, List<Receipt> receipts, int index) {
        long logIndex = 0;
        for (int i = 0; i < index; i++) {
            logIndex += receipts.get(i).logs().size();
        }
        return of(block, receipts, index, logIndex);
    }

    private static TransactionReceipt of(Block block, List<Receipt> receipts, int index, long firstLogIndex) {
        if (receipts.size() != block.transactions().size()) {
            throw new IllegalArgumentException(block.transactions().size() + " transactions but " + receipts.size() + " receipts");
        }
        Hash blockHash = block.hash();
        long number = block.number();
        Transaction tx = block.transactions().get(index);
        Receipt r = receipts.get(index);
        long previousCumulative = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
        List<LogEntry> logs = new ArrayList<>(r.logs().size());
        long logIndex = firstLogIndex;
        for (Log log : r.logs()) {
            logs.add(new LogEntry(log, logIndex++, tx.hash(), index, blockHash, number));
        }
        Address from = tx.sender();
        Optional<Address> created = tx.isContractCreation()
                ? Optional.of(ContractAddress.forCreate(from, tx.nonce())) : Optional.empty();
        return new TransactionReceipt(tx.hash(), index, blockHash, number, from, tx.to(),
                r.cumulativeGasUsed() - previousCumulative, tx.effectiveGasPrice(block.header().baseFeePerGas()),
                created, logs, r);
    }

    public boolean success() {
        return receipt.success();
    }

    public long cumulativeGasUsed() {
        return receipt.cumulativeGasUsed();
    }

    public Bloom logsBloom() {
        return receipt.bloom();
    }
}
