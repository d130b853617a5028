package org.parkchain.node.park;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.parkchain.node.park.JsonRpcClient.JsonRpcException;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiError;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * Sends signed EIP-1559 transactions through a node's JSON-RPC and waits for their receipts, as a wallet does:
 * nonce from {@code eth_getTransactionCount(pending)}, gas from {@code eth_estimateGas}, fees from the latest base
 * fee, {@code eth_sendRawTransaction}, then {@code eth_getTransactionReceipt} until mined. Nothing here reaches into
 * the node: whatever it does, any Ethereum tool could do.
 */
public final class RpcWallet {
    /** The tip offered to the block producer (1 gwei, what the node suggests). */
    private static final UInt256 TIP = UInt256.of(1_000_000_000L);
    private static final long RECEIPT_TIMEOUT_MS = 15_000;

    private final JsonRpcClient rpc;
    private final long chainId;

    public RpcWallet(JsonRpcClient rpc) {
        this.rpc = rpc;
        this.chainId = quantity(rpc.call("eth_chainId")).longValueExact();
    }

    public JsonRpcClient rpc() {
        return rpc;
    }

    public long chainId() {
        return chainId;
    }

    /** One log of a receipt. */
    public record Log(Address address, List<Hash> topics, byte[] data) {}

    /** A mined transaction as its receipt tells it. */
    public record Receipt(Hash txHash, boolean success, long gasUsed, long blockNumber, Hash blockHash, List<Log> logs) {
        /** The logs {@code emitter} emitted with topic0 {@code topic}. */
        public List<Log> logs(Address emitter, Hash topic) {
            return logs.stream().filter(l -> l.address().equals(emitter) && !l.topics().isEmpty()
                    && l.topics().get(0).equals(topic)).toList();
        }
    }

    /**
     * Signs and sends a call, waits for its receipt. {@code gasLimit} empty: estimated by the node (plus a margin);
     * a call the node predicts to revert then fails with {@link JsonRpcException}. Give a limit to send it anyway.
     */
    public Receipt send(PrivateKey key, Address to, UInt256 value, byte[] data, OptionalLong gasLimit) {
        Address from = key.address();
        long gas = gasLimit.isPresent() ? gasLimit.getAsLong() : estimateGas(from, to, value, data) * 6 / 5;
        long nonce = quantity(rpc.call("eth_getTransactionCount", from.toHex(), "pending")).longValueExact();
        UInt256 baseFee = UInt256.parse(rpc.call("eth_getBlockByNumber", "latest", false).path("baseFeePerGas").asText("0x0"));
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE)
                .chainId(chainId)
                .nonce(nonce)
                .maxPriorityFeePerGas(TIP)
                .maxFeePerGas(baseFee.add(baseFee).add(TIP))
                .gasLimit(gas)
                .to(to)
                .value(value)
                .data(data)
                .sign(key);
        Hash hash = Hash.fromHex(rpc.call("eth_sendRawTransaction", Hex.encode(tx.encode())).asText());
        return waitForReceipt(hash);
    }

    public long estimateGas(Address from, Address to, UInt256 value, byte[] data) {
        return quantity(rpc.call("eth_estimateGas", callObject(from, to, value, data))).longValueExact();
    }

    /** {@code eth_call} at {@code block} ("latest" or a 0x-number); a revert is a {@link JsonRpcException}. */
    public byte[] call(Address from, Address to, byte[] data, String block) {
        return Hex.decode(rpc.call("eth_call", callObject(from, to, UInt256.ZERO, data), block).asText());
    }

    public byte[] call(Address to, byte[] data) {
        return call(Address.ZERO, to, data, "latest");
    }

    public UInt256 balance(Address account, String block) {
        return UInt256.parse(rpc.call("eth_getBalance", account.toHex(), block).asText());
    }

    /** The latest block's timestamp in unix seconds: the ledger's clock, which the park's deadlines read. */
    public long latestTimestamp() {
        return quantity(rpc.call("eth_getBlockByNumber", "latest", false).path("timestamp")).longValueExact();
    }

    public Receipt waitForReceipt(Hash hash) {
        long deadline = System.currentTimeMillis() + RECEIPT_TIMEOUT_MS;
        while (true) {
            JsonNode r = rpc.call("eth_getTransactionReceipt", hash.toHex());
            if (!r.isNull()) {
                return toReceipt(hash, r);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("transaction " + hash.toHex() + " was not mined within "
                        + RECEIPT_TIMEOUT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + hash.toHex(), e);
            }
        }
    }

    /**
     * Why a call reverts, in the words of its {@code Error(string)} data: the reason the node gives for
     * {@code eth_call} of the same call at {@code block} (the state the transaction ran on).
     */
    public Optional<String> revertReason(Address from, Address to, UInt256 value, byte[] data, String block) {
        try {
            rpc.call("eth_call", callObject(from, to, value, data), block);
            return Optional.empty();
        } catch (JsonRpcException e) {
            return reasonOf(e);
        }
    }

    /** The reason in a node's revert error: decoded from its {@code Error(string)} data, else its message. */
    public static Optional<String> reasonOf(JsonRpcException e) {
        Optional<String> decoded = e.data().filter(Hex::hasPrefix).flatMap(d -> {
            try {
                return AbiError.revertReason(Hex.decode(d));
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
        });
        if (decoded.isPresent()) {
            return decoded;
        }
        String message = e.getMessage();
        String prefix = "execution reverted: ";
        return Optional.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    private static Map<String, String> callObject(Address from, Address to, UInt256 value, byte[] data) {
        return Map.of("from", from.toHex(), "to", to.toHex(), "value", value.toHexQuantity(), "data", Hex.encode(data));
    }

    private static Receipt toReceipt(Hash hash, JsonNode r) {
        List<Log> logs = new ArrayList<>();
        for (JsonNode l : r.path("logs")) {
            List<Hash> topics = new ArrayList<>();
            for (JsonNode t : l.path("topics")) {
                topics.add(Hash.fromHex(t.asText()));
            }
            logs.add(new Log(Address.fromHex(l.path("address").asText()), List.copyOf(topics),
                    Hex.decode(l.path("data").asText())));
        }
        return new Receipt(hash, "0x1".equals(r.path("status").asText()), quantity(r.path("gasUsed")).longValueExact(),
                quantity(r.path("blockNumber")).longValueExact(), Hash.fromHex(r.path("blockHash").asText()),
                List.copyOf(logs));
    }

    static java.math.BigInteger quantity(JsonNode node) {
        String text = node.asText();
        if (!text.startsWith("0x")) {
            throw new IllegalStateException("expected a 0x quantity, got " + node);
        }
        return new java.math.BigInteger(text.substring(2), 16);
    }
}
