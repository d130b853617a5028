package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.TransactionType;

/** What changes between Cancun, Prague and Osaka, seen from bytecode and from the fork specifications. */
class ForksTest {
    private static UInt256 evalUnder(Fork fork, String asm) {
        ExecutionResult r = new EvmHarness(fork).call(asm + " PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000);
        assertThat(r.isSuccess()).as(r.failureMessage()).isTrue();
        return UInt256.fromBytes(r.output());
    }

    @Test
    void clzCountsLeadingZeroBitsFromOsakaOn() {
        assertThat(evalUnder(Fork.OSAKA, "PUSH0 CLZ")).isEqualTo(UInt256.of(256));
        assertThat(evalUnder(Fork.OSAKA, "PUSH 1 CLZ")).isEqualTo(UInt256.of(255));
        assertThat(evalUnder(Fork.OSAKA, "PUSH32 0x8000000000000000000000000000000000000000000000000000000000000000 CLZ"))
                .isEqualTo(UInt256.ZERO);
        assertThat(evalUnder(Fork.OSAKA, "PUSH 0x1ffffffffffffffff CLZ")).isEqualTo(UInt256.of(256 - 65));
        assertThat(evalUnder(Fork.OSAKA, "PUSH32 0x00000000000000000000000000000000000000000000000000000000ffffffff CLZ"))
                .isEqualTo(UInt256.of(224));
        // CLZ costs 5: PUSH0 (2) + CLZ (5) + PUSH0 (2) + MSTORE (3 + 3 memory) + PUSH 32 (3) + PUSH0 (2) = 20
        assertThat(1_000_000 - new EvmHarness(Fork.OSAKA).call("PUSH0 CLZ PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000).gasLeft())
                .isEqualTo(20);
    }

    @Test
    void clzIsAnInvalidOpcodeBeforeOsaka() {
        ExecutionResult r = new EvmHarness(Fork.PRAGUE).call("PUSH 1 CLZ", 1_000_000);
        assertThat(r.haltReason()).isEqualTo(HaltReason.INVALID_OPCODE);
        assertThat(r.failureMessage()).isEqualTo("invalid opcode: 0x1e");
    }

    @Test
    void haltsAreNamedInGethsWords() {
        assertThat(new EvmHarness().call("INVALID", 100).failureMessage()).isEqualTo("invalid opcode: 0xfe");
        assertThat(new EvmHarness().call("PUSH 1 ADD", 100).failureMessage()).isEqualTo("stack underflow");
        assertThat(new EvmHarness().call("PUSH 3 JUMP STOP", 100).failureMessage()).isEqualTo("invalid jump destination");
        assertThat(new EvmHarness().call("PUSH 1 PUSH 1 ADD", 5).failureMessage()).isEqualTo("out of gas");
        assertThat(new EvmHarness().call("PUSH 1 PUSH0 REVERT", 100).failureMessage()).isEqualTo("execution reverted");
    }

    @Test
    void creationThatCannotPayForItsCodeSaysSo() {
        // init code returns 100 bytes of memory: 20,000 gas of code deposit, far more than is left
        EvmHarness h = new EvmHarness();
        Address created = ContractAddress.forCreate(EvmHarness.SENDER, 0);
        ExecutionResult r = EvmHarness.EVM.execute(Message.create(EvmHarness.SENDER, created, UInt256.ZERO,
                org.parkchain.evm.Assembler.assemble("PUSH 100 PUSH0 RETURN"), 5_000), h.world, EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(r.failureMessage()).isEqualTo("contract creation code storage out of gas");
        // too large for EIP-170
        ExecutionResult big = EvmHarness.EVM.execute(Message.create(EvmHarness.SENDER, created, UInt256.ZERO,
                org.parkchain.evm.Assembler.assemble("PUSH 24577 PUSH0 RETURN"), 10_000_000), h.world, EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(big.failureMessage()).isEqualTo("max code size exceeded");
    }

    @Test
    void aDelegatedAccountRunsItsDelegatesCodeAndPaysToReachIt() {
        Address delegate = Address.fromLong(0xd00d);
        Address eoa = Address.fromLong(0xe0a);
        EvmHarness h = new EvmHarness(Fork.PRAGUE);
        h.code(delegate, "ADDRESS PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        h.world.withAccount(eoa, UInt256.ZERO, Delegation.designator(delegate));
        String callEoa = "PUSH 32 PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0xe0a GAS CALL POP PUSH 32 PUSH0 RETURN";
        ExecutionResult r = h.call(callEoa, 1_000_000);
        assertThat(r.isSuccess()).isTrue();
        // the delegate's code ran in the EOA's context: ADDRESS is the EOA
        assertThat(Address.fromWord(r.output())).isEqualTo(eoa);
        long gasWithDelegation = 1_000_000 - r.gasLeft();

        // the same account under Cancun has a 23-byte code starting with 0xef: an invalid opcode, the call fails
        EvmHarness cancun = new EvmHarness(Fork.CANCUN);
        cancun.code(delegate, "ADDRESS PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        cancun.world.withAccount(eoa, UInt256.ZERO, Delegation.designator(delegate));
        ExecutionResult old = cancun.call(callEoa, 1_000_000);
        assertThat(UInt256.fromBytes(old.output())).isEqualTo(UInt256.ZERO);

        // under Prague the cold access to the delegate costs 2,600 on top of the cold access to the EOA
        EvmHarness plain = new EvmHarness(Fork.PRAGUE);
        plain.code(eoa, "ADDRESS PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        long gasWithoutDelegation = 1_000_000 - plain.call(callEoa, 1_000_000).gasLeft();
        assertThat(gasWithDelegation - gasWithoutDelegation).isEqualTo(2_600);
    }

    @Test
    void extcodeSeesTheDesignatorNotTheDelegatesCode() {
        Address delegate = Address.fromLong(0xd00d);
        EvmHarness h = new EvmHarness(Fork.PRAGUE);
        h.code(delegate, "PUSH 1 PUSH 2 PUSH 3 STOP");
        h.world.withAccount(Address.fromLong(0xe0a), UInt256.ZERO, Delegation.designator(delegate));
        ExecutionResult r = h.call("PUSH 0xe0a EXTCODESIZE PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000);
        assertThat(UInt256.fromBytes(r.output())).isEqualTo(UInt256.of(23));
    }

    @Test
    void modexpIsBoundedAndRepricedInOsaka() {
        // 3^5 mod 7 with 1-byte operands: EIP-2565 charges its minimum of 200, EIP-7883 its minimum of 500
        byte[] input = Hex.decode("0x" + "00".repeat(31) + "01" + "00".repeat(31) + "01" + "00".repeat(31) + "01" + "030507");
        assertThat(Fork.CANCUN.precompiles().find(Address.fromLong(5)).orElseThrow().gas(input)).isEqualTo(200);
        assertThat(Fork.OSAKA.precompiles().find(Address.fromLong(5)).orElseThrow().gas(input)).isEqualTo(500);
        ExecutionResult ok = Fork.OSAKA.precompiles().find(Address.fromLong(5)).orElseThrow().execute(input, 10_000);
        assertThat(ok.output()).containsExactly(5); // 243 mod 7
        // a 1,025-byte base is refused outright by EIP-7823
        byte[] tooLong = new byte[96 + 1025 + 2];
        tooLong[30] = 0x04;
        tooLong[31] = 0x01;
        tooLong[63] = 1;
        tooLong[95] = 1;
        ExecutionResult refused = Fork.OSAKA.precompiles().find(Address.fromLong(5)).orElseThrow().execute(tooLong, 10_000_000);
        assertThat(refused.outcome()).isEqualTo(ExecutionResult.Outcome.HALT);
        assertThat(Fork.PRAGUE.precompiles().find(Address.fromLong(5)).orElseThrow().execute(tooLong, 10_000_000).isSuccess()).isTrue();
    }

    @Test
    void precompileSetsGrowWithTheForks() {
        assertThat(Fork.CANCUN.precompiles().addresses()).hasSize(10);
        assertThat(Fork.PRAGUE.precompiles().addresses()).hasSize(17);
        assertThat(Fork.OSAKA.precompiles().addresses()).hasSize(18).contains(Address.fromLong(0x100));
        assertThat(Fork.OSAKA.precompiles().contains(Address.fromLong(0x101))).isFalse();
        assertThat(Fork.OSAKA.precompiles().contains(Address.fromLong(0x12))).isFalse();
        assertThat(Fork.CANCUN.precompiles().contains(Address.fromLong(0x0b))).isFalse();
    }

    @Test
    void blsAndP256AreWiredInTheirForks() {
        // G1ADD of two points at infinity (all zeros) is the point at infinity, for 375 gas (EIP-2537)
        ExecutionResult add = Fork.PRAGUE.precompiles().find(Address.fromLong(0x0b)).orElseThrow().execute(new byte[256], 10_000);
        assertThat(add.isSuccess()).isTrue();
        assertThat(add.output()).isEqualTo(new byte[128]);
        assertThat(add.gasLeft()).isEqualTo(10_000 - 375);
        // P256VERIFY of a signature that does not verify: success, empty output, 6,900 gas (EIP-7951)
        ExecutionResult p256 = Fork.OSAKA.precompiles().find(Address.fromLong(0x100)).orElseThrow().execute(new byte[160], 10_000);
        assertThat(p256.isSuccess()).isTrue();
        assertThat(p256.output()).isEmpty();
        assertThat(p256.gasLeft()).isEqualTo(10_000 - 6_900);
        // before Osaka 0x100 is an ordinary empty account: a call costs nothing beyond the call
        assertThat(Fork.PRAGUE.precompiles().find(Address.fromLong(0x100))).isEmpty();
        assertThat(Fork.OSAKA.precompiles().byName()).containsEntry("P256VERIFY", Address.fromLong(0x100))
                .containsEntry("BLS12_MAP_FP2_TO_G2", Address.fromLong(0x11)).containsEntry("ECREC", Address.fromLong(1));
    }

    @Test
    void eachForkIsItsPredecessorPlusItsEips() {
        assertThat(Fork.CANCUN.transactionTypes()).doesNotContain(TransactionType.SET_CODE);
        assertThat(Fork.PRAGUE.delegations()).isTrue();
        assertThat(Fork.PRAGUE.historyStorage()).isTrue();
        assertThat(Fork.CANCUN.historyStorage()).isFalse();
        assertThat(Fork.OSAKA.maxTransactionGas()).isEqualTo(16_777_216L);
        assertThat(Fork.PRAGUE.maxTransactionGas()).isEqualTo(Long.MAX_VALUE);
        assertThat(Fork.PRAGUE.blobs()).isEqualTo(new Fork.BlobSchedule(6, 9, 5_007_716));
        assertThat(Fork.byName("osaka")).contains(Fork.OSAKA);
        assertThat(Fork.byName("Frontier")).isEmpty();
    }
}
