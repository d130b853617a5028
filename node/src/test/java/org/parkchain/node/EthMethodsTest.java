package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.regime.SystemContracts;

/** The eth_*, net_* and web3_* methods over real HTTP against a dev node, checked against geth's shapes. */
class EthMethodsTest {
    private static ParkchainNode node;
    private static NodeRpc rpc;
    private static Address contract;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        rpc = new NodeRpc(node.rpcUrl());
        contract = DevChain.deploy(rpc, DevChain.KEYS.get(2));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String hex(byte[] b) {
        return Hex.encode(b);
    }

    @Test
    void describesNodeAndNetworkAsGethDoes() {
        assertThat(rpc.call("eth_chainId").textValue()).isEqualTo("0x7a69");
        assertThat(rpc.call("net_version").textValue()).isEqualTo("31337");
        assertThat(rpc.call("net_listening").booleanValue()).isTrue();
        assertThat(rpc.call("net_peerCount").textValue()).isEqualTo("0x0");
        assertThat(rpc.call("eth_syncing").booleanValue()).isFalse();
        // A dev node says it offers Anvil's development methods, so Hardhat's test helpers accept it (DevControlsTest).
        assertThat(rpc.call("web3_clientVersion").textValue()).startsWith("anvil-compatible Parkchain/v");
        assertThat(rpc.call("web3_sha3", "0x68656c6c6f").textValue())
                .isEqualTo("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8");
        JsonNode accounts = rpc.call("eth_accounts");
        assertThat(accounts).hasSize(10);
        assertThat(accounts.get(0).textValue()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(rpc.call("eth_maxPriorityFeePerGas").textValue()).isEqualTo("0x3b9aca00");
        assertThat(new BigInteger(rpc.call("eth_gasPrice").textValue().substring(2), 16))
                .isGreaterThan(BigInteger.valueOf(1_000_000_000L));
    }

    @Test
    void transferIsMinedAndShownWithGethShapedReceiptTransactionAndBlock() {
        PrivateKey alice = DevChain.KEYS.get(1);
        Address bob = Address.fromHex("0x00000000000000000000000000000000000b0b00");
        Transaction tx = DevChain.transfer(alice, DevChain.nonce(rpc, alice.address()), bob, UInt256.of(12345));
        String hash = rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue();
        assertThat(hash).isEqualTo(tx.hash().toHex());

        JsonNode receipt = rpc.awaitReceipt(hash);
        assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
        assertThat(receipt.get("gasUsed").textValue()).isEqualTo("0x5208");
        assertThat(receipt.get("type").textValue()).isEqualTo("0x2");
        assertThat(receipt.get("from").textValue()).isEqualTo(alice.address().toHex());
        assertThat(receipt.get("to").textValue()).isEqualTo(bob.toHex());
        assertThat(receipt.get("contractAddress").isNull()).isTrue();
        assertThat(receipt.get("logs")).isEmpty();
        assertThat(receipt.get("logsBloom").textValue()).hasSize(2 + 512);
        assertThat(receipt.fieldNames()).toIterable().contains("effectiveGasPrice", "cumulativeGasUsed",
                "transactionIndex", "blockHash", "blockNumber", "transactionHash");
        assertThat(rpc.call("eth_getBalance", bob.toHex(), "latest").textValue()).isEqualTo("0x3039");

        JsonNode shown = rpc.call("eth_getTransactionByHash", hash);
        assertThat(shown.get("hash").textValue()).isEqualTo(hash);
        assertThat(shown.get("blockHash").textValue()).isEqualTo(receipt.get("blockHash").textValue());
        assertThat(shown.get("yParity").textValue()).isIn("0x0", "0x1");
        assertThat(shown.get("v").textValue()).isEqualTo(shown.get("yParity").textValue());
        assertThat(shown.get("accessList")).isEmpty();
        assertThat(shown.get("chainId").textValue()).isEqualTo("0x7a69");
        assertThat(shown.get("maxFeePerGas").textValue()).isEqualTo("0x2540be400");
        assertThat(shown.get("input").textValue()).isEqualTo("0x");

        String number = receipt.get("blockNumber").textValue();
        JsonNode block = rpc.call("eth_getBlockByNumber", number, true);
        assertThat(block.get("hash").textValue()).isEqualTo(receipt.get("blockHash").textValue());
        assertThat(block.get("transactions").get(0).get("hash").textValue()).isEqualTo(hash);
        assertThat(block.get("withdrawals")).isEmpty();
        assertThat(block.get("uncles")).isEmpty();
        assertThat(block.get("nonce").textValue()).isEqualTo("0x0000000000000000");
        assertThat(block.fieldNames()).toIterable().contains("baseFeePerGas", "withdrawalsRoot", "blobGasUsed",
                "excessBlobGas", "parentBeaconBlockRoot", "mixHash", "sha3Uncles", "size", "stateRoot", "miner",
                "totalDifficulty", "logsBloom", "receiptsRoot", "transactionsRoot", "extraData", "timestamp");
        JsonNode byHash = rpc.call("eth_getBlockByHash", block.get("hash").textValue(), false);
        assertThat(byHash.get("transactions").get(0).textValue()).isEqualTo(hash);
        assertThat(rpc.call("eth_getBlockTransactionCountByNumber", number).textValue()).isEqualTo("0x1");
        assertThat(rpc.call("eth_getBlockTransactionCountByHash", block.get("hash").textValue()).textValue())
                .isEqualTo("0x1");
        assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", number, "0x0").get("hash").textValue())
                .isEqualTo(hash);
        assertThat(rpc.call("eth_getTransactionByBlockHashAndIndex", block.get("hash").textValue(), "0x0")
                .get("hash").textValue()).isEqualTo(hash);
        assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", number, "0x5").isNull()).isTrue();
        assertThat(rpc.call("eth_getBlockReceipts", number).get(0).get("transactionHash").textValue()).isEqualTo(hash);
        assertThat(rpc.call("eth_getBlockByNumber", "0xffffff", false).isNull()).isTrue();
        assertThat(rpc.call("eth_getTransactionReceipt", "0x" + "11".repeat(32)).isNull()).isTrue();
    }

    @Test
    void nonceCountsByLatestPendingNumberAndBlockHash() {
        PrivateKey carol = DevChain.KEYS.get(3);
        long before = DevChain.nonce(rpc, carol.address());
        JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(
                DevChain.transfer(carol, before, carol.address(), UInt256.ONE))).textValue());
        assertThat(rpc.call("eth_getTransactionCount", carol.address().toHex(), "latest").textValue())
                .isEqualTo("0x" + Long.toHexString(before + 1));
        assertThat(rpc.call("eth_getTransactionCount", carol.address().toHex(), "earliest").textValue()).isEqualTo("0x0");
        assertThat(rpc.call("eth_getTransactionCount", carol.address().toHex(),
                Map.of("blockHash", receipt.get("blockHash").textValue())).textValue())
                .isEqualTo("0x" + Long.toHexString(before + 1));
        assertThat(rpc.call("eth_getTransactionCount", carol.address().toHex(),
                Map.of("blockNumber", receipt.get("blockNumber").textValue())).textValue())
                .isEqualTo("0x" + Long.toHexString(before + 1));
        NodeRpc.Failure missing = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_getTransactionCount",
                carol.address().toHex(), Map.of("blockHash", "0x" + "22".repeat(32))));
        assertThat(missing.code).isEqualTo(-32000);
        assertThat(missing.rpcMessage()).isEqualTo("header for hash not found");
    }

    @Test
    void contractCodeStorageCallsLogsAndReverts() {
        assertThat(rpc.call("eth_getCode", contract.toHex(), "latest").textValue()).isEqualTo(hex(DevChain.RUNTIME));
        assertThat(rpc.call("eth_call", Map.of("to", contract.toHex()), "latest").textValue())
                .isEqualTo(hex(UInt256.of(42).toBytes32()));

        NodeRpc.Failure reverted = catchThrowableOfType(NodeRpc.Failure.class,
                () -> rpc.call("eth_call", Map.of("to", contract.toHex(), "input", "0x01"), "latest"));
        assertThat(reverted.code).isEqualTo(3);
        assertThat(reverted.rpcMessage()).isEqualTo("execution reverted: nope");
        assertThat(reverted.data.textValue()).startsWith("0x08c379a0");

        NodeRpc.Failure estimateReverted = catchThrowableOfType(NodeRpc.Failure.class,
                () -> rpc.call("eth_estimateGas", Map.of("to", contract.toHex(), "data", "0x01")));
        assertThat(estimateReverted.code).isEqualTo(3);
        assertThat(estimateReverted.data.textValue()).isEqualTo(reverted.data.textValue());

        long estimate = Long.decode(rpc.call("eth_estimateGas", Map.of("from", DevChain.KEYS.get(4).address().toHex(),
                "to", contract.toHex())).textValue());
        assertThat(estimate).isBetween(21_000L + 22_100, 70_000L);

        // A transaction with exactly the estimate succeeds: the estimate is enough.
        PrivateKey dave = DevChain.KEYS.get(4);
        Transaction tx = DevChain.eip1559(DevChain.nonce(rpc, dave.address())).to(contract).gasLimit(estimate).sign(dave);
        JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue());
        assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
        JsonNode log = receipt.get("logs").get(0);
        assertThat(log.get("address").textValue()).isEqualTo(contract.toHex());
        assertThat(log.get("topics").get(0).textValue()).isEqualTo(DevChain.TOPIC.toHex());
        assertThat(log.get("removed").booleanValue()).isFalse();
        assertThat(log.get("logIndex").textValue()).isEqualTo("0x0");
        assertThat(rpc.call("eth_getStorageAt", contract.toHex(), "0x0", "latest").textValue())
                .isEqualTo(hex(UInt256.of(42).toBytes32()));

        String block = receipt.get("blockNumber").textValue();
        JsonNode logs = rpc.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "latest",
                "address", contract.toHex(), "topics", List.of(DevChain.TOPIC.toHex())));
        assertThat(logs).isNotEmpty();
        assertThat(logs.get(logs.size() - 1).get("transactionHash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(rpc.call("eth_getLogs", Map.of("blockHash", receipt.get("blockHash").textValue()))).hasSize(1);
        assertThat(rpc.call("eth_getLogs", Map.of("fromBlock", block, "toBlock", block,
                "topics", List.of("0x" + "00".repeat(31) + "78")))).isEmpty();
        assertThat(rpc.call("eth_getLogs", Map.of("fromBlock", block, "toBlock", block,
                "address", List.of("0x" + "00".repeat(20), contract.toHex())))).hasSize(1);
    }

    @Test
    void callWithStateOverridesRunsOnAThrowAwayState() {
        Address ghost = Address.fromHex("0x000000000000000000000000000000000000dead");
        String code = hex(DevChain.RUNTIME);
        JsonNode result = rpc.call("eth_call", Map.of("to", ghost.toHex()), "latest",
                Map.of(ghost.toHex(), Map.of("code", code)));
        assertThat(result.textValue()).isEqualTo(hex(UInt256.of(42).toBytes32()));
        assertThat(rpc.call("eth_getCode", ghost.toHex(), "latest").textValue()).isEqualTo("0x");

        // A poor sender made rich for one call can send value.
        Address poor = Address.fromHex("0x000000000000000000000000000000000000beef");
        NodeRpc.Failure broke = catchThrowableOfType(NodeRpc.Failure.class,
                () -> rpc.call("eth_call", Map.of("from", poor.toHex(), "to", ghost.toHex(), "value", "0x1"), "latest"));
        assertThat(broke.code).isEqualTo(-32000);
        assertThat(broke.rpcMessage()).startsWith("insufficient funds for gas * price + value");
        assertThat(rpc.call("eth_call", Map.of("from", poor.toHex(), "to", ghost.toHex(), "value", "0x1"), "latest",
                Map.of(poor.toHex(), Map.of("balance", "0x10"))).textValue()).isEqualTo("0x");

        NodeRpc.Failure both = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_call",
                Map.of("to", ghost.toHex()), "latest", Map.of(ghost.toHex(), Map.of("state", Map.of(), "stateDiff", Map.of()))));
        assertThat(both.code).isEqualTo(-32602);
        assertThat(both.rpcMessage()).contains("has both 'state' and 'stateDiff'");
    }

    @Test
    void parkSystemContractsShowMarkerCode() {
        assertThat(rpc.call("eth_getCode", SystemAddresses.REGISTRY.toHex(), "latest").textValue())
                .isEqualTo(hex(SystemContracts.MARKER_CODE));
        String marker = rpc.call("eth_getCode", SystemAddresses.OFFERINGS.toHex(), "latest").textValue();
        assertThat(marker).isEqualTo(hex(SystemContracts.MARKER_CODE));
        // A copy of the marker code run as bytecode (a fork of the chain, a clone) explains itself.
        Address copy = Address.fromLong(0xc0b1e5);
        NodeRpc.Failure run = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_call",
                Map.of("to", copy.toHex()), "latest", Map.of(copy.toHex(), Map.of("code", marker))));
        assertThat(run.code).isEqualTo(3);
        assertThat(run.rpcMessage()).isEqualTo("execution reverted: park: native system contract");
    }

    @Test
    void sendTransactionSignsForDevAccountsOnly() {
        Address to = Address.fromHex("0x00000000000000000000000000000000000c0c00");
        String hash = rpc.call("eth_sendTransaction", Map.of("from", DevChain.KEYS.get(5).address().toHex(),
                "to", to.toHex(), "value", "0x64")).textValue();
        assertThat(rpc.awaitReceipt(hash).get("status").textValue()).isEqualTo("0x1");
        assertThat(rpc.call("eth_getBalance", to.toHex(), "latest").textValue()).isEqualTo("0x64");
        NodeRpc.Failure unknown = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_sendTransaction",
                Map.of("from", to.toHex(), "to", to.toHex())));
        assertThat(unknown.code).isEqualTo(-32000);
        assertThat(unknown.rpcMessage()).isEqualTo("unknown account");
    }

    @Test
    void pollingFiltersSeeNewBlocksLogsAndPendingTransactions() {
        String blocks = rpc.call("eth_newBlockFilter").textValue();
        String logs = rpc.call("eth_newFilter", Map.of("address", contract.toHex())).textValue();
        String pending = rpc.call("eth_newPendingTransactionFilter").textValue();
        assertThat(blocks).matches("0x[1-9a-f][0-9a-f]*");

        PrivateKey erin = DevChain.KEYS.get(6);
        Transaction tx = DevChain.eip1559(DevChain.nonce(rpc, erin.address())).to(contract).gasLimit(100_000).sign(erin);
        JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue());

        assertThat(rpc.call("eth_getFilterChanges", blocks)).extracting(JsonNode::textValue)
                .contains(receipt.get("blockHash").textValue());
        JsonNode logChanges = rpc.call("eth_getFilterChanges", logs);
        assertThat(logChanges).hasSize(1);
        assertThat(logChanges.get(0).get("transactionHash").textValue()).isEqualTo(tx.hash().toHex());
        assertThat(rpc.call("eth_getFilterChanges", logs)).isEmpty();
        assertThat(rpc.call("eth_getFilterLogs", logs)).isNotEmpty();
        assertThat(rpc.call("eth_getFilterChanges", pending)).extracting(JsonNode::textValue).contains(tx.hash().toHex());

        assertThat(rpc.call("eth_uninstallFilter", blocks).booleanValue()).isTrue();
        assertThat(rpc.call("eth_uninstallFilter", blocks).booleanValue()).isFalse();
        NodeRpc.Failure gone = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_getFilterChanges", blocks));
        assertThat(gone.code).isEqualTo(-32000);
        assertThat(gone.rpcMessage()).isEqualTo("filter not found");
    }

    @Test
    void feeHistoryAndProofs() {
        JsonNode history = rpc.call("eth_feeHistory", "0x4", "latest", List.of(25, 75));
        int blocks = history.get("gasUsedRatio").size();
        assertThat(blocks).isBetween(1, 4);
        assertThat(history.get("baseFeePerGas")).hasSize(blocks + 1);
        assertThat(history.get("reward")).hasSize(blocks);
        assertThat(history.get("reward").get(0)).hasSize(2);
        assertThat(history.get("oldestBlock").textValue()).startsWith("0x");
        assertThatThrownBy(() -> rpc.call("eth_feeHistory", "0x4", "latest", List.of(75, 25)))
                .isInstanceOf(NodeRpc.Failure.class).hasMessageContaining("invalid reward percentile");

        Address board = DevChain.KEYS.get(0).address();
        JsonNode proof = rpc.call("eth_getProof", board.toHex(), List.of("0x0"), "latest");
        assertThat(proof.get("balance").textValue()).isEqualTo(rpc.call("eth_getBalance", board.toHex(), "latest").textValue());
        assertThat(proof.get("accountProof")).isNotEmpty();
        assertThat(proof.get("storageProof").get(0).get("value").textValue()).isEqualTo("0x0");
        // The proof's first node is the state root's preimage.
        String root = rpc.call("eth_getBlockByNumber", "latest", false).get("stateRoot").textValue();
        assertThat(Keccak.hash(Hex.decode(proof.get("accountProof").get(0).textValue())).toHex()).isEqualTo(root);
    }
}
