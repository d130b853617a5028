package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.node.park.ParkAbi;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.rpc.RpcConfig;
import org.parkchain.rpc.eth.EthApiConfig;

/**
 * hardhat_impersonateAccount on a dev node kept on disk: the node sends as an account whose key nobody holds, and
 * every reader — the receipt, the transaction, the park's rules, the trace replay, the explorer's index — sees that
 * sender, before and after a restart. A node that is not a development chain refuses both the method and a
 * transaction that carries an impersonation signature.
 */
class ImpersonationTest {
    private static final Address KEYLESS = Address.fromHex("0x5afe00000000000000000000000000000000b0a4");
    private static final Map<String, Object> CALL_TRACER = Map.of("tracer", "callTracer");

    private static Map<String, Object> request(byte[] data) {
        return Map.of("from", KEYLESS.toHex(), "to", SystemAddresses.REGISTRY.toHex(), "data", Hex.encode(data));
    }

    @Test
    void aDevNodeSendsAsAnImpersonatedAccountAndEveryReaderSeesItAcrossARestart(@TempDir Path dir) {
        String txHash;
        JsonNode receipt;
        JsonNode tx;
        JsonNode trace;
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            rpc.call("hardhat_setBalance", KEYLESS.toHex(), "0xde0b6b3a7640000");
            byte[] apply = ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Impersonated Ltd",
                    ParkAbi.hashOf("registration"), ParkAbi.hashOf("project"));
            NodeRpc.Failure unknown = catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("eth_sendTransaction", request(apply)));
            assertThat(unknown.rpcMessage()).isEqualTo("unknown account");

            assertThat(rpc.call("hardhat_impersonateAccount", KEYLESS.toHex()).booleanValue()).isTrue();
            assertThat(rpc.call("eth_accounts").toString()).contains(KEYLESS.toHex());
            txHash = rpc.call("eth_sendTransaction", request(apply)).textValue();
            receipt = rpc.awaitReceipt(txHash);
            assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
            assertThat(receipt.get("from").textValue()).isEqualTo(KEYLESS.toHex());
            // The registry saw the impersonated account as its caller: the applicant is KEYLESS.
            assertThat(receipt.at("/logs/0/topics/1").textValue()).isEqualTo(Hex.encode(KEYLESS.toWord()));
            tx = rpc.call("eth_getTransactionByHash", txHash);
            assertThat(tx.get("from").textValue()).isEqualTo(KEYLESS.toHex());
            trace = rpc.call("debug_traceTransaction", txHash, CALL_TRACER);
            assertThat(trace.get("from").textValue()).isEqualTo(KEYLESS.toHex());
            assertThat(explorerListsTransactionOf(rpc, KEYLESS, txHash)).isTrue();

            assertThat(rpc.call("hardhat_stopImpersonatingAccount", KEYLESS.toHex()).booleanValue()).isTrue();
            assertThat(rpc.call("hardhat_stopImpersonatingAccount", KEYLESS.toHex()).booleanValue()).isFalse();
            NodeRpc.Failure stopped = catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("eth_sendTransaction", Map.of("from", KEYLESS.toHex(), "to", KEYLESS.toHex())));
            assertThat(stopped.rpcMessage()).isEqualTo("unknown account");
        }
        try (ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults().withDataDir(dir))) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            assertThat(rpc.call("eth_getTransactionReceipt", txHash)).isEqualTo(receipt);
            assertThat(rpc.call("eth_getTransactionByHash", txHash)).isEqualTo(tx);
            assertThat(rpc.call("debug_traceTransaction", txHash, CALL_TRACER)).isEqualTo(trace);
            assertThat(explorerListsTransactionOf(rpc, KEYLESS, txHash)).isTrue();
            // A restart forgets who is impersonated (as Hardhat and Anvil do); the chain keeps who sent what.
            assertThat(rpc.call("eth_accounts").toString()).doesNotContain(KEYLESS.toHex());
        }
    }

    @Test
    void theParksPermissionChecksJudgeTheImpersonatedSender() {
        NodeConfig verified = new NodeConfig(true, Optional.empty(), Optional.empty(), PermissionPolicy.Mode.VERIFIED,
                Optional.empty(), RpcConfig.defaults().withPort(0), EthApiConfig.defaults());
        try (ParkchainNode node = ParkchainNode.start(verified)) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            rpc.call("hardhat_setBalance", KEYLESS.toHex(), "0xde0b6b3a7640000");
            rpc.call("hardhat_impersonateAccount", KEYLESS.toHex());
            // Not verified: the pool refuses it in the sender's name, as it would a signed transaction.
            NodeRpc.Failure refused = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call("eth_sendTransaction",
                    Map.of("from", KEYLESS.toHex(), "to", DevChain.KEYS.get(1).address().toHex(), "value", "0x1")));
            assertThat(refused.rpcMessage()).startsWith("permissioning: sender " + KEYLESS + " is not verified");
            // Anyone may apply for residency, the impersonated account too.
            byte[] apply = ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Impersonated Ltd",
                    ParkAbi.hashOf("registration"), ParkAbi.hashOf("project"));
            JsonNode receipt = rpc.awaitReceipt(rpc.call("eth_sendTransaction", request(apply)).textValue());
            assertThat(receipt.get("status").textValue()).isEqualTo("0x1");
            assertThat(receipt.get("from").textValue()).isEqualTo(KEYLESS.toHex());
        }
    }

    /** Polls the explorer's address page data until it lists {@code txHash} (its index follows the chain). */
    private static boolean explorerListsTransactionOf(NodeRpc rpc, Address who, String txHash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            NodeRpc.Reply reply = rpc.get("/api/addresses/" + who.toChecksumHex() + "/txs");
            if (reply.status() == 200 && reply.body().toLowerCase().contains(txHash.toLowerCase())) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void aNodeThatIsNotADevChainRefusesTheMethodAndTheTransactions(@TempDir Path dir) throws Exception {
        Path genesis = dir.resolve("genesis.json");
        Files.writeString(genesis, """
                {"chainId": 4242, "gasLimit": "30000000", "baseFeePerGas": "1000000000",
                 "alloc": {"%s": {"balance": "1000000000000000000000"}},
                 "park": {"board": ["%s"], "threshold": 1, "treasury": "%s"}}
                """.formatted(KEYLESS.toHex(), DevChain.KEYS.get(0).address().toHex(),
                DevChain.KEYS.get(9).address().toHex()));
        NodeConfig config = new NodeConfig(false, Optional.of(dir.resolve("data")), Optional.of(genesis),
                PermissionPolicy.Mode.OPEN, Optional.empty(), RpcConfig.defaults().withPort(0), EthApiConfig.defaults());
        try (ParkchainNode node = ParkchainNode.start(config)) {
            NodeRpc rpc = new NodeRpc(node.rpcUrl());
            NodeRpc.Failure method = catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("hardhat_impersonateAccount", KEYLESS.toHex()));
            assertThat(method.code).isEqualTo(-32000);
            assertThat(method.rpcMessage()).isEqualTo(
                    "hardhat_impersonateAccount is only available on a development chain (parkchain node --dev)");
            assertThat(catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("anvil_autoImpersonateAccount", true)).rpcMessage()).contains("development chain");

            // Made elsewhere and sent raw: the pool refuses it, though KEYLESS has the funds (open permissioning).
            Transaction impersonated = DevChain.eip1559(0).chainId(4242).to(KEYLESS).value(UInt256.ONE)
                    .impersonate(KEYLESS);
            NodeRpc.Failure raw = catchThrowableOfType(NodeRpc.Failure.class,
                    () -> rpc.call("eth_sendRawTransaction", DevChain.raw(impersonated)));
            assertThat(raw.code).isEqualTo(-32000);
            assertThat(raw.rpcMessage()).isEqualTo("permissioning: impersonated sender " + KEYLESS
                    + ": a transaction without its sender's signature is accepted on a development chain only"
                    + " (parkchain node --dev)");
        }
    }
}
