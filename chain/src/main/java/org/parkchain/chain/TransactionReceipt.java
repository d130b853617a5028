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
        Hash blockHash = block.hash();
        long number = block.number();
        UInt256 baseFee = block.header().baseFeePerGas();
        List<TransactionReceipt> out = new ArrayList<>(receipts.size());
        long previousCumulative = 0;
        long logIndex = 0;
        for (int i = 0; i < receipts.size(); i++) {
            Transaction tx = block.transactions().get(i);
            Receipt r = receipts.get(i);
            List<LogEntry> logs = new ArrayList<>(r.logs().size());
            for (Log log : r.logs()) {
                logs.add(new LogEntry(log, logIndex++, tx.hash(), i, blockHash, number));
            }
            Address from = tx.sender();
            Optional<Address> created = tx.isContractCreation()
                    ? Optional.of(ContractAddress.forCreate(from, tx.nonce())) : Optional.empty();
            out.add(new TransactionReceipt(tx.hash(), i, blockHash, number, from, tx.to(),
                    r.cumulativeGasUsed() - previousCumulative, tx.effectiveGasPrice(baseFee), created, logs, r));
            previousCumulative = r.cumulativeGasUsed();
        }
        return out;
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
