package org.parkchain.evm;

import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Hash;

/**
 * Bytecode prepared once for execution: padded with 33 zero bytes (so a PUSH running off the end reads zeros and
 * running off the end executes STOP without a bounds check), its JUMPDEST bitmap (a 0x5b inside PUSH data is not a
 * jump destination) and its basic blocks. Analyses are cached by code hash (per instruction table).
 *
 * <p>A block is a run of pure instructions (stack, arithmetic, bitwise: no dynamic gas, no reading of gas, no side
 * effects) ended by the first other instruction, or cut before a JUMPDEST. The interpreter checks a block's stack
 * needs and charges its whole static gas on entry. That is exact: no instruction in the block can observe the gas
 * before its end, and if the block cannot be paid for or would break the stack, none of its pure instructions has
 * an effect anyone could see before the halt — the interpreter then steps through it instruction by instruction to
 * halt at the precise place and with the precise reason.
 *
 * <p>The fast loop dispatches on {@link #dispatch}, a copy of the padded code in which frequent pairs are marked at
 * their first byte with a fused opcode, so they cost one dispatch: a PUSH1 or PUSH2 of a valid jump destination
 * followed by JUMP or JUMPI ({@link #PUSH1_JUMP} …, with no destination check left to do), ISZERO before such a
 * PUSH2 and JUMPI ({@link #ISZERO_PUSH2_JUMPI}), and a PUSH of at most 8 bytes followed by ADD, SHL or SHR
 * ({@link #PUSH_ADD} …, Solidity's offsets and shifts). The instructions of a fused group are always in one block (a
 * block is only cut before a JUMPDEST), so the block's checks cover them all. The fused opcodes are bytes no fork
 * defines; a real undefined byte is never dispatched by the fast loop, because its block never passes the entry
 * check.
 */
final class AnalysedCode {
    private static final int CACHE_LIMIT = 16_384;

    final byte[] code;
    final byte[] padded;
    /** The padded code with PUSH1/PUSH2 + JUMP/JUMPI pairs of a valid destination marked at the PUSH. */
    final byte[] dispatch;
    /** The fused opcodes: PUSHn d JUMP(I), d a valid destination, so the jump needs no check. */
    static final int PUSH1_JUMP = 0xb0, PUSH2_JUMP = 0xb1, PUSH1_JUMPI = 0xb2, PUSH2_JUMPI = 0xb3;
    /** ISZERO PUSH2 d JUMPI, d a valid destination: jump when the top item is zero. */
    static final int ISZERO_PUSH2_JUMPI = 0xb4;
    /** PUSHn c (n = 1..8) followed by ADD, SHL or SHR: the operation with the constant c. */
    static final int PUSH_ADD = 0xb5, PUSH_SHL = 0xb6, PUSH_SHR = 0xb7;
    final int length;
    private final long[] jumpDests;
    /** For each pc that starts a block, its index in {@link #blocks}; 0 (an empty block) elsewhere. */
    private final int[] blockAt;
    /**
     * Each block's entry check in one long: its static gas (bits 0–31), the stack height it needs (bits 32–47) and
     * 1 + the highest stack height at which it can start without passing 1,024 items (bits 48–63). Heights are
     * clamped to 0..1,025, so an impossible need (an undefined opcode) is 1,025 and never met. Index 0 is the empty
     * block past the code's end, where the padding's STOP runs: no gas, no stack.
     */
    private final long[] blocks;

