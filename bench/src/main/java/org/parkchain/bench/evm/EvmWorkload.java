package org.parkchain.bench.evm;

import java.util.List;
import org.parkchain.evm.Assembler;
import org.parkchain.evm.BlockContext;
import org.parkchain.evm.Evm;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Fork;
import org.parkchain.evm.Message;
import org.parkchain.evm.TxContext;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.InMemoryNodeStore;
import org.parkchain.state.WorldState;

/**
 * The compute-heavy contracts the EVM is measured on, hand-assembled: each is one call that loops inside the
 * contract, run against a fresh {@link WorldState} (the real journaled state on the in-memory trie store).
 */
public enum EvmWorkload {
    /** KECCAK256 over 64 bytes of memory, feeding each digest back in. */
    KECCAK(20_000, """
            PUSH %1$d
            @loop
              PUSH 64 PUSH0 KECCAK256 PUSH 32 MSTORE
              PUSH 1 SWAP1 SUB DUP1 :loop JUMPI
            STOP
            """),
    /** A mixing loop over MUL, ADD, SHR, XOR, MOD, DIV on full 256-bit words. */
    ARITHMETIC(40_000, """
            PUSH 0x1234567890abcdef1234567890abcdef1234567890abcdef
            PUSH %1$d
            @loop
              SWAP1
              PUSH 0x9e3779b97f4a7c15f39cc0605cedc834 MUL PUSH 0x7f4a7c15 ADD
              DUP1 PUSH 13 SHR XOR
              PUSH 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc5 SWAP1 MOD
              DUP1 PUSH 7 SWAP1 DIV ADD
              SWAP1
              PUSH 1 SWAP1 SUB DUP1 :loop JUMPI
            POP PUSH0 MSTORE PUSH 32 PUSH0 RETURN
            """),
    /**
     * ERC-20 transfers: 1 token from the caller to 0x1000+i for 1,000 recipients, with Solidity's balance slots
     * keccak(address . 0), the balance check, two SSTOREs and the Transfer event each time.
     */
    ERC20_TRANSFERS(1_000, """
            CALLER PUSH0 MSTORE
            PUSH 1 PUSH 128 MSTORE
            PUSH %1$d
            @loop
              PUSH 64 PUSH0 KECCAK256
              DUP1 SLOAD
              DUP1 PUSH 1 GT :fail JUMPI
              PUSH 1 SWAP1 SUB
              SWAP1 SSTORE
              DUP1 PUSH 0x1000 ADD
              DUP1 PUSH 64 MSTORE
              PUSH 64 PUSH 64 KECCAK256
              DUP1 SLOAD PUSH 1 ADD SWAP1 SSTORE
              CALLER PUSH32 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef PUSH 32 PUSH 128 LOG3
              PUSH 1 SWAP1 SUB DUP1 :loop JUMPI
            STOP
            @fail PUSH0 PUSH0 REVERT
            """),
    /** Insertion sort of 384 pseudo-random words in memory (MLOAD, MSTORE, comparisons and jumps). */
    SORT(384, """
            PUSH 12345 PUSH0
            @init
              SWAP1
              PUSH 6364136223846793005 MUL PUSH 1442695040888963407 ADD
              DUP1 PUSH 192 SHR
              DUP3 PUSH 5 SHL MSTORE
              SWAP1 PUSH 1 ADD
              DUP1 PUSH %1$d GT :init JUMPI
            POP POP
            PUSH 1
            @outer
              DUP1 PUSH 5 SHL MLOAD
              DUP2
              @inner
                DUP1 ISZERO :place JUMPI
                PUSH 32 DUP2 PUSH 5 SHL SUB MLOAD
                DUP3 DUP2 GT ISZERO :keep JUMPI
                DUP2 PUSH 5 SHL MSTORE
                PUSH 1 SWAP1 SUB
                :inner JUMP
              @keep POP
              @place
                PUSH 5 SHL MSTORE
              PUSH 1 ADD DUP1 PUSH %1$d GT :outer JUMPI
            PUSH 32 PUSH0 RETURN
            """);

    static final Address SENDER = Address.fromLong(0xbe9c4);
    static final Address CONTRACT = Address.fromLong(0xc0de);
    static final long GAS = 1_000_000_000L;
    private static final Evm EVM = new Evm(Fork.CANCUN);
    private static final BlockContext BLOCK = new BlockContext(Address.fromLong(0xc0b), 1, 1_700_000_000L, 30_000_000L,
            Hash.ZERO, UInt256.of(7), UInt256.ONE, UInt256.of(375), n -> Hash.ZERO);
    private static final TxContext TX = new TxContext(SENDER, UInt256.of(7), List.of());

    private final long size;
    private final String assembly;
    private final byte[] code;

    /** @param assembly the program, with {@code %1$d} where its size goes (iterations, or words to sort) */
    EvmWorkload(long size, String assembly) {
        this.size = size;
        this.assembly = assembly;
        this.code = code(size);
    }

    /** The size the in-process benchmark runs: loop iterations (KECCAK, ARITHMETIC), transfers, or words sorted. */
    public long size() {
        return size;
    }

    /** The contract's code (a copy): what {@link #newWorld} puts at the contract's address. */
    public byte[] code() {
        return code.clone();
    }

    /**
     * The same program at another size, for a caller with a gas cap below the in-process call's (an eth_call to a
     * node): gas grows linearly with the size, for SORT quadratically.
     */
    public byte[] code(long size) {
        if (size < 1) {
            throw new IllegalArgumentException(this + " needs a size of at least 1, got " + size);
        }
        return Assembler.assemble(assembly.formatted(size));
    }

    /**
     * The token balance the caller must hold, in Solidity's slot {@code keccak(caller . 0)} of the contract, before a
     * call: ERC20_TRANSFERS moves 1 token 1,000 times; the other workloads read no storage.
     */
    public long callerTokens() {
        return this == ERC20_TRANSFERS ? 1_000_000 : 0;
    }

    /** A fresh world with the contract deployed (and, for ERC-20, the sender's token balance). */
    public WorldState newWorld() {
        return newWorld(code);
    }

    /** A fresh world with the program of the given size deployed (see {@link #code(long)}). */
    public WorldState newWorld(long size) {
        return newWorld(code(size));
    }

    private WorldState newWorld(byte[] contractCode) {
        WorldState world = new WorldState(new InMemoryNodeStore());
        world.setBalance(SENDER, UInt256.of(1_000_000_000_000L));
        world.setCode(CONTRACT, contractCode);
        if (callerTokens() > 0) {
            byte[] key = new byte[64];
            System.arraycopy(SENDER.toWord(), 0, key, 0, 32);
            world.setStorage(CONTRACT, UInt256.fromBytes(org.parkchain.primitives.Keccak.keccak256(key)), UInt256.of(callerTokens()));
        }
        world.warmAddress(SENDER);
        world.warmAddress(CONTRACT);
        return world;
    }

    /** Runs the contract once; throws if it did not succeed, so a broken benchmark cannot report a number. */
    public ExecutionResult run(WorldState world) {
        ExecutionResult r = EVM.execute(Message.call(SENDER, CONTRACT, UInt256.ZERO, new byte[0], GAS), world, BLOCK, TX);
        if (!r.isSuccess()) throw new IllegalStateException(this + " did not succeed: " + r.outcome() + " " + r.haltReason());
        return r;
    }

    public long gasUsed(ExecutionResult r) {
        return GAS - r.gasLeft();
    }
}
