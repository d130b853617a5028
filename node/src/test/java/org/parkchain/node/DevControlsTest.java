package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;

/** Hardhat's and Anvil's development methods over real HTTP against a dev node. */
class DevControlsTest {
    private static final Address SOMEONE = Address.fromLong(0xdead01);
    private static ParkchainNode node;
    private static NodeRpc rpc;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        rpc = new NodeRpc(node.rpcUrl());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static long number(JsonNode quantity) {
        return Long.decode(quantity.textValue());
    }

    private static long head() {
        return number(rpc.call("eth_blockNumber"));
    }

    private static long timestamp(String block) {
        return number(rpc.call("eth_getBlockByNumber", block, false).get("timestamp"));
    }

    private static JsonNode receipt(String tx) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode r = rpc.call("eth_getTransactionReceipt", tx);
            if (!r.isNull()) {
                return r;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no receipt for " + tx);
    }

    @Test
    void snapshotAndRevertUndoBlocksTransactionsAndEdits() {
        PrivateKey sender = DevChain.KEYS.get(3);
        long before = head();
        String balanceBefore = rpc.call("eth_getBalance", SOMEONE.toHex(), "latest").textValue();
        String id = rpc.call("evm_snapshot").textValue();
        assertThat(id).startsWith("0x");
        String tx = rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(sender,
                DevChain.nonce(rpc, sender.address()), SOMEONE, UInt256.of(5)))).textValue();
        receipt(tx);
        assertThat(rpc.call("hardhat_setCode", SOMEONE.toHex(), "0x6000").booleanValue()).isTrue();
        assertThat(head()).isGreaterThan(before);

        assertThat(rpc.call("evm_revert", id).booleanValue()).isTrue();
        assertThat(head()).isEqualTo(before);
        assertThat(rpc.call("eth_getBalance", SOMEONE.toHex(), "latest").textValue()).isEqualTo(balanceBefore);
        assertThat(rpc.call("eth_getCode", SOMEONE.toHex(), "latest").textValue()).isEqualTo("0x");
        assertThat(rpc.call("eth_getTransactionReceipt", tx).isNull()).isTrue();
        assertThat(rpc.call("evm_revert", id).booleanValue()).isFalse(); // used up, as with Hardhat
    }

    @Test
    void withoutAutomineTransactionsWaitForEvmMine() throws Exception {
        PrivateKey sender = DevChain.KEYS.get(4);
        assertThat(rpc.call("hardhat_getAutomine").booleanValue()).isTrue();
        assertThat(rpc.call("evm_setAutomine", false).booleanValue()).isTrue();
        try {
            assertThat(rpc.call("anvil_getAutomine").booleanValue()).isFalse();
            long before = head();
            String tx = rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(sender,
                    DevChain.nonce(rpc, sender.address()), SOMEONE, UInt256.ONE))).textValue();
            Thread.sleep(300);
            assertThat(head()).isEqualTo(before);
            assertThat(rpc.call("eth_getTransactionReceipt", tx).isNull()).isTrue();
            assertThat(rpc.call("evm_mine").textValue()).isEqualTo("0x0");
            assertThat(head()).isEqualTo(before + 1);
            assertThat(rpc.call("eth_getTransactionReceipt", tx).get("blockNumber").textValue())
                    .isEqualTo("0x" + Long.toHexString(before + 1));
        } finally {
            rpc.call("evm_setAutomine", true);
        }
    }

    @Test
    void timeMovesForwardOnlyAndBlocksFollowIt() {
        // The offset is from the wall clock, as with Hardhat (the head may be a few seconds ahead of it after a burst).
        long wall = System.currentTimeMillis() / 1000;
        long offset = Long.parseLong(rpc.call("evm_increaseTime", 3600).textValue());
        assertThat(offset).isGreaterThanOrEqualTo(3600);
        rpc.call("evm_mine");
        assertThat(timestamp("latest")).isGreaterThanOrEqualTo(wall + offset);

        long target = timestamp("latest") + 1000;
        assertThat(rpc.call("evm_setNextBlockTimestamp", "0x" + Long.toHexString(target)).textValue())
                .isEqualTo(Long.toString(target));
        rpc.call("hardhat_mine", "0x3", "0x10");
        assertThat(timestamp("latest")).isEqualTo(target + 32);

        rpc.call("evm_mine", target + 5000);
        assertThat(timestamp("latest")).isEqualTo(target + 5000);
        assertThatThrownBy(() -> rpc.call("evm_setNextBlockTimestamp", target))
                .hasMessageContaining("Timestamp " + target + " is lower than or equal to previous block's timestamp");
    }

    @Test
    void stateEditsShowAtLatest() {
        Address who = Address.fromLong(0xdead02);
        String slot = "0x0000000000000000000000000000000000000000000000000000000000000abc";
        assertThat(rpc.call("hardhat_setBalance", who.toHex(), "0xde0b6b3a7640000").booleanValue()).isTrue();
        assertThat(rpc.call("anvil_setCode", who.toHex(), "0x60016000").booleanValue()).isTrue();
        assertThat(rpc.call("hardhat_setStorageAt", who.toHex(), "0x1", slot).booleanValue()).isTrue();
        assertThat(rpc.call("hardhat_setNonce", who.toHex(), "0x7").booleanValue()).isTrue();
        assertThat(rpc.call("eth_getBalance", who.toHex(), "latest").textValue()).isEqualTo("0xde0b6b3a7640000");
        assertThat(rpc.call("eth_getCode", who.toHex(), "latest").textValue()).isEqualTo("0x60016000");
        assertThat(rpc.call("eth_getStorageAt", who.toHex(), "0x1", "latest").textValue()).isEqualTo(slot);
        assertThat(rpc.call("eth_getTransactionCount", who.toHex(), "latest").textValue()).isEqualTo("0x7");
        assertThatThrownBy(() -> rpc.call("hardhat_setNonce", who.toHex(), "0x6"))
                .hasMessageContaining("New nonce (6) must not be smaller than the existing nonce (7)");
        assertThatThrownBy(() -> rpc.call("hardhat_setStorageAt", who.toHex(), "0x1", "0x01"))
                .hasMessageContaining("Storage value must be exactly 32 bytes long");
    }

    @Test
    void metadataNamesTheNodeAndItsHead() {
        JsonNode m = rpc.call("hardhat_metadata");
        assertThat(m.get("clientVersion").textValue()).isEqualTo(rpc.call("web3_clientVersion").textValue())
                .startsWith("anvil-compatible Parkchain/v");
        assertThat(m.get("chainId").longValue()).isEqualTo(31337);
        assertThat(m.get("instanceId").textValue()).hasSize(66);
        assertThat(m.get("latestBlockNumber").longValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void thePoolAndThePendingBlockAsGethShowsThem() throws Exception {
        PrivateKey sender = DevChain.KEYS.get(6);
        String from = sender.address().toChecksumHex();
        rpc.call("evm_setAutomine", false);
        try {
            long nonce = DevChain.nonce(rpc, sender.address());
            String first = rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(sender, nonce, SOMEONE, UInt256.ONE))).textValue();
            String second = rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(sender, nonce + 1, SOMEONE, UInt256.ONE))).textValue();
            String gapped = rpc.call("eth_sendRawTransaction", DevChain.raw(DevChain.transfer(sender, nonce + 3, SOMEONE, UInt256.ONE))).textValue();

            JsonNode status = rpc.call("txpool_status");
            assertThat(status.get("pending").textValue()).isEqualTo("0x2");
            assertThat(status.get("queued").textValue()).isEqualTo("0x1");
            JsonNode content = rpc.call("txpool_content");
            assertThat(content.at("/pending/" + from + "/" + nonce + "/hash").textValue()).isEqualTo(first);
            assertThat(content.at("/pending/" + from + "/" + (nonce + 1) + "/hash").textValue()).isEqualTo(second);
            assertThat(content.at("/queued/" + from + "/" + (nonce + 3) + "/hash").textValue()).isEqualTo(gapped);
            assertThat(rpc.call("txpool_inspect").at("/pending/" + from + "/" + nonce).textValue())
                    .isEqualTo(SOMEONE.toChecksumHex() + ": 1 wei + 21000 gas × 10000000000 wei");

            long head = head();
            JsonNode pending = rpc.call("eth_getBlockByNumber", "pending", false);
            assertThat(number(pending.get("number"))).isEqualTo(head + 1);
            assertThat(pending.get("hash").isNull()).isTrue();
            assertThat(pending.get("transactions")).extracting(JsonNode::textValue).containsExactly(first, second);
            assertThat(rpc.call("eth_getBlockTransactionCountByNumber", "pending").textValue()).isEqualTo("0x2");
            assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", "pending", "0x1").get("hash").textValue())
                    .isEqualTo(second);
            assertThat(number(rpc.call("eth_getHeaderByNumber", "pending").get("number"))).isEqualTo(head + 1);
            assertThat(head()).isEqualTo(head); // nothing was appended

            rpc.call("evm_mine");
            JsonNode mined = rpc.call("eth_getBlockByNumber", "latest", false);
            assertThat(mined.get("transactions")).extracting(JsonNode::textValue).containsExactly(first, second);
            JsonNode header = rpc.call("eth_getHeaderByNumber", "latest");
            assertThat(header.get("hash")).isEqualTo(mined.get("hash"));
            assertThat(header.get("stateRoot")).isEqualTo(mined.get("stateRoot"));
            assertThat(header.has("transactions")).isFalse();
            assertThat(rpc.call("eth_getHeaderByHash", mined.get("hash").textValue()).get("number")).isEqualTo(mined.get("number"));
            assertThat(rpc.call("eth_blobBaseFee").textValue()).isEqualTo("0x1");
        } finally {
            rpc.call("evm_setAutomine", true);
        }
    }
}
