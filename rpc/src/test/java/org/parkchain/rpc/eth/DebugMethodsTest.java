package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcException;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/** debug_traceCall over a fake backend: the struct logger, the callTracer and the limits of a trace. */
class DebugMethodsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Address RETURNER = Address.fromLong(0xaa);
    private static final Address CALLER = Address.fromLong(0xab);
    private static final Address REVERTER = Address.fromLong(0xbb);
    private static final Address LOOP = Address.fromLong(0xcc);
    /** Error("no") as Solidity encodes a revert reason. */
    private static final String ERROR_NO = "0x08c379a0" + "00".repeat(31) + "20" + "00".repeat(31) + "02"
            + "6e6f" + "00".repeat(30);

    private final FakeBackend backend = FakeBackend.dev(Map.of(
            RETURNER, account("PUSH 42 PUSH0 SSTORE PUSH0 SLOAD PUSH0 MSTORE PUSH 32 PUSH0 RETURN"),
            CALLER, account("PUSH 0xab PUSH0 MSTORE PUSH 32 PUSH0 LOG0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0xbb GAS CALL"
                    + " PUSH0 MSTORE PUSH 32 PUSH0 RETURN"),
            // logs (a log the revert undoes), then reverts with the bytes after its 13 bytes of code
            REVERTER, account("PUSH0 PUSH0 LOG0 PUSH 100 PUSH 13 PUSH0 CODECOPY PUSH 100 PUSH0 REVERT " + ERROR_NO),
            LOOP, account("@top :top JUMP")));

    private static Genesis.GenesisAccount account(String asm) {
        return new Genesis.GenesisAccount(UInt256.ZERO, 1, Assembler.assemble(asm), Map.of());
    }

    private Object call(DebugMethods debug, String method, String paramsJson) throws Exception {
        RpcMethods methods = new RpcMethods();
        debug.registerInto(methods);
        return methods.find(method).orElseThrow().call(RpcParams.of(JSON.readTree(paramsJson)));
    }

    private JsonNode traceCall(Address to, String config) throws Exception {
        return traceCall(to, 0x100000, config);
    }

    private JsonNode traceCall(Address to, long gas, String config) throws Exception {
        return (JsonNode) call(new DebugMethods(backend, EthApiConfig.defaults()), "debug_traceCall",
                "[{\"to\": \"" + to.toHex() + "\", \"gas\": \"0x" + Long.toHexString(gas) + "\"}, \"latest\", " + config + "]");
    }

    @Test
    void theStructLoggerShowsEveryInstructionWithStackStorageAndCosts() throws Exception {
        JsonNode trace = traceCall(RETURNER, "{\"enableMemory\": true}");
        assertThat(trace.get("failed").booleanValue()).isFalse();
        assertThat(trace.get("returnValue").textValue()).isEqualTo("0x" + "00".repeat(31) + "2a");
        List<String> ops = new ArrayList<>();
        trace.get("structLogs").forEach(l -> ops.add(l.get("op").textValue()));
        assertThat(ops).containsExactly("PUSH1", "PUSH0", "SSTORE", "PUSH0", "SLOAD", "PUSH0", "MSTORE", "PUSH1", "PUSH0", "RETURN");
        JsonNode first = trace.at("/structLogs/0");
        assertThat(first.get("pc").intValue()).isZero();
        assertThat(first.get("depth").intValue()).isEqualTo(1);
        assertThat(first.get("gasCost").longValue()).isEqualTo(3);
        assertThat(first.get("stack")).isEmpty();
        JsonNode sstore = trace.at("/structLogs/2");
        assertThat(sstore.get("stack").toString()).isEqualTo("[\"0x2a\",\"0x0\"]");
        assertThat(sstore.get("gasCost").longValue()).isEqualTo(22_100); // cold slot, zero to non-zero
        assertThat(sstore.at("/storage/" + "00".repeat(32)).textValue()).isEqualTo("00".repeat(31) + "2a");
        assertThat(trace.at("/structLogs/4/storage/" + "00".repeat(32)).textValue()).isEqualTo("00".repeat(31) + "2a");
        assertThat(trace.at("/structLogs/9/memory/0").textValue()).isEqualTo("00".repeat(31) + "2a");
        long gas = first.get("gas").longValue();
        long sum = 0;
        for (JsonNode l : trace.get("structLogs")) sum += l.get("gasCost").longValue();
        assertThat(gas - sum).isEqualTo(0x100000 - trace.get("gas").longValue() - (0x100000 - 21_000 - gas));
    }

    @Test
    void theSwitchesLeaveOutStackStorageAndMemory() throws Exception {
        JsonNode trace = traceCall(RETURNER, "{\"disableStack\": true, \"disableStorage\": true}");
        for (JsonNode l : trace.get("structLogs")) {
            assertThat(l.has("stack") || l.has("storage") || l.has("memory")).as(l.toString()).isFalse();
        }
    }

    @Test
    void theCallTracerShowsCalleesWithRevertReasonsAndOnlyTheLogsThatStand() throws Exception {
        JsonNode trace = traceCall(CALLER, "{\"tracer\": \"callTracer\", \"tracerConfig\": {\"withLog\": true}}");
        assertThat(trace.get("type").textValue()).isEqualTo("CALL");
        assertThat(trace.get("to").textValue()).isEqualTo(CALLER.toHex());
        assertThat(trace.get("gas").textValue()).isEqualTo("0x100000");
        assertThat(trace.get("output").textValue()).isEqualTo("0x" + "00".repeat(32)); // CALL pushed 0
        assertThat(trace.at("/logs/0/data").textValue()).isEqualTo("0x" + "00".repeat(31) + "ab");
        assertThat(trace.at("/logs/0/position").textValue()).isEqualTo("0x0");
        JsonNode callee = trace.at("/calls/0");
        assertThat(callee.get("type").textValue()).isEqualTo("CALL");
        assertThat(callee.get("from").textValue()).isEqualTo(CALLER.toHex());
        assertThat(callee.get("to").textValue()).isEqualTo(REVERTER.toHex());
        assertThat(callee.get("value").textValue()).isEqualTo("0x0");
        assertThat(callee.get("error").textValue()).isEqualTo("execution reverted");
        assertThat(callee.get("revertReason").textValue()).isEqualTo("no");
        assertThat(callee.get("output").textValue()).isEqualTo(ERROR_NO);
        assertThat(callee.has("logs")).isFalse();

        JsonNode top = traceCall(CALLER, "{\"tracer\": \"callTracer\", \"tracerConfig\": {\"onlyTopCall\": true}}");
        assertThat(top.has("calls")).isFalse();
        assertThat(top.has("logs")).isFalse();
    }

    @Test
    void the4byteTracerCountsSelectorsWithTheirArgumentSizes() throws Exception {
        // CALLER calls REVERTER with no input (not counted); the request's own input is.
        JsonNode counts = (JsonNode) call(new DebugMethods(backend, EthApiConfig.defaults()), "debug_traceCall",
                "[{\"to\": \"" + CALLER.toHex() + "\", \"input\": \"0xa9059cbb" + "00".repeat(64) + "\"}, \"latest\","
                        + " {\"tracer\": \"4byteTracer\"}]");
        assertThat(counts.toString()).isEqualTo("{\"0xa9059cbb-64\":1}");
    }

    @Test
    void thePrestateTracerShowsTouchedAccountsBeforeAndWithDiffModeWhatChanged() throws Exception {
        String zero = "0x" + "00".repeat(32);
        JsonNode pre = traceCall(RETURNER, "{\"tracer\": \"prestateTracer\"}");
        JsonNode returner = pre.get(RETURNER.toHex());
        assertThat(returner.get("code").textValue()).isEqualTo(Hex.encode(backend.state(backend.head().header()).code(RETURNER)));
        assertThat(returner.get("nonce").intValue()).isEqualTo(1);
        assertThat(returner.get("balance").textValue()).isEqualTo("0x0");
        assertThat(returner.at("/storage/" + zero).textValue()).isEqualTo(zero);
        assertThat(pre.has(Address.ZERO.toHex())).isTrue(); // the sender

        JsonNode diff = traceCall(RETURNER, "{\"tracer\": \"prestateTracer\", \"tracerConfig\": {\"diffMode\": true}}");
        assertThat(diff.at("/pre/" + RETURNER.toHex() + "/storage/" + zero).textValue()).isEqualTo(zero);
        JsonNode after = diff.at("/post/" + RETURNER.toHex());
        assertThat(after.at("/storage/" + zero).textValue()).isEqualTo("0x" + "00".repeat(31) + "2a");
        assertThat(after.has("balance") || after.has("code") || after.has("nonce")).isFalse();
        assertThat(diff.at("/post/" + Address.ZERO.toHex() + "/nonce").intValue()).isEqualTo(1);
    }

    @Test
    void aStructLogPastItsSizeBudgetIsRefusedWithAClearError() {
        DebugMethods small = new DebugMethods(new BlockLookup(backend), new CallExecutor(backend, EthApiConfig.defaults()), 100_000);
        assertThatThrownBy(() -> call(small, "debug_traceCall",
                "[{\"to\": \"" + LOOP.toHex() + "\", \"gas\": \"0x1000000\"}, \"latest\"]"))
                .isInstanceOf(RpcException.class).hasMessageStartingWith("trace too large: over 100000 bytes");
    }

    @Test
    void aCallTreePastItsSizeBudgetIsRefusedWithAClearError() {
        // Each frame costs 256 bytes plus twice its input and output: CALLER's frame and its callee's pass 300.
        DebugMethods small = new DebugMethods(new BlockLookup(backend), new CallExecutor(backend, EthApiConfig.defaults()), 300);
        assertThatThrownBy(() -> call(small, "debug_traceCall",
                "[{\"to\": \"" + CALLER.toHex() + "\", \"gas\": \"0x100000\"}, \"latest\", {\"tracer\": \"callTracer\"}]"))
                .isInstanceOf(RpcException.class).hasMessageStartingWith("trace too large: over 300 bytes");
    }

    @Test
    void aTraceThatRunsOutOfTimeStopsWithGethsError() {
        // 16M gas of a three-instruction loop is over four million traced steps: far more than a millisecond's work.
        assertThatThrownBy(() -> traceCall(LOOP, 0x1000000, "{\"tracer\": \"callTracer\", \"timeout\": \"1ms\"}"))
                .isInstanceOf(RpcException.class).hasMessageStartingWith("execution timeout");
    }

    @Test
    void badConfigsAreRefusedByName() {
        assertThatThrownBy(() -> traceCall(RETURNER, "{\"tracer\": \"noSuchTracer\"}"))
                .hasMessageContaining("tracer \"noSuchTracer\" not found");
        assertThatThrownBy(() -> traceCall(RETURNER, "{\"disableStak\": true}"))
                .hasMessageContaining("unknown trace config field \"disableStak\"");
        assertThatThrownBy(() -> traceCall(RETURNER, "{\"timeout\": \"soon\"}"))
                .hasMessageContaining("timeout: cannot read \"soon\"");
        assertThatThrownBy(() -> traceCall(RETURNER, "{\"tracer\": \"callTracer\", \"tracerConfig\": {\"onlyTop\": true}}"))
                .hasMessageContaining("unknown tracerConfig field \"onlyTop\"");
    }
}
