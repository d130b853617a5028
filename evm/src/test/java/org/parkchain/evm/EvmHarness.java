package org.parkchain.evm;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/** Builds a small world around one contract and runs a call to it. */
final class EvmHarness {
    static final Address SENDER = Address.fromLong(0xabc0);
    static final Address CONTRACT = Address.fromLong(0xc0de);
    static final Address COINBASE = Address.fromLong(0xc0b);
    static final Evm EVM = new Evm(Fork.CANCUN);
    static final BlockContext BLOCK = new BlockContext(COINBASE, 100, 1_700_000_000L, 30_000_000L,
            Hash.fromHex("0x" + "11".repeat(32)), UInt256.of(7), UInt256.of(1), UInt256.of(375),
            n -> Hash.wrap(UInt256.of(n + 1000).toBytes32()));
    static final TxContext TX = new TxContext(SENDER, UInt256.of(10), List.of(Hash.fromHex("0x01" + "22".repeat(31))));

    final InMemoryWorld world = new InMemoryWorld();
    final Evm evm;

    EvmHarness() {
        this(EVM);
    }

    /** A harness whose calls run under {@code fork}. */
    EvmHarness(Fork fork) {
        this(new Evm(fork));
    }

    private EvmHarness(Evm evm) {
        this.evm = evm;
        world.withAccount(SENDER, UInt256.of(1_000_000_000L), new byte[0]);
        world.warmAddress(SENDER);
        world.warmAddress(CONTRACT);
        for (Address p : evm.fork().precompiles().addresses()) world.warmAddress(p);
    }

    EvmHarness code(Address a, String asm) {
        world.withAccount(a, world.balance(a), Assembler.assemble(asm));
        return this;
    }

    ExecutionResult call(String asm, long gas) {
        code(CONTRACT, asm);
        return call(CONTRACT, new byte[0], gas);
    }

    ExecutionResult call(Address to, byte[] data, long gas) {
        return evm.execute(Message.call(SENDER, to, UInt256.ZERO, data, gas), world, BLOCK, TX);
    }

    /** Runs {@code asm}, which must leave one item, and returns that item (stored and returned as a word). */
    static UInt256 eval(String asm) {
        ExecutionResult r = new EvmHarness().call(asm + " PUSH0 MSTORE PUSH 32 PUSH0 RETURN", 1_000_000);
        if (!r.isSuccess()) throw new AssertionError("halted: " + r.haltReason());
        return UInt256.fromBytes(r.output());
    }
}
