package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcConfig;

/**
 * A call past the RPC's time limit gets the timeout error and stops running: the EVM sees the cancelled worker's
 * interrupt, so the (only) worker is free for the next call at once instead of after the loop's seconds of work.
 */
class CallTimeLimitTest {
    private static final Address SLOW = Address.fromLong(0x510);
    private static final long TIME_LIMIT_MS = 100;
    private static ParkchainNode node;
    private static NodeRpc rpc;

    /**
     * Calls the BN254 pairing precompile in a loop until the call's 16M gas (Osaka's cap) runs out: about half a
     * second of work on a quiet 2-core machine since the Montgomery-form pairing (ten seconds before, and under load).
     * The time limit must stay well below that, or the loop ends "out of gas" before it is ever timed out.
     */
    private static byte[] slowLoop() {
        // One pair: the G1 generator (1, 2) and the G2 generator (EIP-197), a valid input that is fully computed.
        String input = word("1") + word("2")
                + word("11559732032986387107991004021392285783925812861821192530917403151452391805634")
                + word("10857046999023057135944570762232829481370756359578518086990519993285655852781")
                + word("4082367875863433681332203403145435568316851327593401208105741076214120093531")
                + word("8495653923123431417604973247489272438418190587263600148770280649306958101930");
        String loop = " @loop PUSH 32 PUSH2 0x100 PUSH 192 PUSH0 PUSH 8 GAS STATICCALL POP :loop JUMP ";
        int codeLength = Assembler.assemble("PUSH1 192 PUSH1 0 PUSH0 CODECOPY" + loop).length;
        return Assembler.assemble("PUSH1 192 PUSH1 " + codeLength + " PUSH0 CODECOPY" + loop + "0x" + input);
    }

    private static String word(String decimal) {
        return Hex.encode(UInt256.of(new BigInteger(decimal)).toBytes32()).substring(2);
    }

    @BeforeAll
    static void start() {
        node = ParkchainNode.start(NodeConfig.devDefaults().withRpc(RpcConfig.defaults().withPort(0)
                .withCallTimeout(Duration.ofMillis(TIME_LIMIT_MS)).withWorkerThreads(1)));
        rpc = new NodeRpc(node.rpcUrl());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aTimedOutCallStopsAndTheWorkerAnswersTheNextCall() {
        Map<String, Object> overrides = Map.of(SLOW.toHex(), Map.of("code", Hex.encode(slowLoop())));
        for (String method : new String[] {"eth_call", "debug_traceCall"}) {
            NodeRpc.Failure timedOut = catchThrowableOfType(NodeRpc.Failure.class, () -> rpc.call(method,
                    Map.of("to", SLOW.toHex()), "latest", method.equals("eth_call") ? overrides
                            : Map.of("tracer", "callTracer", "timeout", "60s", "stateOverrides", overrides)));
            assertThat(timedOut).as(method).isNotNull();
            assertThat(timedOut.rpcMessage()).isEqualTo("request timed out after " + TIME_LIMIT_MS + " ms");
            // The one worker would be busy for seconds more if the EVM ran on, and this call would time out too.
            assertThat(rpc.call("eth_call", Map.of("to", SLOW.toHex(), "input", "0x"), "latest").textValue())
                    .isEqualTo("0x");
        }
    }
}
