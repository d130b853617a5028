package org.parkchain.evm;

import static org.parkchain.evm.Opcodes.*;

/**
 * The dispatch loop. Before each instruction it checks the stack bounds and charges the static gas from the
 * fork's {@link InstructionTable}; the instruction bodies (in Arithmetic, Bitwise, MemoryOps, Environment,
 * Storage, SystemOps) charge only dynamic costs. Halts are thrown as {@link EvmHalt} and caught by the caller.
 */
final class Interpreter {
    /** How a frame ended normally. */
    enum Exit { STOP, RETURN, REVERT }

    private static final boolean[] PURE = new boolean[256];

    static {
        for (int op = ADD; op <= SIGNEXTEND; op++) PURE[op] = op != EXP;
        for (int op = LT; op <= CLZ; op++) PURE[op] = true;
        for (int op = PUSH0; op <= SWAP16; op++) PURE[op] = true;
        PURE[POP] = PURE[PC] = PURE[JUMPDEST] = true;
    }

    /** Taken jumps between two looks at the thread's interrupt flag (a loop iteration has at least one). */
    static final int JUMPS_PER_INTERRUPT_CHECK = 1024;

    private Interpreter() {}

    /** Whether the instruction only works on the stack with static gas, so it can sit inside a basic block. */
    static boolean isPure(int op) {
        return PURE[op];
    }

