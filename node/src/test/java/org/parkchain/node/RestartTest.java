package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.GenesisException;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.rpc.RpcConfig;
import org.parkchain.rpc.eth.EthApiConfig;

/** A node with a data directory keeps its chain across restarts; a genesis file starts a verified park chain. */
class RestartTest {
    private static final Address SINK = Address.fromHex("0x0000000000000000000000000000000000007777");

    @Test
    void devChainOnDiskSurvivesRestart(@TempDir Path dir) {
        String txHash;
        JsonNode receipt;
        JsonNode head;
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            PrivateKey key = DevChain.KEYS.get(1);
            Transaction tx = DevChain.transfer(key, 0, SINK, UInt256.of(5));
            txHash = rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue();
            receipt = rpc.awaitReceipt(txHash);
            head = rpc.call("eth_getBlockByNumber", "latest", false);
        }
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThat(rpc.call("eth_getBlockByNumber", "latest", false)).isEqualTo(head);
            assertThat(rpc.call("eth_getTransactionReceipt", txHash)).isEqualTo(receipt);
            assertThat(rpc.call("eth_getBalance", SINK.toHex(), "latest").textValue()).isEqualTo("0x5");
            // And it keeps going from where it was.
            PrivateKey key = DevChain.KEYS.get(1);
            rpc.awaitReceipt(rpc.call("eth_sendRawTransaction",
                    DevChain.raw(DevChain.transfer(key, 1, SINK, UInt256.of(5)))).textValue());
            assertThat(rpc.call("eth_getBalance", SINK.toHex(), "latest").textValue()).isEqualTo("0xa");
        }
    }

    @Test
    void genesisFileStartsAVerifiedParkChainAndIsKeptForRestarts(@TempDir Path dir) throws Exception {
        PrivateKey board = DevChain.KEYS.get(0);
        PrivateKey stranger = DevChain.KEYS.get(3);
        Path genesis = dir.resolve("park-genesis.json");
        Files.writeString(genesis, """
                {"chainId": 4242, "gasLimit": "30000000", "baseFeePerGas": "1000000000",
                 "alloc": {"%s": {"balance": "1000000000000000000000"}, "%s": {"balance": "1000000000000000000000"}},
                 "park": {"board": ["%s"], "threshold": 1, "treasury": "%s"}}
                """.formatted(board.address().toHex(), stranger.address().toHex(), board.address().toHex(),
                DevChain.KEYS.get(9).address().toHex()));
        Path data = dir.resolve("data");
        NodeConfig config = new NodeConfig(false, java.util.Optional.of(data), java.util.Optional.of(genesis),
                PermissionPolicy.Mode.VERIFIED, java.util.Optional.of(Duration.ofMillis(50)),
                RpcConfig.defaults().withPort(0), EthApiConfig.defaults());
        try (ParkchainNode node = ParkchainNode.start(config)) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThat(rpc.call("eth_chainId").textValue()).isEqualTo("0x1092");
            assertThat(rpc.call("eth_accounts")).isEmpty();
            Transaction tx = org.parkchain.primitives.tx.Transaction.builder(
                    org.parkchain.primitives.tx.TransactionType.DYNAMIC_FEE).chainId(4242).nonce(0)
                    .maxPriorityFeePerGas(DevChain.GWEI).maxFeePerGas(DevChain.GWEI.mul(UInt256.of(10)))
                    .gasLimit(21_000).to(SINK).value(UInt256.ONE).sign(stranger);
            NodeRpc.Failure refused = catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("eth_sendRawTransaction", DevChain.raw(tx)));
            assertThat(refused.code).isEqualTo(-32000);
            assertThat(refused.rpcMessage()).contains("permissioning").contains("not verified");
            // Fixed block time: blocks come without transactions.
            long start = Long.decode(rpc.call("eth_blockNumber").textValue());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (Long.decode(rpc.call("eth_blockNumber").textValue()) < start + 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Long.decode(rpc.call("eth_blockNumber").textValue())).isGreaterThanOrEqualTo(start + 2);
        }
        assertThat(data.resolve(ParkchainNode.GENESIS_FILE)).exists();
        NodeConfig restart = new NodeConfig(false, java.util.Optional.of(data), java.util.Optional.empty(),
                PermissionPolicy.Mode.VERIFIED, java.util.Optional.empty(), RpcConfig.defaults().withPort(0),
                EthApiConfig.defaults());
        try (ParkchainNode node = ParkchainNode.start(restart)) {
            assertThat(node.chain().head().number()).isGreaterThanOrEqualTo(2);
        }
        Path otherChainId = dir.resolve("other-id.json");
        Files.writeString(otherChainId, Files.readString(genesis).replace("4242", "4243"));
        assertThatThrownBy(() -> ParkchainNode.start(restart.withGenesisFile(otherChainId)))
                .isInstanceOf(GenesisException.class).hasMessageContaining("has chain id 4242")
                .hasMessageContaining("another genesis");
        Path otherAlloc = dir.resolve("other-alloc.json");
        Files.writeString(otherAlloc, Files.readString(genesis).replace("1000000000000000000000", "2000000000000000000000"));
        assertThatThrownBy(() -> ParkchainNode.start(restart.withGenesisFile(otherAlloc)))
                .isInstanceOf(GenesisException.class).hasMessageContaining("another genesis");
    }

    @Test
    void genesisFileWithoutTheParkIsRefused(@TempDir Path dir) throws Exception {
        Path genesis = dir.resolve("g.json");
        Files.writeString(genesis, "{\"chainId\": 5, \"gasLimit\": \"30000000\", \"baseFeePerGas\": \"1\"}");
        NodeConfig config = new NodeConfig(false, java.util.Optional.of(dir.resolve("d")), java.util.Optional.of(genesis),
                PermissionPolicy.Mode.VERIFIED, java.util.Optional.empty(), RpcConfig.defaults().withPort(0),
                EthApiConfig.defaults());
        assertThatThrownBy(() -> ParkchainNode.start(config)).isInstanceOf(GenesisException.class)
                .hasMessageContaining("missing the \"park\" member");
        NodeConfig noGenesis = new NodeConfig(false, java.util.Optional.of(dir.resolve("e")), java.util.Optional.empty(),
                PermissionPolicy.Mode.VERIFIED, java.util.Optional.empty(), RpcConfig.defaults().withPort(0),
                EthApiConfig.defaults());
        assertThatThrownBy(() -> ParkchainNode.start(noGenesis)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--genesis FILE is required to start a new chain");
    }
}
