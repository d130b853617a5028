package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.SystemAddresses;

/** debug_trace* against a dev node: mined transactions re-executed in their block, and calls into the park's contracts. */
class TracingTest {
    private static ParkchainNode node;
    private static NodeRpc rpc;
    private static Address contract;
    private static JsonNode receipt;
    private static String txHash;

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        rpc = new NodeRpc(node.rpcUrl());
        contract = DevChain.deploy(rpc, DevChain.KEYS.get(3));
        PrivateKey sender = DevChain.KEYS.get(3);
        Transaction tx = DevChain.eip1559(DevChain.nonce(rpc, sender.address())).to(contract).gasLimit(100_000).sign(sender);
        txHash = rpc.call("eth_sendRawTransaction", DevChain.raw(tx)).textValue();
        receipt = rpc.awaitReceipt(txHash);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aMinedTransactionIsReplayedOpcodeByOpcode() {
        JsonNode trace = rpc.call("debug_traceTransaction", txHash);
        assertThat(trace.get("failed").booleanValue()).isFalse();
        assertThat(trace.get("gas").longValue()).isEqualTo(Long.decode(receipt.get("gasUsed").textValue()));
        assertThat(trace.get("returnValue").textValue()).isEqualTo("0x" + "00".repeat(31) + "2a");
        JsonNode logs = trace.get("structLogs");
        assertThat(logs.get(0).get("op").textValue()).isEqualTo("CALLDATASIZE");
        assertThat(logs.get(0).get("gas").longValue()).isEqualTo(100_000 - 21_000);
        assertThat(logs.get(logs.size() - 1).get("op").textValue()).isEqualTo("RETURN");
        JsonNode sstore = null;
        for (JsonNode l : logs) if (l.get("op").textValue().equals("SSTORE")) sstore = l;
        assertThat(sstore).isNotNull();
        assertThat(sstore.at("/storage/" + "00".repeat(32)).textValue()).isEqualTo("00".repeat(31) + "2a");
    }

    @Test
    void theCallTracerShowsTheTransactionWithItsLogAndTheBlockTraceListsIt() {
        Map<String, Object> callTracer = Map.of("tracer", "callTracer", "tracerConfig", Map.of("withLog", true));
        JsonNode call = rpc.call("debug_traceTransaction", txHash, callTracer);
        assertThat(call.get("to").textValue()).isEqualTo(contract.toHex());
        assertThat(call.get("from").textValue()).isEqualTo(DevChain.KEYS.get(3).address().toHex());
        assertThat(call.get("gas").textValue()).isEqualTo("0x186a0");
        assertThat(call.get("gasUsed").textValue()).isEqualTo(receipt.get("gasUsed").textValue());
        assertThat(call.at("/logs/0/topics/0").textValue()).isEqualTo(DevChain.TOPIC.toHex());

        JsonNode byNumber = rpc.call("debug_traceBlockByNumber", receipt.get("blockNumber").textValue(), callTracer);
        assertThat(byNumber).hasSize(1);
        assertThat(byNumber.at("/0/txHash").textValue()).isEqualTo(txHash);
        assertThat(byNumber.at("/0/result")).isEqualTo(call);
        JsonNode byHash = rpc.call("debug_traceBlockByHash", receipt.get("blockHash").textValue(), callTracer);
        assertThat(byHash).isEqualTo(byNumber);
    }

    @Test
    void aCallIntoTheParksRegistryIsACallWithItsInputOutputAndRevertReason() {
        // A contract (put in place by a state override) that forwards its call data to the registry.
        Address forwarder = Address.fromLong(0xf0f0);
        byte[] code = Assembler.assemble("CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY"
                + " PUSH0 PUSH0 CALLDATASIZE PUSH0 PUSH0 PUSH2 0x1000 GAS CALL PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        JsonNode trace = rpc.call("debug_traceCall", Map.of("to", forwarder.toHex(), "input", "0x12345678"), "latest",
                Map.of("tracer", "callTracer", "stateOverrides", Map.of(forwarder.toHex(), Map.of("code", Hex.encode(code)))));
        assertThat(trace.has("error")).isFalse();
        JsonNode registry = trace.at("/calls/0");
        assertThat(registry.get("type").textValue()).isEqualTo("CALL");
        assertThat(registry.get("to").textValue()).isEqualTo(SystemAddresses.REGISTRY.toHex());
        assertThat(registry.get("input").textValue()).isEqualTo("0x12345678");
        assertThat(registry.get("error").textValue()).isEqualTo("execution reverted");
        assertThat(registry.get("revertReason").textValue()).endsWith("unknown function selector 0x12345678");
        assertThat(registry.get("output").textValue()).startsWith("0x08c379a0");

        JsonNode counts = rpc.call("debug_traceCall", Map.of("to", forwarder.toHex(), "input", "0x12345678"), "latest",
                Map.of("tracer", "4byteTracer", "stateOverrides", Map.of(forwarder.toHex(), Map.of("code", Hex.encode(code)))));
        // The forwarder's own call and the registry's both count.
        assertThat(counts.toString()).isEqualTo("{\"0x12345678-0\":2}");
    }
}