    /**
     * Static gas and stack bounds are checked once per basic block (see {@link AnalysedCode}). The program counter
     * and gas live in locals here; instructions that read or charge gas themselves (memory,
     * storage, calls, hashing, environment) go through {@link #withGas}, which hands both to the frame and back.
     */
    static Exit run(Frame f, InstructionTable table) {
        final byte[] code = f.code.padded;
        final int[] staticGas = table.staticGas;
        final int[] minStack = table.minStack;
        final int[] maxStack = table.maxStack;
        final long[] s = f.stack;
        final AnalysedCode analysed = f.code;
        final int[] blockAt = analysed.blockAt;
        final long[] blockGas = analysed.blockGas;
        final int[] blockNeeds = analysed.blockNeeds;
        final int[] blockGrowth = analysed.blockGrowth;
        int pc = f.pc;
        long gas = f.gas;
        // Within a block whose entry checks failed, step precisely to find where and why it halts.
        boolean stepping = false;
        int jumps = 0;
        while (true) {
            int op = code[pc] & 0xff;
            int sp = f.sp;
            int block = blockAt[pc];
            if (block != 0) {
                int b = block - 1;
                long g = blockGas[b];
                stepping = sp < blockNeeds[b] || sp + blockGrowth[b] > InstructionTable.STACK_LIMIT || gas < g;
                if (!stepping) gas -= g;
            }
            if (stepping) {
                if (sp < minStack[op]) {
                    throw table.isDefined(op) ? EvmHalt.STACK_UNDERFLOW : EvmHalt.invalidOpcode(op);
                }
                if (sp > maxStack[op]) throw EvmHalt.STACK_OVERFLOW;
                gas -= staticGas[op];
                if (gas < 0) throw EvmHalt.OUT_OF_GAS;
            }
            switch (op) {
                case ADD -> Arithmetic.add(f);
                case MUL -> Arithmetic.mul(f);
                case SUB -> Arithmetic.sub(f);
                case DIV -> Arithmetic.div(f);
                case SDIV -> Arithmetic.sdiv(f);
                case MOD -> Arithmetic.mod(f);
                case SMOD -> Arithmetic.smod(f);
                case ADDMOD -> Arithmetic.addmod(f);
                case MULMOD -> Arithmetic.mulmod(f);
                case SIGNEXTEND -> Arithmetic.signExtend(f);
                case LT -> Bitwise.lt(f);
                case GT -> Bitwise.gt(f);
                case SLT -> Bitwise.slt(f);
                case SGT -> Bitwise.sgt(f);
                case EQ -> Bitwise.eq(f);
                case ISZERO -> Bitwise.isZero(f);
                case AND -> Bitwise.and(f);
                case OR -> Bitwise.or(f);
                case XOR -> Bitwise.xor(f);
                case NOT -> Bitwise.not(f);
                case BYTE -> Bitwise.byteOp(f);
                case SHL -> Bitwise.shl(f);
                case SHR -> Bitwise.shr(f);
                case SAR -> Bitwise.sar(f);
                case CLZ -> Bitwise.clz(f);
                case POP -> f.sp = sp - 1;
                case JUMP -> {
                    pc = jumpTarget(f, f.popSaturated());
                    if (++jumps == JUMPS_PER_INTERRUPT_CHECK) jumps = checkInterrupt();
                    continue;
                }
                case JUMPI -> {
                    long dest = f.popSaturated();
                    int c = (--f.sp) << 2;
                    if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                        pc = jumpTarget(f, dest);
                        if (++jumps == JUMPS_PER_INTERRUPT_CHECK) jumps = checkInterrupt();
                        continue;
                    }
                }
                case PC -> f.push(pc);
                case GAS -> f.push(gas);
                case JUMPDEST -> { }
                case MLOAD -> {
                    if (!MemoryOps.mloadWithinMemory(f)) {
                        f.gas = gas;
                        f.pc = pc;
                        MemoryOps.mload(f);
                        gas = f.gas;
                    }
                }
                case MSTORE -> {
                    if (!MemoryOps.mstoreWithinMemory(f)) {
                        f.gas = gas;
                        f.pc = pc;
                        MemoryOps.mstore(f);
                        gas = f.gas;
                    }
                }
                case PUSH0 -> f.push(0);
                case PUSH1 -> {
                    int at = sp << 2;
                    s[at] = code[pc + 1] & 0xffL;
                    s[at + 1] = 0;
                    s[at + 2] = 0;
                    s[at + 3] = 0;
                    f.sp = sp + 1;
                    pc += 2;
                    continue;
                }
                case 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
                        0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f -> {
                    int n = op - PUSH1 + 1;
                    push(s, sp << 2, code, pc + 1, n);
                    f.sp = sp + 1;
                    pc += 1 + n;
                    continue;
                }
                case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f -> {
                    int from = (sp - (op - DUP1 + 1)) << 2, to = sp << 2;
                    s[to] = s[from];
                    s[to + 1] = s[from + 1];
                    s[to + 2] = s[from + 2];
                    s[to + 3] = s[from + 3];
                    f.sp = sp + 1;
                }
                case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f -> {
                    int top = (sp - 1) << 2, other = (sp - 1 - (op - SWAP1 + 1)) << 2;
                    long t0 = s[top], t1 = s[top + 1], t2 = s[top + 2], t3 = s[top + 3];
                    s[top] = s[other];
                    s[top + 1] = s[other + 1];
                    s[top + 2] = s[other + 2];
                    s[top + 3] = s[other + 3];
                    s[other] = t0;
                    s[other + 1] = t1;
                    s[other + 2] = t2;
                    s[other + 3] = t3;
                }
                default -> {
                    f.gas = gas;
                    f.pc = pc;
                    Exit exit = withGas(f, op);
                    if (exit != null) return exit;
                    gas = f.gas;
                }
            }
            pc++;
        }
    }

    /** Throws when the thread was interrupted (a time limit); otherwise restarts the jump count. */
    private static int checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) throw new ExecutionInterrupted();
        return 0;
    }

    /**
     * The loop with a tracer attached: one instruction at a time with its own stack and static gas checks (as the
     * fast loop does when it steps through a block), pc and gas kept on the frame, {@link Tracer#step} before each.
     * The fast loop is left as it is, so tracing costs an untraced run nothing.
     */
    static Exit runTraced(Frame f, InstructionTable table, Tracer tracer) {
        final byte[] code = f.code.padded;
        final long[] s = f.stack;
        TracedStep view = new TracedStep(f);
        int steps = 0;
        while (true) {
            int pc = f.pc;
            int op = code[pc] & 0xff;
            view.op = op;
            tracer.step(view);
            if (++steps == JUMPS_PER_INTERRUPT_CHECK) steps = checkInterrupt();
            int sp = f.sp;
            if (sp < table.minStack[op]) {
                throw table.isDefined(op) ? EvmHalt.STACK_UNDERFLOW : EvmHalt.invalidOpcode(op);
            }
            if (sp > table.maxStack[op]) throw EvmHalt.STACK_OVERFLOW;
            f.gas -= table.staticGas[op];
            if (f.gas < 0) throw EvmHalt.OUT_OF_GAS;
            if (op >= PUSH0 && op <= PUSH1 + 31) {
                int n = op - PUSH0;
                push(s, sp << 2, code, pc + 1, n);
                f.sp = sp + 1;
                f.pc = pc + 1 + n;
                continue;
            }
            if (op >= DUP1 && op <= DUP1 + 15) {
                int from = (sp - (op - DUP1 + 1)) << 2;
                System.arraycopy(s, from, s, sp << 2, 4);
                f.sp = sp + 1;
                f.pc = pc + 1;
                continue;
            }
            if (op >= SWAP1 && op <= SWAP1 + 15) {
                int top = (sp - 1) << 2, other = (sp - 1 - (op - SWAP1 + 1)) << 2;
                for (int k = 0; k < 4; k++) {
                    long t = s[top + k];
                    s[top + k] = s[other + k];
                    s[other + k] = t;
                }
                f.pc = pc + 1;
                continue;
            }
            switch (op) {
                case ADD -> Arithmetic.add(f);
                case MUL -> Arithmetic.mul(f);
                case SUB -> Arithmetic.sub(f);
                case DIV -> Arithmetic.div(f);
                case SDIV -> Arithmetic.sdiv(f);
                case MOD -> Arithmetic.mod(f);
                case SMOD -> Arithmetic.smod(f);
                case ADDMOD -> Arithmetic.addmod(f);
                case MULMOD -> Arithmetic.mulmod(f);
                case SIGNEXTEND -> Arithmetic.signExtend(f);
                case LT -> Bitwise.lt(f);
                case GT -> Bitwise.gt(f);
                case SLT -> Bitwise.slt(f);
                case SGT -> Bitwise.sgt(f);
                case EQ -> Bitwise.eq(f);
                case ISZERO -> Bitwise.isZero(f);
                case AND -> Bitwise.and(f);
                case OR -> Bitwise.or(f);
                case XOR -> Bitwise.xor(f);
                case NOT -> Bitwise.not(f);
                case BYTE -> Bitwise.byteOp(f);
                case SHL -> Bitwise.shl(f);
                case SHR -> Bitwise.shr(f);
                case SAR -> Bitwise.sar(f);
                case CLZ -> Bitwise.clz(f);
                case POP -> f.sp = sp - 1;
                case JUMP -> {
                    f.pc = jumpTarget(f, f.popSaturated());
                    continue;
                }
                case JUMPI -> {
                    long dest = f.popSaturated();
                    int c = (--f.sp) << 2;
                    if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                        f.pc = jumpTarget(f, dest);
                        continue;
                    }
                }
                case PC -> f.push(pc);
                case GAS -> f.push(f.gas);
                case JUMPDEST -> { }
                default -> {
                    Exit exit = withGas(f, op);
                    if (exit != null) return exit;
                }
            }
            f.pc++;
        }
    }

    /** The frame as a {@link Tracer.Step}: reads it live, so one instance serves every step of the frame. */
    private static final class TracedStep implements Tracer.Step {
        private final Frame f;
        int op;

        TracedStep(Frame f) {
            this.f = f;
        }

        @Override public int pc() { return f.pc; }
        @Override public int op() { return op; }
        @Override public long gas() { return f.gas; }
        @Override public int depth() { return f.depth + 1; }
        @Override public org.parkchain.primitives.Address address() { return f.self; }
        @Override public int stackSize() { return f.sp; }

        @Override
        public org.parkchain.primitives.UInt256 stack(int i) {
            return f.peek(f.sp - 1 - i);
        }

        @Override public long memorySize() { return f.memorySize; }

        @Override
        public byte[] memory() {
            return java.util.Arrays.copyOf(f.memory, (int) f.memorySize);
        }

        @Override public byte[] returnData() { return f.returnData; }

        @Override
        public org.parkchain.primitives.UInt256 storage(org.parkchain.primitives.UInt256 key) {
            return f.ex.world.storage(f.self, key);
        }

        @Override public long refund() { return f.ex.world.refund(); }
    }

    /** Instructions that charge dynamic gas or end the frame; null means continue with the next instruction. */
    private static Exit withGas(Frame f, int op) {
        switch (op) {
            case STOP -> {
                return Exit.STOP;
            }
            case EXP -> Arithmetic.exp(f);
            case KECCAK256 -> MemoryOps.keccak256(f);
            case ADDRESS -> Environment.address(f);
            case BALANCE -> Environment.balance(f);
            case ORIGIN -> Environment.origin(f);
            case CALLER -> Environment.caller(f);
            case CALLVALUE -> Environment.callValue(f);
            case CALLDATALOAD -> MemoryOps.callDataLoad(f);
            case CALLDATASIZE -> Environment.callDataSize(f);
            case CALLDATACOPY -> MemoryOps.callDataCopy(f);
            case CODESIZE -> Environment.codeSize(f);
            case CODECOPY -> MemoryOps.codeCopy(f);
            case GASPRICE -> Environment.gasPrice(f);
            case EXTCODESIZE -> Environment.extCodeSize(f);
            case EXTCODECOPY -> Environment.extCodeCopy(f);
            case RETURNDATASIZE -> Environment.returnDataSize(f);
            case RETURNDATACOPY -> MemoryOps.returnDataCopy(f);
            case EXTCODEHASH -> Environment.extCodeHash(f);
            case BLOCKHASH -> Environment.blockHash(f);
            case COINBASE -> Environment.coinbase(f);
            case TIMESTAMP -> Environment.timestamp(f);
            case NUMBER -> Environment.number(f);
            case PREVRANDAO -> Environment.prevRandao(f);
            case GASLIMIT -> Environment.gasLimit(f);
            case CHAINID -> Environment.chainId(f);
            case SELFBALANCE -> Environment.selfBalance(f);
            case BASEFEE -> Environment.baseFee(f);
            case BLOBHASH -> Environment.blobHash(f);
            case BLOBBASEFEE -> Environment.blobBaseFee(f);
            case MLOAD -> MemoryOps.mload(f);
            case MSTORE -> MemoryOps.mstore(f);
            case MSTORE8 -> MemoryOps.mstore8(f);
            case SLOAD -> Storage.sload(f);
            case SSTORE -> Storage.sstore(f);
            case MSIZE -> MemoryOps.msize(f);
            case TLOAD -> Storage.tload(f);
            case TSTORE -> Storage.tstore(f);
            case MCOPY -> MemoryOps.mcopy(f);
            case 0xa0, 0xa1, 0xa2, 0xa3, 0xa4 -> SystemOps.log(f, op - LOG0);
            case CREATE -> SystemOps.create(f, false);
            case CREATE2 -> SystemOps.create(f, true);
            case CALL, CALLCODE, DELEGATECALL, STATICCALL -> SystemOps.call(f, op);
            case RETURN -> {
                SystemOps.ret(f);
                return Exit.RETURN;
            }
            case REVERT -> {
                SystemOps.ret(f);
                return Exit.REVERT;
            }
            case SELFDESTRUCT -> {
                SystemOps.selfDestruct(f);
                return Exit.STOP;
            }
            default -> throw EvmHalt.invalidOpcode(op);
        }
        return null;
    }

    private static int jumpTarget(Frame f, long dest) {
        if (!f.code.isJumpDest(dest)) throw EvmHalt.INVALID_JUMP;
        return (int) dest;
    }

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /**
     * Reads {@code n} big-endian bytes at {@code at} into the stack slot at {@code slot}. Limb k holds the bytes
     * [end - 8(k+1), end - 8k); whole limbs are one 8-byte read, a partial top limb is read whole and masked.
     */
    private static void push(long[] s, int slot, byte[] code, int at, int n) {
        int end = at + n;
        for (int k = 0; k < 4; k++) {
            int hi = end - 8 * k, lo = hi - 8;
            long v;
            if (lo >= at) {
                v = (long) LONG_BE.get(code, lo);
            } else if (hi > at) {
                int bytes = hi - at;
                if (lo >= 0) {
                    v = (long) LONG_BE.get(code, lo) & ((1L << (8 * bytes)) - 1);
                } else {
                    v = 0;
                    for (int i = at; i < hi; i++) v = (v << 8) | (code[i] & 0xffL);
                }
            } else {
                v = 0;
            }
            s[slot + k] = v;
        }
    }
}
