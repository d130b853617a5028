package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

class CallsAndCreatesTest {
    /** Init code that returns {@code runtime} (at most 32 bytes): MSTORE it right-aligned, RETURN the tail. */
    private static String initReturning(String runtimeHex) {
        int n = Hex.decode(runtimeHex).length;
        return "PUSH" + n + " " + runtimeHex + " PUSH0 MSTORE PUSH " + n + " PUSH " + (32 - n) + " RETURN";
    }

    /** Code that places {@code init} in memory and runs CREATE (or CREATE2 with salt 0), storing the result in slot 0. */
    private static String creating(byte[] init, boolean create2) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < init.length; i++) sb.append("PUSH ").append(init[i] & 0xff).append(" PUSH ").append(i).append(" MSTORE8 ");
        sb.append(create2 ? "PUSH0 " : "").append("PUSH ").append(init.length).append(" PUSH0 PUSH0 ").append(create2 ? "CREATE2" : "CREATE");
        return sb.append(" PUSH0 SSTORE").toString();
    }

    @Test
    void createPutsCodeAtTheRlpAddressAndBumpsTheNonce() {
        EvmHarness h = new EvmHarness();
        byte[] init = Assembler.assemble(initReturning("0x6001600101")); // runtime: PUSH1 1 PUSH1 1 ADD
        ExecutionResult r = h.call(creating(init, false), 1_000_000);
        assertThat(r.isSuccess()).isTrue();
        Address expected = ContractAddress.forCreate(EvmHarness.CONTRACT, 0);
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.fromBytes(expected.toWord()));
        assertThat(h.world.code(expected)).containsExactly(Hex.decode("0x6001600101"));
        assertThat(h.world.nonce(expected)).isEqualTo(1);
        assertThat(h.world.nonce(EvmHarness.CONTRACT)).isEqualTo(1);
    }

    @Test
    void create2AddressFollowsEip1014() {
        EvmHarness h = new EvmHarness();
        byte[] init = Assembler.assemble(initReturning("0x00"));
        h.call(creating(init, true), 1_000_000);
        Address expected = ContractAddress.forCreate2(EvmHarness.CONTRACT, UInt256.ZERO, Keccak.keccak256(init));
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.fromBytes(expected.toWord()));
        // EIP-1014's example 0: deployer 0x0, salt 0, init code 0x00
        assertThat(ContractAddress.forCreate2(Address.ZERO, UInt256.ZERO, Keccak.keccak256(new byte[1])).toHex())
                .isEqualTo("0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38");
    }

    @Test
    void createAddressesMatchKnownValues() {
        // the first contract of 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0 (a widely used example)
        Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
        assertThat(ContractAddress.forCreate(sender, 0).toHex()).isEqualTo("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d");
        assertThat(ContractAddress.forCreate(sender, 1).toHex()).isEqualTo("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8");
    }

    @Test
    void codeStartingWithEfAndOversizedCodeAreRejected() {
        EvmHarness h = new EvmHarness();
        h.call(creating(Assembler.assemble(initReturning("0xef00")), false), 1_000_000);
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ZERO);

        EvmHarness big = new EvmHarness();
        // RETURN(0, 24577) from init code: one byte over EIP-170's limit
        big.call(creating(Assembler.assemble("PUSH 24577 PUSH0 RETURN"), false), 10_000_000);
        assertThat(big.world.storage(EvmHarness.CONTRACT, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void initCodeOverTheEip3860LimitHaltsTheCreator() {
        ExecutionResult r = new EvmHarness().call("PUSH 49153 PUSH0 PUSH0 CREATE", 10_000_000);
        assertThat(r.haltReason()).isEqualTo(HaltReason.INITCODE_SIZE_EXCEEDED);
    }

    @Test
    void delegateCallRunsOtherCodeOnOwnStorageWithTheOriginalCaller() {
        EvmHarness h = new EvmHarness();
        Address library = Address.fromLong(0x11b);
        h.code(library, "CALLER PUSH 1 SSTORE");
        h.call("PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0x11b GAS DELEGATECALL", 1_000_000);
        assertThat(h.world.storage(EvmHarness.CONTRACT, UInt256.ONE)).isEqualTo(UInt256.fromBytes(EvmHarness.SENDER.toWord()));
        assertThat(h.world.storage(library, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void returnDataOfTheLastCallIsVisible() {
        EvmHarness h = new EvmHarness();
        h.code(Address.fromLong(0xca11), "PUSH 0x2a PUSH0 MSTORE PUSH 32 PUSH0 REVERT");
        ExecutionResult r = h.call("PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0xca11 GAS STATICCALL "
                + "RETURNDATASIZE PUSH0 PUSH0 RETURNDATACOPY PUSH 32 PUSH0 RETURN", 1_000_000);
        assertThat(UInt256.fromBytes(r.output())).isEqualTo(UInt256.of(0x2a));
    }

    @Test
    void selfDestructOfAnOldContractOnlyMovesTheBalance() {
        EvmHarness h = new EvmHarness();
        h.world.withAccount(EvmHarness.CONTRACT, UInt256.of(50), new byte[0]);
        h.call("PUSH 0xbeef SELFDESTRUCT", 1_000_000);
        assertThat(h.world.balance(Address.fromLong(0xbeef))).isEqualTo(UInt256.of(50));
        assertThat(h.world.balance(EvmHarness.CONTRACT)).isEqualTo(UInt256.ZERO);
        assertThat(h.world.code(EvmHarness.CONTRACT)).isNotEmpty();
        assertThat(h.world.selfDestructed).isEmpty();
    }

    @Test
    void logsCarryTopicsAndData() {
        EvmHarness h = new EvmHarness();
        h.call("PUSH 0xaa PUSH0 MSTORE8 PUSH 7 PUSH 1 PUSH0 LOG1", 1_000_000);
        assertThat(h.world.logs).hasSize(1);
        Log log = h.world.logs.get(0);
        assertThat(log.address()).isEqualTo(EvmHarness.CONTRACT);
        assertThat(log.data()).containsExactly(0xaa);
        assertThat(UInt256.fromBytes(log.topics().get(0).bytesUnsafe())).isEqualTo(UInt256.of(7));
    }

    @Test
    void callsToARegisteredNativeContractRunJava() {
        Address system = Address.fromLong(0x1000);
        NativeContract echo = (message, world, block, tx) ->
                ExecutionResult.success(message.gas() - 50, new byte[] {1, 2, 3});
        Evm evm = new Evm(Fork.CANCUN, a -> a.equals(system) ? Optional.of(echo) : Optional.empty());
        EvmHarness h = new EvmHarness();
        h.code(EvmHarness.CONTRACT, "PUSH 32 PUSH0 PUSH0 PUSH0 PUSH 0x1000 GAS STATICCALL POP RETURNDATASIZE PUSH0 MSTORE PUSH 32 PUSH0 RETURN");
        ExecutionResult r = evm.execute(Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, UInt256.ZERO, new byte[0], 100_000),
                h.world, EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(UInt256.fromBytes(r.output())).isEqualTo(UInt256.of(3));
    }
}
