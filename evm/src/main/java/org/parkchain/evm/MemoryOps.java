package org.parkchain.evm;

import org.parkchain.primitives.Keccak;

/** MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY, KECCAK256 and the copies into memory (CALLDATA-, CODE-, RETURNDATACOPY). */
final class MemoryOps {
    private MemoryOps() {}

    private static long words(long size) {
        return (size + 31) >>> 5;
    }

    static void mload(Frame f) {
        long offset = f.popSize();
        f.expandMemory(offset, 32);
        f.pushBytes32(f.memory, (int) offset);
    }

    /**
     * MLOAD from memory already paid for, the usual case: there is no gas to charge, so the fast loop runs it without
     * handing its gas, pc and stack height to the frame. False, with nothing done, when the word reaches past the
     * memory's size; {@code sp} is the stack height (MLOAD leaves it as it is).
     */
    static boolean mloadWithinMemory(Frame f, int sp) {
        long[] s = f.stack;
        int at = (sp - 1) << 2;
        long offset = s[at];
        if ((s[at + 1] | s[at + 2] | s[at + 3]) != 0 || offset < 0 || offset > f.memorySize - 32) return false;
        Frame.setWord(s, sp - 1, f.memory, (int) offset);
        return true;
    }

    /**
     * MSTORE into memory already paid for; false, with nothing done, when the word reaches past the memory's size.
     * {@code sp} is the stack height; the caller lowers it by 2 on success.
     */
    static boolean mstoreWithinMemory(Frame f, int sp) {
        long[] s = f.stack;
        int at = (sp - 1) << 2;
        long offset = s[at];
        if ((s[at + 1] | s[at + 2] | s[at + 3]) != 0 || offset < 0 || offset > f.memorySize - 32) return false;
        Frame.getWord(s, sp - 2, f.memory, (int) offset);
        return true;
    }

    static void mstore(Frame f) {
        long offset = f.popSize();
        f.expandMemory(offset, 32);
        f.popBytes32(f.memory, (int) offset);
    }

    static void mstore8(Frame f) {
        long offset = f.popSize();
        f.expandMemory(offset, 1);
        f.memory[(int) offset] = (byte) f.stack[(--f.sp) << 2];
    }

    static void msize(Frame f) {
        f.push(f.memorySize);
    }

    /** EIP-5656: copies within memory as if through an intermediate buffer (overlap is safe). */
    static void mcopy(Frame f) {
        long dst = f.popSize(), src = f.popSize(), size = f.popSize();
        f.useGas(f.ex.gas.copyWord() * words(size));
        f.expandMemory(Math.max(dst, src), size);
        if (size > 0) System.arraycopy(f.memory, (int) src, f.memory, (int) dst, (int) size);
    }

    static void keccak256(Frame f) {
        long offset = f.popSize(), size = f.popSize();
        f.useGas(f.ex.gas.keccakWord() * words(size));
        f.expandMemory(offset, size);
        Keccak.keccak256(f.memory, (int) (size == 0 ? 0 : offset), (int) size, f.stack, f.sp << 2);
        f.sp++;
    }

    static void callDataLoad(Frame f) {
        long offset = f.popSaturated();
        byte[] data = f.callData;
        byte[] word = new byte[32];
        if (offset < data.length) System.arraycopy(data, (int) offset, word, 0, (int) Math.min(32, data.length - offset));
        f.pushBytes32(word, 0);
    }

    static void callDataCopy(Frame f) {
        copy(f, f.callData);
    }

    static void codeCopy(Frame f) {
        copy(f, f.code.code);
    }

    /** The three-argument copies: memory offset, source offset, size; bytes past the source's end read as zero. */
    private static void copy(Frame f, byte[] source) {
        long memOffset = f.popSize(), srcOffset = f.popSaturated(), size = f.popSize();
        f.useGas(f.ex.gas.copyWord() * words(size));
        f.expandMemory(memOffset, size);
        f.copyToMemory(memOffset, source, srcOffset, size);
    }

    /** Unlike the other copies, reading past the end of the return data is an exceptional halt (EIP-211). */
    static void returnDataCopy(Frame f) {
        long memOffset = f.popSize(), srcOffset = f.popSaturated(), size = f.popSize();
        if (srcOffset > f.returnData.length || size > f.returnData.length - srcOffset) {
            throw EvmHalt.of(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
        }
        f.useGas(f.ex.gas.copyWord() * words(size));
        f.expandMemory(memOffset, size);
        f.copyToMemory(memOffset, f.returnData, srcOffset, size);
    }
}
