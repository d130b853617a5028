package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** Bad bytecode, exhaustion and forbidden changes end in the right exceptional halt, never a Java exception. */
class HaltsTest {
    private static ExecutionResult run(String asm) {
        return new EvmHarness().call(asm, 1_000_000);
    }

    @Test
    void stackUnderflowAndOverflow() {
        assertThat(run("PUSH 1 ADD").haltReason()).isEqualTo(HaltReason.STACK_UNDERFLOW);
        assertThat(run("PUSH0 ".repeat(1025)).haltReason()).isEqualTo(HaltReason.STACK_OVERFLOW);
        assertThat(run("PUSH0 ".repeat(1024)).isSuccess()).isTrue();
    }

    @Test
    void undefinedAndDesignatedInvalidOpcodes() {
        assertThat(run("0x0c").haltReason()).isEqualTo(HaltReason.INVALID_OPCODE);
        assertThat(run("INVALID").haltReason()).isEqualTo(HaltReason.INVALID_OPCODE);
        assertThat(run("0xef").haltReason()).isEqualTo(HaltReason.INVALID_OPCODE);
    }

    @Test
    void haltConsumesAllGasAndRevertsState() {
        EvmHarness h = new EvmHarness();
        ExecutionResult r = h.call("PUSH 1 PUSH 1 SSTORE INVALID", 1_000_000);
        assertThat(r.gasLeft()).isZero();
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void hugeMemoryRequestsAreOutOfGasNotOutOfMemory() {
        assertThat(run("PUSH 1 PUSH 0x1000000000000000 MSTORE").haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
        assertThat(run("PUSH 0x7fffffff PUSH0 PUSH0 CALLDATACOPY").haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
        assertThat(new EvmHarness().call("PUSH 1 PUSH 0xfffffff0 MSTORE", Long.MAX_VALUE / 2).haltReason())
                .isEqualTo(HaltReason.OUT_OF_GAS);
        // a zero-sized access at an absurd offset touches nothing and costs nothing
        assertThat(run("PUSH0 PUSH32 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff PUSH0 CALLDATACOPY").isSuccess()).isTrue();
    }

    @Test
    void returnDataCopyBeyondTheEndHalts() {
        assertThat(run("PUSH 1 PUSH0 PUSH0 RETURNDATACOPY").haltReason()).isEqualTo(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
    }

    @Test
    void stateChangesInsideStaticCallHalt() {
        EvmHarness h = new EvmHarness();
        Address writer = Address.fromLong(0x5700);
        h.code(writer, "PUSH 1 PUSH 1 SSTORE");
        // STATICCALL into the writer fails (pushes 0), which we return
        ExecutionResult r = h.call("PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0x5700 GAS STATICCALL PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000);
        assertThat(UInt256.fromBytes(r.output())).isEqualTo(UInt256.ZERO);
        assertThat(h.world.storage(writer, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void revertReturnsDataAndUnusedGas() {
        EvmHarness h = new EvmHarness();
        ExecutionResult r = h.call("PUSH 1 PUSH 1 SSTORE PUSH 0xbeef PUSH0 MSTORE PUSH 2 PUSH 30 REVERT", 1_000_000);
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.REVERT);
        assertThat(r.output()).containsExactly(0xbe, 0xef);
        assertThat(r.gasLeft()).isGreaterThan(900_000);
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    }

    /**
     * A contract that counts its depth in transient storage and calls itself with all its gas: the 1,025th frame
     * (depth 1024) is the last, its call fails, and no Java stack overflow escapes.
     */
    @Test
    void recursionStopsAtDepth1024WithoutStackOverflow() {
        assertThat(recurse()).isEqualTo(UInt256.of(1025));
    }

    /** The same from a thread with a deliberately small (256 KiB) stack: deep levels run on the EVM's own threads. */
    @Test
    void deepRecursionIsSafeFromASmallStackThread() throws InterruptedException {
        UInt256[] result = new UInt256[1];
        Thread t = new Thread(null, () -> result[0] = recurse(), "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isEqualTo(UInt256.of(1025));
    }

    private static UInt256 recurse() {
        EvmHarness h = new EvmHarness();
        String asm = "PUSH0 TLOAD PUSH 1 ADD PUSH0 TSTORE "
                + "PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 ADDRESS GAS CALL POP "
                + "CALLER PUSH 0xabc0 EQ ISZERO :done JUMPI " // only the outermost frame (called by SENDER) records
                + "PUSH0 TLOAD PUSH 1 SSTORE @done";
        // each level forwards 63/64 of what is left after ~330 gas of its own: 10^12 gas reaches depth 1024
        ExecutionResult r = h.call(asm, 1_000_000_000_000L);
        assertThat(r.isSuccess()).isTrue();
        return h.world.storage(EvmHarness.CONTRACT, UInt256.ONE);
    }
}
