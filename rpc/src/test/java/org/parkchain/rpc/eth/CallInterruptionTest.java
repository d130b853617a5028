package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Genesis;
import org.parkchain.evm.Assembler;
import org.parkchain.evm.ExecutionInterrupted;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/** An eth_call whose thread is interrupted (the RPC's time limit) stops running instead of burning its gas. */
class CallInterruptionTest {
    /** A contract that calls the BN254 pairing precompile in a loop: seconds of work for the gas a call may have. */
    static final byte[] SLOW_LOOP = slowLoop();
    static final Address SLOW = Address.fromLong(0x510);

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
        return Hex.encode(UInt256.of(new java.math.BigInteger(decimal)).toBytes32()).substring(2);
    }

    @Test
    void anInterruptedCallStopsWithinMomentsOfTheInterrupt() throws Exception {
        FakeBackend backend = FakeBackend.dev(Map.of(SLOW, new Genesis.GenesisAccount(UInt256.ZERO, 1, SLOW_LOOP, Map.of())));
        RpcMethods methods = new RpcMethods();
        new CallMethods(backend, EthApiConfig.defaults()).registerInto(methods);
        RpcParams params = RpcParams.of(new ObjectMapper().readTree("[{\"to\": \"" + SLOW.toHex() + "\"}, \"latest\"]"));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                methods.find("eth_call").orElseThrow().call(params);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        worker.start();
        Thread.sleep(200);
        worker.interrupt();
        // Without the EVM's interrupt check the call would run its 16M gas of pairings and answer normally.
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionInterrupted.class);
    }
}