    private AnalysedCode(byte[] code, InstructionTable table) {
        this.code = code;
        this.length = code.length;
        this.padded = new byte[code.length + 33];
        System.arraycopy(code, 0, padded, 0, code.length);
        this.jumpDests = new long[(code.length >>> 6) + 1];
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xff;
            if (op == Opcodes.JUMPDEST) {
                jumpDests[pc >>> 6] |= 1L << pc;
            } else if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32) {
                pc += op - Opcodes.PUSH1 + 1;
            }
        }
        this.dispatch = padded.clone();
        int previous = -1; // where the instruction before pc starts
        for (int pc = 0; pc < code.length; ) {
            int op = code[pc] & 0xff;
            if (op >= Opcodes.PUSH1 && op <= Opcodes.PUSH1 + 7) {
                int n = op - Opcodes.PUSH1 + 1;
                int next = pc + 1 + n;
                int after = next < code.length ? code[next] & 0xff : Opcodes.STOP;
                if (n <= 2 && isJumpDest(n == 1 ? padded[pc + 1] & 0xff : (padded[pc + 1] & 0xff) << 8 | (padded[pc + 2] & 0xff))) {
                    if (after == Opcodes.JUMP) dispatch[pc] = (byte) (n == 1 ? PUSH1_JUMP : PUSH2_JUMP);
                    if (after == Opcodes.JUMPI) dispatch[pc] = (byte) (n == 1 ? PUSH1_JUMPI : PUSH2_JUMPI);
                    if (after == Opcodes.JUMPI && n == 2 && previous == pc - 1 && code[previous] == Opcodes.ISZERO) {
                        dispatch[previous] = (byte) ISZERO_PUSH2_JUMPI;
                    }
                }
                if (after == Opcodes.ADD) dispatch[pc] = (byte) PUSH_ADD;
                if (after == Opcodes.SHL) dispatch[pc] = (byte) PUSH_SHL;
                if (after == Opcodes.SHR) dispatch[pc] = (byte) PUSH_SHR;
            }
            previous = pc;
            pc += op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32 ? op - Opcodes.PUSH1 + 2 : 1;
        }
        blockAt = new int[padded.length];
        long[] infos = new long[16];
        infos[0] = block(0, 0, 0);
        int count = 1;
        int pc = 0;
        while (pc < code.length) {
            if (count == infos.length) infos = java.util.Arrays.copyOf(infos, count * 2);
            blockAt[pc] = count;
            long g = 0;
            int height = 0, need = 0, grow = 0;
            while (true) {
                int op = code[pc] & 0xff;
                if (!table.isDefined(op)) {
                    need = Integer.MAX_VALUE; // never passes the entry check: step through and halt exactly
                    pc++;
                    break;
                }
                g += table.staticGas[op];
                need = Math.max(need, table.minStack[op] - height);
                height += table.stackChange[op];
                grow = Math.max(grow, height);
                pc += op >= Opcodes.PUSH1 && op <= Opcodes.PUSH32 ? op - Opcodes.PUSH1 + 2 : 1;
                if (!Interpreter.isPure(op) || pc >= code.length || (code[pc] & 0xff) == Opcodes.JUMPDEST) break;
            }
            infos[count++] = block(g, need, grow);
        }
        blocks = infos;
    }

    /** A block's entry check packed as {@link #blocks} holds it. */
    private static long block(long gas, int need, int growth) {
        int limit = InstructionTable.STACK_LIMIT;
        long needs = Math.min(need, limit + 1);
        long top = Math.max(0, Math.min(limit + 1, limit - growth + 1)); // 1 + the highest entry height, or 0: none
        return gas | needs << 32 | top << 48;
    }

    static AnalysedCode of(byte[] code, InstructionTable table) {
        return new AnalysedCode(code, table);
    }

    static AnalysedCode cached(Hash codeHash, byte[] code, InstructionTable table) {
        ConcurrentHashMap<Hash, AnalysedCode> cache = table.analyses;
        AnalysedCode a = cache.get(codeHash);
        if (a == null) {
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            a = new AnalysedCode(code, table);
            cache.put(codeHash, a);
        }
        return a;
    }

    /**
     * Enters the block starting at {@code pc} (nothing to do past the code's end, where the padding's STOP runs): the
     * gas left after the block's static gas, or -1 when the block cannot be paid for or would take the stack below
     * its needs or above 1,024 items, in which case it halts somewhere inside.
     */
    long enterBlock(int pc, int sp, long gas) {
        long b = blocks[blockAt[pc]];
        long left = gas - (b & 0xffffffffL);
        int needs = (int) (b >>> 32) & 0xffff, top = (int) (b >>> 48) - 1;
        // one branch for the three checks: each difference is negative exactly when its check fails
        return ((sp - needs) | (top - sp) | left) < 0 ? -1 : left;
    }

    boolean isJumpDest(long dest) {
        return dest >= 0 && dest < length && (jumpDests[(int) (dest >>> 6)] & (1L << dest)) != 0;
    }
}
