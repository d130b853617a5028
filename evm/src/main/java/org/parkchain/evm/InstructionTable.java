package org.parkchain.evm;

import static org.parkchain.evm.Opcodes.*;

import java.util.Arrays;

/**
 * Which opcodes a fork defines, each one's static gas and its stack requirements, built once per fork. The
 * interpreter checks stack bounds and charges static gas from these arrays before dispatching, so the instruction
 * bodies only charge the dynamic part. A fork is the previous table plus its EIPs' changes ({@link #cancun()}, {@link #osaka()}).
 */
public final class InstructionTable {
    /** Stack limit of the EVM. */
    public static final int STACK_LIMIT = 1024;

    final int[] staticGas = new int[256];
    /** Items the instruction pops or inspects; {@link Integer#MAX_VALUE} marks an undefined opcode. */
    final int[] minStack = new int[256];
    /** The largest stack height at which the instruction can run without exceeding 1024 items. */
    final int[] maxStack = new int[256];
    /** Net stack change (pushes - pops) of each defined instruction. */
    final int[] stackChange = new int[256];
    private final boolean[] defined = new boolean[256];
    /** Code analyses for this table (they depend on its gas and stack figures), by code hash. */
    final java.util.concurrent.ConcurrentHashMap<org.parkchain.primitives.Hash, AnalysedCode> analyses =
            new java.util.concurrent.ConcurrentHashMap<>();

    private InstructionTable() {
        Arrays.fill(minStack, Integer.MAX_VALUE);
        Arrays.fill(maxStack, STACK_LIMIT);
    }

    private InstructionTable copy() {
        InstructionTable t = new InstructionTable();
        System.arraycopy(staticGas, 0, t.staticGas, 0, 256);
        System.arraycopy(minStack, 0, t.minStack, 0, 256);
        System.arraycopy(maxStack, 0, t.maxStack, 0, 256);
        System.arraycopy(defined, 0, t.defined, 0, 256);
        System.arraycopy(stackChange, 0, t.stackChange, 0, 256);
        return t;
    }

    private InstructionTable define(int op, int gas, int pops, int pushes) {
        staticGas[op] = gas;
        minStack[op] = pops;
        maxStack[op] = STACK_LIMIT - Math.max(0, pushes - pops);
        stackChange[op] = pushes - pops;
        defined[op] = true;
        return this;
    }

    public boolean isDefined(int op) {
        return defined[op];
    }

    public int staticGas(int op) {
        return staticGas[op];
    }

    /** Frontier through Shanghai, as they stand in Shanghai (EIP-2929 warm costs as the static part, PUSH0). */
    static InstructionTable shanghai() {
        InstructionTable t = new InstructionTable();
        t.define(STOP, 0, 0, 0);
        for (int op : new int[] {ADD, SUB, LT, GT, SLT, SGT, EQ, AND, OR, XOR, BYTE, SHL, SHR, SAR}) t.define(op, 3, 2, 1);
        for (int op : new int[] {MUL, DIV, SDIV, MOD, SMOD, SIGNEXTEND}) t.define(op, 5, 2, 1);
        t.define(ADDMOD, 8, 3, 1).define(MULMOD, 8, 3, 1).define(EXP, 10, 2, 1);
        t.define(ISZERO, 3, 1, 1).define(NOT, 3, 1, 1);
        t.define(KECCAK256, 30, 2, 1);
        for (int op : new int[] {ADDRESS, ORIGIN, CALLER, CALLVALUE, CALLDATASIZE, CODESIZE, GASPRICE, RETURNDATASIZE,
                COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT, CHAINID, BASEFEE, PC, MSIZE, GAS, PUSH0}) {
            t.define(op, 2, 0, 1);
        }
        t.define(BALANCE, 100, 1, 1).define(EXTCODESIZE, 100, 1, 1).define(EXTCODEHASH, 100, 1, 1);
        t.define(EXTCODECOPY, 100, 4, 0);
        t.define(CALLDATALOAD, 3, 1, 1).define(CALLDATACOPY, 3, 3, 0).define(CODECOPY, 3, 3, 0);
        t.define(RETURNDATACOPY, 3, 3, 0);
        t.define(BLOCKHASH, 20, 1, 1).define(SELFBALANCE, 5, 0, 1);
        t.define(POP, 2, 1, 0).define(MLOAD, 3, 1, 1).define(MSTORE, 3, 2, 0).define(MSTORE8, 3, 2, 0);
        t.define(SLOAD, 100, 1, 1).define(SSTORE, 0, 2, 0);
        t.define(JUMP, 8, 1, 0).define(JUMPI, 10, 2, 0).define(JUMPDEST, 1, 0, 0);
        for (int n = 1; n <= 32; n++) t.define(PUSH1 + n - 1, 3, 0, 1);
        for (int n = 1; n <= 16; n++) t.define(DUP1 + n - 1, 3, n, n + 1);
        for (int n = 1; n <= 16; n++) t.define(SWAP1 + n - 1, 3, n + 1, n + 1);
        for (int n = 0; n <= 4; n++) t.define(LOG0 + n, 375 * (n + 1), n + 2, 0);
        t.define(CREATE, 32_000, 3, 1).define(CREATE2, 32_000, 4, 1);
        t.define(CALL, 100, 7, 1).define(CALLCODE, 100, 7, 1).define(DELEGATECALL, 100, 6, 1).define(STATICCALL, 100, 6, 1);
        t.define(RETURN, 0, 2, 0).define(REVERT, 0, 2, 0);
        t.define(SELFDESTRUCT, 5_000, 1, 0);
        return t;
    }

    /** Cancun: Shanghai plus EIP-1153 (TLOAD, TSTORE), EIP-5656 (MCOPY), EIP-4844 (BLOBHASH), EIP-7516 (BLOBBASEFEE). */
    public static InstructionTable cancun() {
        return shanghai().copy()
                .define(TLOAD, 100, 1, 1)
                .define(TSTORE, 100, 2, 0)
                .define(MCOPY, 3, 3, 0)
                .define(BLOBHASH, 3, 1, 1)
                .define(BLOBBASEFEE, 2, 0, 1);
    }

    /** Osaka: Cancun (Prague changed no instruction) plus EIP-7939 (CLZ, priced like MUL). */
    public static InstructionTable osaka() {
        return cancun().copy().define(CLZ, 5, 1, 1);
    }
}
