package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** Exact gas, instruction by instruction, as the Yellow Paper and the EIPs price them. */
class GasTest {
    private static final long GAS = 1_000_000;

    private static long used(EvmHarness h, String asm) {
        ExecutionResult r = h.call(asm, GAS);
        assertThat(r.isSuccess()).as("outcome %s %s", r.outcome(), r.haltReason()).isTrue();
        return GAS - r.gasLeft();
    }

    private static long used(String asm) {
        return used(new EvmHarness(), asm);
    }

    @Test
    void staticCostsOfSimpleInstructions() {
        assertThat(used("PUSH 1 PUSH 2 ADD STOP")).isEqualTo(9);
        assertThat(used("PUSH 1 PUSH 2 MUL POP")).isEqualTo(3 + 3 + 5 + 2);
        assertThat(used("PUSH 1 PUSH 2 PUSH 3 ADDMOD")).isEqualTo(9 + 8);
        assertThat(used("PUSH0 JUMPDEST")).isEqualTo(2 + 1);
    }

    @Test
    void memoryExpansionIsLinearPlusQuadratic() {
        // PUSH1, PUSH0, MSTORE (3) + one word of memory (3)
        assertThat(used("PUSH 1 PUSH0 MSTORE")).isEqualTo(3 + 2 + 3 + 3);
        // 1024 words: 3*1024 + 1024^2/512 = 5120
        assertThat(used("PUSH 1 PUSH 32736 MSTORE")).isEqualTo(3 + 3 + 3 + 5120);
        // touching already-paid memory again costs nothing extra
        assertThat(used("PUSH 1 PUSH0 MSTORE PUSH 2 PUSH0 MSTORE")).isEqualTo(11 + 3 + 2 + 3);
    }

    @Test
    void expChargesFiftyPerExponentByte() {
        assertThat(used("PUSH 0x0100 PUSH 2 EXP")).isEqualTo(3 + 3 + 10 + 2 * 50);
        assertThat(used("PUSH0 PUSH 2 EXP")).isEqualTo(3 + 2 + 10);
    }

    @Test
    void keccakChargesPerWordAndMemory() {
        assertThat(used("PUSH 64 PUSH0 KECCAK256")).isEqualTo(3 + 2 + 30 + 2 * 6 + 2 * 3);
    }

    @Test
    void sloadIsColdOnceThenWarm() {
        assertThat(used("PUSH 1 SLOAD PUSH 1 SLOAD")).isEqualTo(3 + 2100 + 3 + 100);
    }

    @Test
    void sstoreFollowsEip2200WithColdAccessAndRefunds() {
        EvmHarness h = new EvmHarness();
        // cold slot, 0 -> 1: 2100 + 20000
        assertThat(used(h, "PUSH 1 PUSH 7 SSTORE")).isEqualTo(6 + 22_100);
        // within a second call of the same transaction the slot is warm and dirty: 1 -> 0 costs 100 and
        // refunds the whole set cost back to the original zero (20000 - 100)
        assertThat(used(h, "PUSH0 PUSH 7 SSTORE")).isEqualTo(5 + 100);
        assertThat(h.world.refund()).isEqualTo(19_900);

        EvmHarness clearing = new EvmHarness();
        clearing.world.withStorage(EvmHarness.CONTRACT, UInt256.of(7), UInt256.of(5));
        // clean non-zero slot cleared: 2100 + 2900, refund 4800
        assertThat(used(clearing, "PUSH0 PUSH 7 SSTORE")).isEqualTo(5 + 5_000);
        assertThat(clearing.world.refund()).isEqualTo(4_800);
        // no-op write to a warm slot
        assertThat(used(clearing, "PUSH0 PUSH 7 SSTORE")).isEqualTo(5 + 100);
    }

    @Test
    void sstoreNeedsMoreThanTheStipend() {
        ExecutionResult r = new EvmHarness().call("PUSH 1 PUSH 7 SSTORE", 2_306);
        assertThat(r.haltReason()).isEqualTo(HaltReason.OUT_OF_GAS);
    }

    @Test
    void callToColdEmptyAccountWithValuePaysAccessTransferAndNewAccount() {
        EvmHarness h = new EvmHarness();
        h.world.withAccount(EvmHarness.CONTRACT, UInt256.of(10), new byte[0]);
        // CALL(gas=0, to=0xdead, value=1, 0,0,0,0); the callee has no code, so the stipend comes back unused
        long used = used(h, "PUSH0 PUSH0 PUSH0 PUSH0 PUSH 1 PUSH 0xdead PUSH0 CALL");
        assertThat(used).isEqualTo(5 * 2 + 3 + 3 + 100 + 2_500 + 9_000 + 25_000 - 2_300);
        assertThat(h.world.balance(Address.fromLong(0xdead))).isEqualTo(UInt256.ONE);
    }

    @Test
    void callForwardsAtMostAllButOne64th() {
        EvmHarness h = new EvmHarness();
        // the callee reports the gas it received: GAS PUSH0 MSTORE PUSH 32 PUSH0 RETURN
        h.code(Address.fromLong(0xca11), "GAS PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        h.world.warmAddress(Address.fromLong(0xca11));
        ExecutionResult r = h.call("PUSH 32 PUSH0 PUSH0 PUSH0 PUSH 0xca11 GAS STATICCALL POP PUSH 32 PUSH0 RETURN", 100_000);
        // before STATICCALL: 3+2+2+2+3+2 = 14 used; STATICCALL 100 (warm) + 3 memory -> 99,883 left, 63/64 of it
        long available = 100_000 - 14 - 100 - 3;
        long forwarded = available - available / 64;
        assertThat(UInt256.fromBytes(r.output()).toLong()).isEqualTo(forwarded - 2);
    }
}
