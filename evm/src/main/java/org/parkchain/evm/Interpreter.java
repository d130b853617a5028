package org.parkchain.evm;

import static org.parkchain.evm.AnalysedCode.ISZERO_PUSH2_JUMPI;
import static org.parkchain.evm.AnalysedCode.PUSH1_JUMP;
import static org.parkchain.evm.AnalysedCode.PUSH1_JUMPI;
import static org.parkchain.evm.AnalysedCode.PUSH2_JUMP;
import static org.parkchain.evm.AnalysedCode.PUSH2_JUMPI;
import static org.parkchain.evm.AnalysedCode.PUSH_ADD;
import static org.parkchain.evm.AnalysedCode.PUSH_SHL;
import static org.parkchain.evm.AnalysedCode.PUSH_SHR;
import static org.parkchain.evm.Opcodes.*;

/**
 * The dispatch loops. {@link #run} checks stack bounds and charges the static gas from the fork's
 * {@link InstructionTable} once per basic block and dispatches fused pairs ({@link AnalysedCode}); {@link #runTraced}
 * does both per instruction, for tracers and for the block that halts. The instruction bodies (in Arithmetic,
 * Bitwise, MemoryOps, Environment, Storage, SystemOps) charge only dynamic costs. Halts are thrown as
 * {@link EvmHalt} and caught by the caller.
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
     * Static gas and stack bounds are checked once per basic block (see {@link AnalysedCode}), when the block is
     * entered: at the frame's start, at a JUMPDEST and after each instruction that ends a block, never inside one. A
     * taken jump enters the destination's block itself and goes on after its JUMPDEST (whose gas is in the block).
     * The program counter, the stack height and the gas live in locals; instructions that need the frame (memory
     * beyond its paid size, storage, calls, hashing, environment, dynamic gas) go through {@link #withGas}, which
     * hands all three to the frame and back. A block that fails its entry check halts inside it: the frame then
     * continues in {@link #runTraced}'s one-instruction-at-a-time loop, which finds where and why.
     */
    static Exit run(Frame f, InstructionTable table) {
        final byte[] code = f.code.padded;
        final byte[] dispatch = f.code.dispatch;
        final long[] s = f.stack;
        final AnalysedCode analysed = f.code;
        int pc = f.pc;
        int sp = f.sp;
        long gas = f.gas;
        int jumps = 0;
        if (dispatch[pc] != (byte) JUMPDEST) {
            long left = analysed.enterBlock(pc, sp, gas);
            if (left < 0) return stepToHalt(f, table, pc, sp, gas);
            gas = left;
        }
        // Out of the switch: an instruction inside a block goes on at the next pc; one that ends its block breaks
        // endsBlock, so the next block is entered; a taken jump breaks jumped with its destination.
        while (true) {
            int dest;
            jumped:
            {
                endsBlock:
                {
                    int op = dispatch[pc] & 0xff;
                    // An instruction that takes two operands and leaves one is called with the height before it (sp--).
                    switch (op) {
                        case ADD -> Arithmetic.add(s, sp--);
                        case MUL -> Arithmetic.mul(s, sp--);
                        case SUB -> Arithmetic.sub(s, sp--);
                        case DIV -> Arithmetic.div(s, sp--);
                        case SDIV -> Arithmetic.sdiv(s, sp--);
                        case MOD -> Arithmetic.mod(s, sp--);
                        case SMOD -> Arithmetic.smod(s, sp--);
                        case ADDMOD -> {
                            Arithmetic.addmod(s, sp);
                            sp -= 2;
                        }
                        case MULMOD -> {
                            Arithmetic.mulmod(s, sp);
                            sp -= 2;
                        }
                        case SIGNEXTEND -> Arithmetic.signExtend(s, sp--);
                        case LT -> Bitwise.lt(s, sp--);
                        case GT -> Bitwise.gt(s, sp--);
                        case SLT -> Bitwise.slt(s, sp--);
                        case SGT -> Bitwise.sgt(s, sp--);
                        case EQ -> Bitwise.eq(s, sp--);
                        case ISZERO -> Bitwise.isZero(s, sp);
                        case AND -> Bitwise.and(s, sp--);
                        case OR -> Bitwise.or(s, sp--);
                        case XOR -> Bitwise.xor(s, sp--);
                        case NOT -> Bitwise.not(s, sp);
                        case BYTE -> Bitwise.byteOp(s, sp--);
                        case SHL -> Bitwise.shl(s, sp--);
                        case SHR -> Bitwise.shr(s, sp--);
                        case SAR -> Bitwise.sar(s, sp--);
                        case CLZ -> Bitwise.clz(s, sp);
                        case POP -> sp--;
                        case PC -> setSmall(s, sp++, pc);
                        case JUMPDEST -> {
                            long left = analysed.enterBlock(pc, sp, gas);
                            if (left < 0) return stepToHalt(f, table, pc, sp, gas);
                            gas = left;
                        }
                        case JUMP -> {
                            dest = jumpTarget(analysed, s, --sp);
                            break jumped;
                        }
                        case JUMPI -> {
                            int c = (sp - 2) << 2;
                            sp -= 2;
                            if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                                dest = jumpTarget(analysed, s, sp + 1);
                                break jumped;
                            }
                            break endsBlock;
                        }
                        case PUSH1_JUMP -> {
                            dest = code[pc + 1] & 0xff;
                            break jumped;
                        }
                        case PUSH2_JUMP -> {
                            dest = (code[pc + 1] & 0xff) << 8 | (code[pc + 2] & 0xff);
                            break jumped;
                        }
                        case PUSH1_JUMPI -> {
                            int c = (--sp) << 2;
                            if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                                dest = code[pc + 1] & 0xff;
                                break jumped;
                            }
                            pc += 2; // at the JUMPI, which ends the block
                            break endsBlock;
                        }
                        case PUSH2_JUMPI -> {
                            int c = (--sp) << 2;
                            if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                                dest = (code[pc + 1] & 0xff) << 8 | (code[pc + 2] & 0xff);
                                break jumped;
                            }
                            pc += 3;
                            break endsBlock;
                        }
                        case ISZERO_PUSH2_JUMPI -> {
                            int c = (--sp) << 2;
                            if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) == 0) {
                                dest = (code[pc + 2] & 0xff) << 8 | (code[pc + 3] & 0xff);
                                break jumped;
                            }
                            pc += 4;
                            break endsBlock;
                        }
                        case PUSH_ADD -> {
                            int n = code[pc] - PUSH1 + 1;
                            Arithmetic.addSmall(s, sp, smallPush(code, pc, n));
                            pc += n + 2;
                            continue;
                        }
                        case PUSH_SHL -> {
                            int n = code[pc] - PUSH1 + 1;
                            WordArithmetic.shiftLeft(s, (sp - 1) << 2, shiftOf(smallPush(code, pc, n)));
                            pc += n + 2;
                            continue;
                        }
                        case PUSH_SHR -> {
                            int n = code[pc] - PUSH1 + 1;
                            WordArithmetic.shiftRight(s, (sp - 1) << 2, shiftOf(smallPush(code, pc, n)), false);
                            pc += n + 2;
                            continue;
                        }
                        case GAS -> {
                            setSmall(s, sp++, gas);
                            break endsBlock;
                        }
                        case MLOAD -> {
                            if (!MemoryOps.mloadWithinMemory(f, sp)) {
                                f.pc = pc;
                                f.sp = sp;
                                f.gas = gas;
                                MemoryOps.mload(f);
                                gas = f.gas;
                            }
                            break endsBlock;
                        }
                        case MSTORE -> {
                            if (MemoryOps.mstoreWithinMemory(f, sp)) {
                                sp -= 2;
                            } else {
                                f.pc = pc;
                                f.sp = sp;
                                f.gas = gas;
                                MemoryOps.mstore(f);
                                gas = f.gas;
                                sp = f.sp;
                            }
                            break endsBlock;
                        }
                        case PUSH0 -> setSmall(s, sp++, 0);
                        case PUSH1 -> {
                            setSmall(s, sp++, code[pc + 1] & 0xffL);
                            pc += 2;
                            continue;
                        }
                        case 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
                                0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f -> {
                            int n = op - PUSH1 + 1;
                            push(s, sp++, code, pc, n);
                            pc += 1 + n;
                            continue;
                        }
                        case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f -> {
                            int from = (sp - (op - DUP1 + 1)) << 2, to = sp << 2;
                            s[to] = s[from];
                            s[to + 1] = s[from + 1];
                            s[to + 2] = s[from + 2];
                            s[to + 3] = s[from + 3];
                            sp++;
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
                            f.pc = pc;
                            f.sp = sp;
                            f.gas = gas;
                            Exit exit = withGas(f, op);
                            if (exit != null) return exit;
                            gas = f.gas;
                            sp = f.sp;
                            break endsBlock;
                        }
                    }
                    pc++;
                    continue;
                }
                // The instruction ended its block, so the next one starts a block (a JUMPDEST enters its own when it runs).
                pc++;
                if (dispatch[pc] != (byte) JUMPDEST) {
                    long left = analysed.enterBlock(pc, sp, gas);
                    if (left < 0) return stepToHalt(f, table, pc, sp, gas);
                    gas = left;
                }
                continue;
            }
            // A taken jump to dest, a JUMPDEST: enter its block and go on after it.
            if (++jumps == JUMPS_PER_INTERRUPT_CHECK) jumps = checkInterrupt();
            long left = analysed.enterBlock(dest, sp, gas);
            if (left < 0) return stepToHalt(f, table, dest, sp, gas);
            gas = left;
            pc = dest + 1;
        }
    }

    /** Item {@code item} of the stack set to the non-negative {@code v}. */
    private static void setSmall(long[] s, int item, long v) {
        int at = item << 2;
        s[at] = v;
        s[at + 1] = 0;
        s[at + 2] = 0;
        s[at + 3] = 0;
    }

    /** Needs nothing: stepping through a block that fails its entry check is {@link #runTraced} without a tracer. */
    private static final Tracer STEPPING = new Tracer() {};

    /**
     * The block at {@code pc} cannot be paid for or would break the stack's bounds, so the frame halts inside it. The
     * one-instruction-at-a-time loop finds the instruction and the reason, exactly as it would without blocks.
     */
    private static Exit stepToHalt(Frame f, InstructionTable table, int pc, int sp, long gas) {
        f.pc = pc;
        f.sp = sp;
        f.gas = gas;
        return runTraced(f, table, STEPPING);
    }

    /** Throws when the thread was interrupted (a time limit); otherwise restarts the jump count. */
    private static int checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) throw new ExecutionInterrupted();
        return 0;
    }

    /**
     * The loop with a tracer attached: one instruction at a time with its own stack and static gas checks, pc, gas
     * and stack height kept on the frame, {@link Tracer#step} before each. The fast loop also continues here (with a
     * tracer that does nothing) when a block fails its entry check, to halt at the precise instruction. The fast loop
     * is left as it is, so tracing costs an untraced run nothing.
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
            if (compute(s, sp, op)) {
                f.sp = sp + table.stackChange[op];
                f.pc = pc + 1;
                continue;
            }
            if (op == PUSH0) {
                setSmall(s, sp, 0);
                f.sp = sp + 1;
                f.pc = pc + 1;
                continue;
            }
            if (op >= PUSH1 && op <= PUSH1 + 31) {
                int n = op - PUSH1 + 1;
                push(s, sp, code, pc, n);
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
                case POP -> f.sp = sp - 1;
                case JUMP -> {
                    f.sp = sp - 1;
                    f.pc = jumpTarget(f.code, s, sp - 1);
                    continue;
                }
                case JUMPI -> {
                    f.sp = sp - 2;
                    int c = (sp - 2) << 2;
                    if ((s[c] | s[c + 1] | s[c + 2] | s[c + 3]) != 0) {
                        f.pc = jumpTarget(f.code, s, sp - 1);
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

    /**
     * The arithmetic, comparison and bitwise instructions (their stack change is the instruction table's) on the
     * stack of height {@code sp}; false, with nothing done, for any other opcode.
     */
    private static boolean compute(long[] s, int sp, int op) {
        switch (op) {
            case ADD -> Arithmetic.add(s, sp);
            case MUL -> Arithmetic.mul(s, sp);
            case SUB -> Arithmetic.sub(s, sp);
            case DIV -> Arithmetic.div(s, sp);
            case SDIV -> Arithmetic.sdiv(s, sp);
            case MOD -> Arithmetic.mod(s, sp);
            case SMOD -> Arithmetic.smod(s, sp);
            case ADDMOD -> Arithmetic.addmod(s, sp);
            case MULMOD -> Arithmetic.mulmod(s, sp);
            case SIGNEXTEND -> Arithmetic.signExtend(s, sp);
            case LT -> Bitwise.lt(s, sp);
            case GT -> Bitwise.gt(s, sp);
            case SLT -> Bitwise.slt(s, sp);
            case SGT -> Bitwise.sgt(s, sp);
            case EQ -> Bitwise.eq(s, sp);
            case ISZERO -> Bitwise.isZero(s, sp);
            case AND -> Bitwise.and(s, sp);
            case OR -> Bitwise.or(s, sp);
            case XOR -> Bitwise.xor(s, sp);
            case NOT -> Bitwise.not(s, sp);
            case BYTE -> Bitwise.byteOp(s, sp);
            case SHL -> Bitwise.shl(s, sp);
            case SHR -> Bitwise.shr(s, sp);
            case SAR -> Bitwise.sar(s, sp);
            case CLZ -> Bitwise.clz(s, sp);
            default -> {
                return false;
            }
        }
        return true;
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

    /** The jump destination in stack item {@code item}, checked against the code's JUMPDEST bitmap. */
    private static int jumpTarget(AnalysedCode code, long[] s, int item) {
        int at = item << 2;
        long dest = s[at];
        if ((s[at + 1] | s[at + 2] | s[at + 3]) != 0 || !code.isJumpDest(dest)) throw EvmHalt.INVALID_JUMP;
        return (int) dest;
    }

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** The value of PUSHn at {@code pc} for n = 1..8: one big-endian read shifted down (the padding keeps it in bounds). */
    private static long smallPush(byte[] code, int pc, int n) {
        return (long) LONG_BE.get(code, pc + 1) >>> (64 - (n << 3));
    }

    /** A shift amount from a one-limb value: 256 (everything shifted out) at or beyond the word size. */
    private static int shiftOf(long n) {
        return n < 0 || n >= 256 ? 256 : (int) n;
    }

    /**
     * PUSHn (n = 1..32) at {@code pc}: the n bytes after the opcode as stack item {@code item}. Every limb is one
     * 8-byte big-endian read: the whole ones end at the data's end, the topmost (holding the first 1 to 8 bytes) is
     * the read right after the opcode shifted down. The 33 zero bytes padding the code keep every read in bounds and
     * supply the zeros of a PUSH cut off by the code's end.
     */
    private static void push(long[] s, int item, byte[] code, int pc, int n) {
        int at = item << 2, end = pc + 1 + n;
        int top = (n - 1) >>> 3;
        long first = (long) LONG_BE.get(code, pc + 1) >>> (64 - ((n - (top << 3)) << 3));
        switch (top) {
            case 0 -> {
                s[at] = first;
                s[at + 1] = 0;
                s[at + 2] = 0;
                s[at + 3] = 0;
            }
            case 1 -> {
                s[at] = (long) LONG_BE.get(code, end - 8);
                s[at + 1] = first;
                s[at + 2] = 0;
                s[at + 3] = 0;
            }
            case 2 -> {
                s[at] = (long) LONG_BE.get(code, end - 8);
                s[at + 1] = (long) LONG_BE.get(code, end - 16);
                s[at + 2] = first;
                s[at + 3] = 0;
            }
            default -> {
                s[at] = (long) LONG_BE.get(code, end - 8);
                s[at + 1] = (long) LONG_BE.get(code, end - 16);
                s[at + 2] = (long) LONG_BE.get(code, end - 24);
                s[at + 3] = first;
            }
        }
    }
}
