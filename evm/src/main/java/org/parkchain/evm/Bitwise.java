package org.parkchain.evm;

/** LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR, CLZ — in place on the stack limbs. */
final class Bitwise {
    private Bitwise() {}

    /** Unsigned comparison of the item at {@code a} with the one at {@code b}. */
    private static int compare(long[] s, int a, int b) {
        if (s[a + 3] != s[b + 3]) return Long.compareUnsigned(s[a + 3], s[b + 3]);
        if (s[a + 2] != s[b + 2]) return Long.compareUnsigned(s[a + 2], s[b + 2]);
        if (s[a + 1] != s[b + 1]) return Long.compareUnsigned(s[a + 1], s[b + 1]);
        return Long.compareUnsigned(s[a], s[b]);
    }

    private static void setBool(long[] s, int at, boolean v) {
        s[at] = v ? 1 : 0;
        s[at + 1] = 0;
        s[at + 2] = 0;
        s[at + 3] = 0;
    }

    static void lt(Frame f) {
        int a = (f.sp - 1) << 2;
        setBool(f.stack, a - 4, compare(f.stack, a, a - 4) < 0);
        f.sp--;
    }

    static void gt(Frame f) {
        int a = (f.sp - 1) << 2;
        setBool(f.stack, a - 4, compare(f.stack, a, a - 4) > 0);
        f.sp--;
    }

    /** Signed comparison: when the signs differ the negative one is smaller, otherwise unsigned order holds. */
    static void slt(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        boolean negA = s[a + 3] < 0, negB = s[b + 3] < 0;
        setBool(s, b, negA != negB ? negA : compare(s, a, b) < 0);
        f.sp--;
    }

    static void sgt(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        boolean negA = s[a + 3] < 0, negB = s[b + 3] < 0;
        setBool(s, b, negA != negB ? negB : compare(s, a, b) > 0);
        f.sp--;
    }

    static void eq(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        setBool(s, b, s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3]);
        f.sp--;
    }

    static void isZero(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2;
        setBool(s, a, (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0);
    }

    static void and(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        s[b] &= s[a];
        s[b + 1] &= s[a + 1];
        s[b + 2] &= s[a + 2];
        s[b + 3] &= s[a + 3];
        f.sp--;
    }

    static void or(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        s[b] |= s[a];
        s[b + 1] |= s[a + 1];
        s[b + 2] |= s[a + 2];
        s[b + 3] |= s[a + 3];
        f.sp--;
    }

    static void xor(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        s[b] ^= s[a];
        s[b + 1] ^= s[a + 1];
        s[b + 2] ^= s[a + 2];
        s[b + 3] ^= s[a + 3];
        f.sp--;
    }

    static void not(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2;
        s[a] = ~s[a];
        s[a + 1] = ~s[a + 1];
        s[a + 2] = ~s[a + 2];
        s[a + 3] = ~s[a + 3];
    }

    static void byteOp(Frame f) {
        int a = (f.sp - 1) << 2;
        WordArithmetic.byteAt(f.stack, a, a - 4);
        f.sp--;
    }

    /** The shift amount as an int, or 256 for anything at or beyond the word size. */
    private static int shiftAmount(Frame f) {
        long[] s = f.stack;
        int a = (--f.sp) << 2;
        if ((s[a + 1] | s[a + 2] | s[a + 3]) != 0 || s[a] < 0 || s[a] >= 256) return 256;
        return (int) s[a];
    }

    static void shl(Frame f) {
        int n = shiftAmount(f);
        WordArithmetic.shiftLeft(f.stack, (f.sp - 1) << 2, n);
    }

    static void shr(Frame f) {
        int n = shiftAmount(f);
        WordArithmetic.shiftRight(f.stack, (f.sp - 1) << 2, n, false);
    }

    static void sar(Frame f) {
        int n = shiftAmount(f);
        WordArithmetic.shiftRight(f.stack, (f.sp - 1) << 2, n, true);
    }

    /** EIP-7939: the number of leading zero bits, 256 for zero. */
    static void clz(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2;
        long n = s[a + 3] != 0 ? Long.numberOfLeadingZeros(s[a + 3])
                : s[a + 2] != 0 ? 64 + Long.numberOfLeadingZeros(s[a + 2])
                : s[a + 1] != 0 ? 128 + Long.numberOfLeadingZeros(s[a + 1])
                : 192 + Long.numberOfLeadingZeros(s[a]);
        s[a] = n;
        s[a + 1] = 0;
        s[a + 2] = 0;
        s[a + 3] = 0;
    }
}
