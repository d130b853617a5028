package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fast loop's dispatch copy of the code: which PUSH + JUMP(I) pairs are fused, and that fusing changes nothing. */
class AnalysedCodeTest {
    private static final int[] FUSED = {
        AnalysedCode.PUSH1_JUMP, AnalysedCode.PUSH2_JUMP, AnalysedCode.PUSH1_JUMPI, AnalysedCode.PUSH2_JUMPI,
        AnalysedCode.ISZERO_PUSH2_JUMPI, AnalysedCode.PUSH_ADD, AnalysedCode.PUSH_SHL, AnalysedCode.PUSH_SHR};

    private static AnalysedCode analyse(String asm) {
        return AnalysedCode.of(Assembler.assemble(asm), InstructionTable.osaka());
    }

    @Test
    void fusedOpcodesAreBytesNoForkDefines() {
        for (Fork fork : new Fork[] {Fork.CANCUN, Fork.PRAGUE, Fork.OSAKA}) {
            for (int op : FUSED) assertThat(fork.instructions().isDefined(op)).as("0x%x", op).isFalse();
        }
    }

    @Test
    void pushOfAValidDestinationBeforeAJumpIsFused() {
        // 0: PUSH1 4, 2: JUMP, 3: INVALID, 4: JUMPDEST, 5: PUSH2 4, 8: JUMPI
        AnalysedCode a = analyse("PUSH1 4 JUMP INVALID JUMPDEST PUSH1 1 PUSH2 4 JUMPI");
        assertThat(a.dispatch[0] & 0xff).isEqualTo(AnalysedCode.PUSH1_JUMP);
        assertThat(a.dispatch[7] & 0xff).isEqualTo(AnalysedCode.PUSH2_JUMPI);
        assertThat(a.code[0] & 0xff).isEqualTo(Opcodes.PUSH1); // the code itself is untouched
        // 0: ISZERO, 1: PUSH2 6, 4: JUMPI, 5: STOP, 6: JUMPDEST, 7: PUSH1 5, 9: SHL, 10: PUSH8 .., 19: ADD
        AnalysedCode b = analyse("ISZERO PUSH2 6 JUMPI STOP JUMPDEST PUSH1 5 SHL PUSH8 0x0102030405060708 ADD");
        assertThat(b.dispatch[0] & 0xff).isEqualTo(AnalysedCode.ISZERO_PUSH2_JUMPI);
        assertThat(b.dispatch[7] & 0xff).isEqualTo(AnalysedCode.PUSH_SHL);
        assertThat(b.dispatch[10] & 0xff).isEqualTo(AnalysedCode.PUSH_ADD);
        // an ISZERO byte that is PUSH data is no ISZERO; PUSH9 is wider than one limb
        assertThat(analyse("PUSH1 0x15 PUSH2 6 JUMPI STOP JUMPDEST").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1);
        assertThat(analyse("PUSH9 1 ADD").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1 + 8);
    }

    @Test
    void invalidDestinationsWideOrDynamicJumpsAreNotFused() {
        // 3 is not a JUMPDEST; a 0x5b inside PUSH data is not one either; PUSH3 is never fused; PUSH then ADD is no jump
        assertThat(analyse("PUSH1 3 JUMP STOP").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1);
        assertThat(analyse("PUSH1 4 JUMP PUSH1 0x5b").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1);
        assertThat(analyse("PUSH3 4 JUMP JUMPDEST").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1 + 2);
        assertThat(analyse("PUSH1 3 MUL JUMPDEST").dispatch[0] & 0xff).isEqualTo(Opcodes.PUSH1);
        // a PUSH whose JUMP would be the padding after the code's end
        assertThat(analyse("JUMPDEST PUSH1 0").dispatch[1] & 0xff).isEqualTo(Opcodes.PUSH1);
    }

    @Test
    void fusedAndUnfusedJumpsBehaveAlike() {
        // the same loop with its destination pushed by PUSH2 (fused) and computed by ADD (not fused)
        String fused = "PUSH 5 @loop PUSH 1 SWAP1 SUB DUP1 :loop JUMPI PUSH0 MSTORE PUSH 32 PUSH0 RETURN";
        String computed = "PUSH 5 @loop PUSH 1 SWAP1 SUB DUP1 PUSH 1 PUSH 1 ADD JUMPI PUSH0 MSTORE PUSH 32 PUSH0 RETURN";
        ExecutionResult a = new EvmHarness().call(fused, 100_000), b = new EvmHarness().call(computed, 100_000);
        assertThat(a.isSuccess()).isTrue();
        assertThat(b.output()).isEqualTo(a.output());
        // computed pays PUSH 1 PUSH 1 ADD (9) instead of one PUSH2 (3) in each of 5 rounds
        assertThat(b.gasLeft()).isEqualTo(a.gasLeft() - 5 * 6);
    }

    @Test
    void aJumpIntoABlockThatCannotBePaidForHaltsOutOfGas() {
        // the loop runs until the jump lands on a block it cannot pay for
        ExecutionResult r = new EvmHarness().call("@loop PUSH0 POP :loop JUMP", 1_000);
        assertThat(r.haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
        assertThat(r.gasLeft()).isZero();
    }

    /**
     * Blocks (with fused pairs) around memory growth: at every gas limit around the thresholds the fast loop must end
     * exactly as the per-instruction loop (a tracer attached) does.
     */
    @Test
    void blocksAroundMemoryGrowthEndAsInstructionByInstruction() {
        String program = "PUSH 7 PUSH 0x40 MSTORE PUSH 0x200 MLOAD PUSH 1 ADD PUSH 0x20 MSTORE PUSH 32 PUSH 0x20 RETURN";
        for (long gas = 0; gas < 200; gas++) {
            ExecutionResult fast = run(program, gas, null), stepped = run(program, gas, new Tracer() {});
            assertThat(fast.haltReason()).as("gas %d", gas).isEqualTo(stepped.haltReason());
            assertThat(fast.gasLeft()).as("gas %d", gas).isEqualTo(stepped.gasLeft());
            assertThat(fast.output()).as("gas %d", gas).isEqualTo(stepped.output());
        }
        assertThat(run(program, 199, null).isSuccess()).isTrue();
    }

    private static ExecutionResult run(String asm, long gas, Tracer tracer) {
        EvmHarness h = new EvmHarness().code(EvmHarness.CONTRACT, asm);
        return h.evm.execute(Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, org.parkchain.primitives.UInt256.ZERO,
                new byte[0], gas), h.world, EvmHarness.BLOCK, EvmHarness.TX, tracer);
    }
}
