package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.RpcEncoding;

/**
 * Blocks, transactions, receipts and logs as geth's JSON-RPC shows them: the same member names, hex quantities
 * without leading zeros, {@code null} for what a pending transaction does not have yet, and the post-merge header
 * fields (Cancun) that ethers.js and web3j read. Built as Jackson trees so a block can be embedded in a
 * subscription notification without a second encoder.
 */
public final class EthJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The 8-byte nonce as geth writes it: DATA, not a QUANTITY. */
    private static final String ZERO_NONCE = "0x0000000000000000";

    private EthJson() {}

    /** Where a transaction is in the chain; empty for a pending one. */
    public record Inclusion(Hash blockHash, long blockNumber, int index, UInt256 baseFee) {}

    // ------------------------------------------------------------------------------------------------- headers

    /** The header members of a block object (what newHeads notifications carry). */
    public static ObjectNode header(BlockHeader h, Hash hash) {
        ObjectNode o = F.objectNode();
        o.put("baseFeePerGas", q(h.baseFeePerGas()));
        o.put("blobGasUsed", q(h.blobGasUsed()));
        o.put("difficulty", q(h.difficulty()));
        o.put("excessBlobGas", q(h.excessBlobGas()));
        o.put("extraData", Hex.encode(h.extraData()));
        o.put("gasLimit", q(h.gasLimit()));
        o.put("gasUsed", q(h.gasUsed()));
        o.put("hash", hash.toHex());
        o.put("logsBloom", Hex.encode(h.logsBloom().toArray()));
        o.put("miner", h.coinbase().toHex());
        o.put("mixHash", h.mixHash().toHex());
        o.put("nonce", h.nonce() == 0 ? ZERO_NONCE : Hex.encode(java.nio.ByteBuffer.allocate(8).putLong(h.nonce()).array()));
        o.put("number", q(h.number()));
        o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
        h.requestsHash().ifPresent(r -> o.put("requestsHash", r.toHex()));
        o.put("parentHash", h.parentHash().toHex());
        o.put("receiptsRoot", h.receiptsRoot().toHex());
        o.put("sha3Uncles", h.ommersHash().toHex());
        o.put("stateRoot", h.stateRoot().toHex());
        o.put("timestamp", q(h.timestamp()));
        // Proof of stake froze the total difficulty; Hardhat still reports it and some tools read it.
        o.put("totalDifficulty", "0x0");
        o.put("transactionsRoot", h.transactionsRoot().toHex());
        o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
        return o;
    }

    /**
     * A whole block: the header members, its size in bytes, the transactions (full objects or hashes), and the
     * empty uncle and withdrawal lists.
     */
    public static ObjectNode block(BlockHeader h, Hash hash, long size, List<Transaction> txs, List<Address> senders,
                                   boolean full) {
        ObjectNode o = header(h, hash);
        o.put("size", q(size));
        ArrayNode list = o.putArray("transactions");
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            if (full) {
                list.add(transaction(tx, senders.get(i), Optional.of(new Inclusion(hash, h.number(), i, h.baseFeePerGas()))));
            } else {
                list.add(tx.hash().toHex());
            }
        }
        o.putArray("uncles");
        o.putArray("withdrawals");
        return o;
    }

    // -------------------------------------------------------------------------------------------- transactions

    /** A transaction; {@code inclusion} empty for a pending one (block fields null, gasPrice its fee cap). */
    public static ObjectNode transaction(Transaction tx, Address from, Optional<Inclusion> inclusion) {
        ObjectNode o = F.objectNode();
        if (inclusion.isPresent()) {
            Inclusion in = inclusion.get();
            o.put("blockHash", in.blockHash().toHex());
            o.put("blockNumber", q(in.blockNumber()));
        } else {
            o.putNull("blockHash");
            o.putNull("blockNumber");
        }
        o.put("from", from.toHex());
        o.put("gas", q(tx.gasLimit()));
        TransactionType type = tx.type();
        if (type == TransactionType.DYNAMIC_FEE || type == TransactionType.BLOB || type == TransactionType.SET_CODE) {
            // geth: the effective price once mined, the fee cap while pending.
            UInt256 price = inclusion.map(in -> effectivePrice(tx, in.baseFee())).orElse(tx.maxFeePerGas());
            o.put("gasPrice", q(price));
            o.put("maxFeePerGas", q(tx.maxFeePerGas()));
            o.put("maxPriorityFeePerGas", q(tx.maxPriorityFeePerGas()));
        } else {
            o.put("gasPrice", q(tx.gasPrice()));
        }
        o.put("hash", tx.hash().toHex());
        o.put("input", Hex.encode(tx.data()));
        o.put("nonce", q(tx.nonce()));
        if (tx.to().isPresent()) {
            o.put("to", tx.to().get().toHex());
        } else {
            o.putNull("to");
        }
        if (inclusion.isPresent()) {
            o.put("transactionIndex", q(inclusion.get().index()));
        } else {
            o.putNull("transactionIndex");
        }
        o.put("value", q(tx.value()));
        o.put("type", q(type.id()));
        if (type != TransactionType.LEGACY) {
            o.set("accessList", accessList(tx.accessList()));
        }
        if (type == TransactionType.SET_CODE) {
            o.set("authorizationList", authorizationList(tx.authorizationList()));
        }
        tx.chainId().ifPresent(id -> o.put("chainId", q(id)));
        o.put("v", q(tx.v()));
        o.put("r", q(tx.signature().r()));
        o.put("s", q(tx.signature().s()));
        if (type != TransactionType.LEGACY) {
            o.put("yParity", q(tx.signature().recId()));
        }
        return o;
    }

    /** EIP-7702 tuples in geth's JSON: chainId, address, nonce, yParity, r, s. */
    public static ArrayNode authorizationList(List<org.parkchain.primitives.tx.Authorization> authorizations) {
        ArrayNode list = F.arrayNode();
        for (org.parkchain.primitives.tx.Authorization a : authorizations) {
            ObjectNode o = list.addObject();
            o.put("chainId", q(a.chainId()));
            o.put("address", a.address().toHex());
            o.put("nonce", q(a.nonce()));
            o.put("yParity", q(a.yParity()));
            o.put("r", q(a.r()));
            o.put("s", q(a.s()));
        }
        return list;
    }

    public static ArrayNode accessList(List<AccessListEntry> entries) {
        ArrayNode list = F.arrayNode();
        for (AccessListEntry e : entries) {
            ObjectNode entry = list.addObject();
            entry.put("address", e.address().toHex());
            ArrayNode keys = entry.putArray("storageKeys");
            e.storageKeys().forEach(k -> keys.add(k.toHex()));
        }
        return list;
    }

    /** What a mined transaction paid per gas (a block only includes transactions whose fee cap reaches its base fee). */
    public static UInt256 effectivePrice(Transaction tx, UInt256 baseFee) {
        return tx.effectiveGasPrice(baseFee);
    }

    // ------------------------------------------------------------------------------------------------ receipts

    /** A receipt as eth_getTransactionReceipt shows it. */
    public static ObjectNode receipt(TransactionReceipt r, TransactionType type) {
        ObjectNode o = F.objectNode();
        o.put("blockHash", r.blockHash().toHex());
        o.put("blockNumber", q(r.blockNumber()));
        if (r.contractAddress().isPresent()) {
            o.put("contractAddress", r.contractAddress().get().toHex());
        } else {
            o.putNull("contractAddress");
        }
        o.put("cumulativeGasUsed", q(r.cumulativeGasUsed()));
        o.put("effectiveGasPrice", q(r.effectiveGasPrice()));
        o.put("from", r.from().toHex());
        o.put("gasUsed", q(r.gasUsed()));
        ArrayNode logs = o.putArray("logs");
        r.logs().forEach(l -> logs.add(log(l, false)));
        o.put("logsBloom", Hex.encode(r.logsBloom().toArray()));
        o.put("status", r.success() ? "0x1" : "0x0");
        if (r.to().isPresent()) {
            o.put("to", r.to().get().toHex());
        } else {
            o.putNull("to");
        }
        o.put("transactionHash", r.transactionHash().toHex());
        o.put("transactionIndex", q(r.transactionIndex()));
        o.put("type", q(type.id()));
        return o;
    }

    /** A log with its position: block, transaction, and block-wide log index. */
    public static ObjectNode log(TransactionReceipt.LogEntry entry, boolean removed) {
        Log log = entry.log();
        ObjectNode o = F.objectNode();
        o.put("address", log.address().toHex());
        ArrayNode topics = o.putArray("topics");
        log.topics().forEach(t -> topics.add(t.toHex()));
        o.put("data", Hex.encode(log.data()));
        o.put("blockNumber", q(entry.blockNumber()));
        o.put("transactionHash", entry.transactionHash().toHex());
        o.put("transactionIndex", q(entry.transactionIndex()));
        o.put("blockHash", entry.blockHash().toHex());
        o.put("logIndex", q(entry.logIndex()));
        o.put("removed", removed);
        return o;
    }

    public static JsonNode hashes(List<Hash> hashes) {
        ArrayNode list = F.arrayNode();
        hashes.forEach(h -> list.add(h.toHex()));
        return list;
    }

    private static String q(long v) {
        return RpcEncoding.quantity(v);
    }

    private static String q(UInt256 v) {
        return RpcEncoding.quantity(v);
    }
}
