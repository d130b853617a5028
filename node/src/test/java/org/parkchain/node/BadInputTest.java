package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.RpcConfig;

/** Every kind of bad request gets geth's error, changes nothing, and the node keeps serving. */
class BadInputTest {
    private static final Address SINK = Address.fromHex("0x0000000000000000000000000000000000005151");
    private static ParkchainNode node;
    private static NodeRpc rpc;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults().withRpc(RpcConfig.defaults().withPort(0)
                .withMaxRequestBytes(64 * 1024).withMaxBatchSize(5)));
        rpc = new NodeRpc(node.rpcUrl());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** After every bad request the node still answers and its chain is readable. */
    @AfterEach
    void nodeKeepsServing() {
        assertThat(rpc.call("eth_chainId").textValue()).isEqualTo("0x7a69");
        assertThat(rpc.call("eth_getBlockByNumber", "latest", false).get("hash").textValue()).startsWith("0x");
    }

    private static NodeRpc.Failure failure(String method, Object... params) {
        NodeRpc.Failure f = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call(method, params));
        assertThat(f).as(method + " should fail").isNotNull();
        return f;
    }

    private static String send(Transaction tx) {
        return rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue();
    }

    private static NodeRpc.Failure refused(Transaction tx) {
        return failure("eth_sendRawTransaction", DevChain.raw(tx));
    }

    @Test
    void malformedJsonIsParseError() {
        JsonNode reply = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").json();
        assertThat(reply.get("error").get("code").intValue()).isEqualTo(-32700);
        assertThat(reply.get("id").isNull()).isTrue();
    }

    @Test
    void notARequestAndUnknownMethod() {
        assertThat(rpc.post("{\"id\":1,\"method\":\"eth_chainId\"}").json().get("error").get("code").intValue())
                .isEqualTo(-32600);
        NodeRpc.Failure f = failure("eth_mine");
        assertThat(f.code).isEqualTo(-32601);
        assertThat(f.rpcMessage()).isEqualTo("the method eth_mine does not exist/is not available");
    }

    @Test
    void wrongParameterTypesNameTheArgument() {
        NodeRpc.Failure number = failure("eth_getBalance", 123, "latest");
        assertThat(number.code).isEqualTo(-32602);
        assertThat(number.rpcMessage()).startsWith("invalid argument 0:");
        NodeRpc.Failure leadingZero = failure("eth_getBlockByNumber", "0x01", false);
        assertThat(leadingZero.code).isEqualTo(-32602);
        assertThat(leadingZero.rpcMessage()).contains("leading zero");
        NodeRpc.Failure tag = failure("eth_getBalance", SINK.toHex(), "newest");
        assertThat(tag.code).isEqualTo(-32602);
        NodeRpc.Failure tooMany = failure("eth_blockNumber", "x");
        assertThat(tooMany.rpcMessage()).isEqualTo("too many arguments, want at most 0");
        NodeRpc.Failure unknownField = failure("eth_call", Map.of("to", SINK.toHex(), "gasLimit", "0x1"), "latest");
        assertThat(unknownField.code).isEqualTo(-32602);
        assertThat(unknownField.rpcMessage()).contains("unknown transaction field 'gasLimit'");
        NodeRpc.Failure range = failure("eth_getLogs", Map.of("fromBlock", "0x0", "blockHash", "0x" + "00".repeat(32)));
        assertThat(range.code).isEqualTo(-32602);
    }

    @Test
    void oversizedRequestsAndBatchesAreRefused() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"web3_sha3\",\"params\":[\"0x" + "ab".repeat(40_000) + "\"]}";
        assertThat(rpc.post(big).status()).isEqualTo(413);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"eth_chainId\"}");
        }
        JsonNode reply = rpc.post(batch.append("]").toString()).json();
        assertThat(reply.get("error").get("code").intValue()).isEqualTo(-32600);
        assertThat(reply.get("error").get("message").textValue()).contains("batch too large");
        JsonNode ok = rpc.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\"}]").json();
        assertThat(ok).hasSize(2);
    }

    @Test
    void garbageRawTransactionsAreRefused() {
        NodeRpc.Failure garbage = failure("eth_sendRawTransaction", "0xdeadbeef");
        assertThat(garbage.code).isEqualTo(-32000);
        NodeRpc.Failure empty = failure("eth_sendRawTransaction", "0x");
        assertThat(empty.code).isEqualTo(-32000);
        NodeRpc.Failure notHex = failure("eth_sendRawTransaction", "0xzz");
        assertThat(notHex.code).isEqualTo(-32602);
    }

    @Test
    void wrongChainIdIsRefused() {
        PrivateKey key = DevChain.KEYS.get(7);
        Transaction tx = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).nonce(DevChain.nonce(rpc, key.address()))
                .maxPriorityFeePerGas(DevChain.GWEI).maxFeePerGas(DevChain.GWEI.mul(UInt256.of(10))).gasLimit(21_000)
                .to(SINK).sign(key);
        NodeRpc.Failure f = refused(tx);
        assertThat(f.code).isEqualTo(-32000);
        assertThat(f.rpcMessage()).startsWith("invalid chain id for signer");
    }

    @Test
    void nonceTooLowAndTooHigh() {
        PrivateKey key = DevChain.KEYS.get(7);
        long next = DevChain.nonce(rpc, key.address());
        rpc.awaitReceipt(send(DevChain.transfer(key, next, SINK, UInt256.ONE)));
        NodeRpc.Failure low = refused(DevChain.transfer(key, next, SINK, UInt256.of(2)));
        assertThat(low.code).isEqualTo(-32000);
        assertThat(low.rpcMessage()).startsWith("nonce too low");
        NodeRpc.Failure high = refused(DevChain.transfer(key, next + 1 + 100_000, SINK, UInt256.ONE));
        assertThat(high.code).isEqualTo(-32000);
        assertThat(high.rpcMessage()).startsWith("nonce too high");
    }

    @Test
    void insufficientFundsIsRefused() {
        PrivateKey key = DevChain.KEYS.get(8);
        Transaction tx = DevChain.transfer(key, DevChain.nonce(rpc, key.address()), SINK,
                Genesis.DEV_BALANCE.add(UInt256.ONE));
        NodeRpc.Failure f = refused(tx);
        assertThat(f.code).isEqualTo(-32000);
        assertThat(f.rpcMessage()).startsWith("insufficient funds for gas * price + value");
        assertThat(rpc.call("eth_getTransactionByHash", tx.hash().toHex()).isNull()).isTrue();
    }

    @Test
    void underpricedReplacementIsRefusedAndAFairOneReplaces() {
        // A future nonce waits in the queue, so the replacement meets it in the pool whatever the sequencer does.
        PrivateKey key = DevChain.KEYS.get(9);
        long gap = DevChain.nonce(rpc, key.address()) + 1;
        Transaction first = DevChain.transfer(key, gap, SINK, UInt256.ONE);
        send(first);
        Transaction cheap = DevChain.eip1559(gap).to(SINK).value(UInt256.of(2))
                .maxPriorityFeePerGas(DevChain.GWEI.add(UInt256.ONE)).sign(key);
        NodeRpc.Failure f = refused(cheap);
        assertThat(f.code).isEqualTo(-32000);
        assertThat(f.rpcMessage()).startsWith("replacement transaction underpriced");
        Transaction fair = DevChain.eip1559(gap).to(SINK).value(UInt256.of(3))
                .maxPriorityFeePerGas(DevChain.GWEI.mul(UInt256.of(2))).maxFeePerGas(DevChain.GWEI.mul(UInt256.of(20)))
                .sign(key);
        send(fair);
        NodeRpc.Failure again = refused(fair);
        assertThat(again.rpcMessage()).startsWith("already known");
        // Filling the gap mines both, the replacement in place of the first.
        rpc.awaitReceipt(send(DevChain.transfer(key, gap - 1, SINK, UInt256.ONE)));
        assertThat(rpc.awaitReceipt(fair.hash()).get("status").textValue()).isEqualTo("0x1");
        assertThat(rpc.call("eth_getTransactionByHash", first.hash().toHex()).isNull()).isTrue();
    }

    @Test
    void callsThatCannotRunSayWhy() {
        NodeRpc.Failure header = failure("eth_getBalance", SINK.toHex(), "0xfffff");
        assertThat(header.code).isEqualTo(-32000);
        assertThat(header.rpcMessage()).isEqualTo("header not found");
        NodeRpc.Failure logsRange = failure("eth_getLogs", Map.of("fromBlock", "0x5", "toBlock", "0x1"));
        assertThat(logsRange.rpcMessage()).isEqualTo("invalid block range params");
        NodeRpc.Failure lowGas = failure("eth_call", Map.of("to", SINK.toHex(), "gas", "0x100"), "latest");
        assertThat(lowGas.code).isEqualTo(-32000);
        assertThat(lowGas.rpcMessage()).isEqualTo("intrinsic gas too low");
        NodeRpc.Failure estimate = failure("eth_estimateGas", Map.of("to", SINK.toHex(), "gas", "0x100"));
        assertThat(estimate.rpcMessage()).startsWith("gas required exceeds allowance");
        NodeRpc.Failure subscribe = failure("eth_subscribe", List.of("newHeads").toArray());
        assertThat(subscribe.code).isEqualTo(-32001);
    }
}
