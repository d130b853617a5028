package org.parkchain.bench.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.bench.load.JsonRpcClient;
import org.parkchain.bench.load.JsonRpcClient.Call;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * One node of the comparison, any Ethereum JSON-RPC endpoint: deploys a workload with a signed transaction, times
 * eth_calls to it, and reads the gas of the same call from a transaction's receipt. Every answer is checked; a node that refuses or fails a call stops the run.
 */
final class EthCallNode {
    /** Long enough for a slow node's slowest call; a call that takes longer is a failure, not a figure. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
    /** Deploying costs the intrinsic gas of creation, the code deposit and, for ERC-20, one fresh slot: well below. */
    private static final long DEPLOY_GAS = 1_000_000;

    private final URI url;
    private final JsonRpcClient rpc;
    private final String client;
    private final long chainId;

    private EthCallNode(URI url, JsonRpcClient rpc, String client, long chainId) {
        this.url = url;
        this.rpc = rpc;
        this.client = client;
        this.chainId = chainId;
    }

    static EthCallNode connect(URI url) {
        JsonRpcClient rpc = new JsonRpcClient(url, CALL_TIMEOUT);
        return new EthCallNode(url, rpc, rpc.call("web3_clientVersion").asText(),
                quantity(rpc.call("eth_chainId")).longValueExact());
    }

    URI url() {
        return url;
    }

    /** web3_clientVersion, e.g. {@code parkchain/0.1.0/…} or {@code HardhatNetwork/2.29.1/@nomicfoundation/edr/…}. */
    String client() {
        return client;
    }

    /** The client's name: the last word before the first '/' of web3_clientVersion ("Parkchain", "HardhatNetwork"). */
    String name() {
        int slash = client.indexOf('/');
        String head = (slash > 0 ? client.substring(0, slash) : client).strip();
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    long chainId() {
        return chainId;
    }

    /** Deploys the workload's program of the given size from {@code deployer}; checks that the node holds exactly it. */
    Address deploy(EvmWorkload workload, long size, PrivateKey deployer) {
        JsonNode receipt = transact(deployer, Optional.empty(), EthCallContract.creationCode(workload, size), DEPLOY_GAS);
        Address contract = Address.fromHex(receipt.path("contractAddress").asText());
        String code = rpc.call("eth_getCode", contract.toHex(), "latest").asText();
        if (!code.equalsIgnoreCase(Hex.encode(workload.code(size)))) {
            throw new IllegalStateException(workload + " deployed on " + url + " at " + contract + " holds other code: " + code);
        }
        return contract;
    }

    /**
     * The gas the node charges for the call, read from the receipt of the same call sent as a transaction (which,
     * unlike eth_call, also commits what the call writes). eth_estimateGas is no measure here: it answers the least
     * gas <em>limit</em> that succeeds, and geth-style nodes (Parkchain) stop searching within 1.5% of it.
     */
    long gasUsedByTransaction(Address contract, PrivateKey from, long gasLimit) {
        JsonNode receipt = transact(from, Optional.of(contract), new byte[0], gasLimit);
        return quantity(receipt.path("gasUsed")).longValueExact();
    }

    /** Signs and sends a transaction, waits for its receipt and requires status 1. */
    private JsonNode transact(PrivateKey from, Optional<Address> to, byte[] data, long gasLimit) {
        UInt256 tip = UInt256.of(quantity(rpc.call("eth_maxPriorityFeePerGas")).longValueExact());
        UInt256 baseFee = UInt256.of(quantity(rpc.call("eth_getBlockByNumber", "latest", false).path("baseFeePerGas")).longValueExact());
        long nonce = quantity(rpc.call("eth_getTransactionCount", from.address().toHex(), "pending")).longValueExact();
        Transaction.Builder builder = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(chainId).nonce(nonce)
                .maxPriorityFeePerGas(tip).maxFeePerGas(baseFee.mul(UInt256.of(2)).add(tip)).gasLimit(gasLimit).data(data);
        to.ifPresent(builder::to);
        Transaction tx = builder.sign(from);
        rpc.call("eth_sendRawTransaction", Hex.encode(tx.encode()));
        JsonNode receipt = receipt(tx.hash().toHex());
        if (!"0x1".equals(receipt.path("status").asText())) {
            throw new IllegalStateException("transaction " + tx.hash().toHex() + " to " + to.map(Address::toHex).orElse("(creation)")
                    + " failed on " + url + ": " + receipt);
        }
        return receipt;
    }

    /** A call from {@code from} to the contract at the latest block, encoded once so timing leaves JSON building out. */
    PreparedCall prepare(Address from, Address contract) {
        List<Call> calls = List.of(Call.of("eth_call", request(from, contract), "latest"));
        return new PreparedCall(JsonRpcClient.encode(calls), calls);
    }

    record PreparedCall(byte[] body, List<Call> calls) {}

    /** One eth_call's output and its wall time, request sent to answer parsed. */
    record TimedCall(String output, long nanos) {}

    TimedCall call(PreparedCall call) {
        long start = System.nanoTime();
        JsonNode result = rpc.send(call.body(), call.calls()).getFirst().resultOrThrow("eth_call on " + url);
        long nanos = System.nanoTime() - start;
        return new TimedCall(result.asText(), nanos);
    }

    private static Map<String, String> request(Address from, Address contract) {
        return Map.of("from", from.toHex(), "to", contract.toHex());
    }

    private JsonNode receipt(String hash) {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
            if (receipt != null && !receipt.isNull()) {
                return receipt;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + hash, e);
            }
        }
        throw new IllegalStateException("no receipt for " + hash + " from " + url + " within " + RECEIPT_TIMEOUT.toSeconds() + " s");
    }

    private static BigInteger quantity(JsonNode value) {
        String hex = value == null ? "" : value.asText();
        if (!hex.startsWith("0x") || hex.length() < 3) {
            throw new IllegalStateException("expected a hex quantity, got " + value);
        }
        return new BigInteger(hex.substring(2), 16);
    }
}
