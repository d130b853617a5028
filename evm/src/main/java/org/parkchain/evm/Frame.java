package org.parkchain.evm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * One execution frame: program counter, gas, the stack as 4 longs per item (least significant limb first, item i
 * at {@code stack[4i..4i+3]}), memory and the last call's return data. Instruction bodies work on it directly.
 */
final class Frame {
    static final byte[] EMPTY = new byte[0];
    /** Larger offsets or sizes cannot be paid for with any realistic gas; they end in an out-of-gas halt. */
    static final long MAX_MEMORY = 1L << 28;
    /** Where the scratch area of {@link WordArithmetic}'s division starts: behind the stack's last item. */
    static final int SCRATCH_AT = InstructionTable.STACK_LIMIT * 4;
    /** The length of a stack array: 1,024 items of four limbs, then the scratch area. */
    static final int STACK_LONGS = SCRATCH_AT + WordArithmetic.SCRATCH;
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    final Execution ex;
    final Message message;
    final AnalysedCode code;
    final Address self;
    final int depth;
    final boolean isStatic;
    /** The call data; empty while init code runs (its bytes are the code, not input). */
    final byte[] callData;
    final long[] stack;
    int sp;
    int pc;
    long gas;
    byte[] memory = EMPTY;
    long memorySize;
    byte[] returnData = EMPTY;
    byte[] output = EMPTY;

    Frame(Execution ex, Message message, AnalysedCode code, long[] stack) {
        this.ex = ex;
        this.message = message;
        this.code = code;
        this.self = message.recipient();
        this.depth = message.depth();
        this.isStatic = message.isStatic();
        this.callData = message.isCreate() ? EMPTY : message.data();
        this.stack = stack;
        this.gas = message.gas();
    }

    void useGas(long cost) {
        if (Long.compareUnsigned(cost, gas) > 0) throw EvmHalt.OUT_OF_GAS;
        gas -= cost;
    }

    // --- stack ----------------------------------------------------------------------------------------------

    UInt256 pop() {
        int i = (--sp) << 2;
        return new UInt256(stack[i], stack[i + 1], stack[i + 2], stack[i + 3]);
    }

    UInt256 peek(int fromTop) {
        int i = (sp - 1 - fromTop) << 2;
        return new UInt256(stack[i], stack[i + 1], stack[i + 2], stack[i + 3]);
    }

    void push(UInt256 v) {
        int i = (sp++) << 2;
        stack[i] = v.u0;
        stack[i + 1] = v.u1;
        stack[i + 2] = v.u2;
        stack[i + 3] = v.u3;
    }

    void push(long v) {
        int i = (sp++) << 2;
        stack[i] = v;
        stack[i + 1] = 0;
        stack[i + 2] = 0;
        stack[i + 3] = 0;
    }

    void pushBool(boolean b) {
        push(b ? 1 : 0);
    }

    void push(Address a) {
        pushBytes32(a.toWord(), 0);
    }

    /** Pushes 32 big-endian bytes from {@code src} at {@code offset}. */
    void pushBytes32(byte[] src, int offset) {
        setWord(stack, sp++, src, offset);
    }

    /** Writes the top item as 32 big-endian bytes into {@code dst} at {@code offset} and pops it. */
    void popBytes32(byte[] dst, int offset) {
        getWord(stack, --sp, dst, offset);
    }

    /** Sets stack item {@code item} to the 32 big-endian bytes of {@code src} at {@code offset}. */
    static void setWord(long[] stack, int item, byte[] src, int offset) {
        int i = item << 2;
        stack[i + 3] = (long) LONG_BE.get(src, offset);
        stack[i + 2] = (long) LONG_BE.get(src, offset + 8);
        stack[i + 1] = (long) LONG_BE.get(src, offset + 16);
        stack[i] = (long) LONG_BE.get(src, offset + 24);
    }

    /** Writes stack item {@code item} as 32 big-endian bytes into {@code dst} at {@code offset}. */
    static void getWord(long[] stack, int item, byte[] dst, int offset) {
        int i = item << 2;
        LONG_BE.set(dst, offset, stack[i + 3]);
        LONG_BE.set(dst, offset + 8, stack[i + 2]);
        LONG_BE.set(dst, offset + 16, stack[i + 1]);
        LONG_BE.set(dst, offset + 24, stack[i]);
    }

    /** Pops a value used as an offset or size: values beyond {@link #MAX_MEMORY} become a huge sentinel. */
    long popSize() {
        int i = (--sp) << 2;
        long v = stack[i];
        if ((stack[i + 1] | stack[i + 2] | stack[i + 3]) != 0 || v < 0 || v > MAX_MEMORY) return Long.MAX_VALUE / 4;
        return v;
    }

    /** Pops a value as a long, saturating at {@link Long#MAX_VALUE}. */
    long popSaturated() {
        int i = (--sp) << 2;
        long v = stack[i];
        if ((stack[i + 1] | stack[i + 2] | stack[i + 3]) != 0 || v < 0) return Long.MAX_VALUE;
        return v;
    }

    Address popAddress() {
        int i = (--sp) << 2;
        byte[] b = new byte[32];
        LONG_BE.set(b, 8, stack[i + 2]);
        LONG_BE.set(b, 16, stack[i + 1]);
        LONG_BE.set(b, 24, stack[i]);
        return Address.fromWord(b);
    }

    // --- memory ---------------------------------------------------------------------------------------------

    /** Charges for and performs the expansion needed to touch {@code [offset, offset+size)}; nothing when size is 0. */
    void expandMemory(long offset, long size) {
        if (size == 0) return;
        if (offset > MAX_MEMORY || size > MAX_MEMORY) throw EvmHalt.OUT_OF_GAS;
        long end = offset + size;
        if (end <= memorySize) return;
        long newWords = (end + 31) >>> 5;
        GasSchedule g = ex.gas;
        useGas(g.memoryCost(newWords) - g.memoryCost(memorySize >>> 5));
        long newSize = newWords << 5;
        if (newSize > memory.length) {
            memory = Arrays.copyOf(memory, (int) Math.min(MAX_MEMORY, Math.max(newSize, memory.length * 2L)));
        }
        memorySize = newSize;
    }

    /** A copy of {@code size} bytes of memory (already expanded) from {@code offset}. */
    byte[] memoryCopy(long offset, long size) {
        if (size == 0) return EMPTY;
        return Arrays.copyOfRange(memory, (int) offset, (int) (offset + size));
    }

    /** Copies {@code src[srcOffset..]} into memory, zero-filling what lies beyond the source's end. */
    void copyToMemory(long memOffset, byte[] src, long srcOffset, long size) {
        if (size == 0) return;
        int m = (int) memOffset, n = (int) size;
        long available = srcOffset >= src.length ? 0 : Math.min(size, src.length - srcOffset);
        if (available > 0) System.arraycopy(src, (int) srcOffset, memory, m, (int) available);
        if (available < n) Arrays.fill(memory, m + (int) available, m + n, (byte) 0);
    }
}
