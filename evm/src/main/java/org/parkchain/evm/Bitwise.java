package org.parkchain.evm;

/**
 * LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR, CLZ — in place on the stack limbs. Each takes
 * the stack and its height ({@code sp}, items) and leaves the height to the caller: two-operand instructions leave
 * {@code sp - 1}, ISZERO, NOT and CLZ leave it as it is.
 */
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

    static void lt(long[] s, int sp) {
        int a = (sp - 1) << 2;
        setBool(s, a - 4, compare(s, a, a - 4) < 0);
    }

    static void gt(long[] s, int sp) {
        int a = (sp - 1) << 2;
        setBool(s, a - 4, compare(s, a, a - 4) > 0);
    }

    /** Signed comparison: when the signs differ the negative one is smaller, otherwise unsigned order holds. */
    static void slt(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        boolean negA = s[a + 3] < 0, negB = s[b + 3] < 0;
        setBool(s, b, negA != negB ? negA : compare(s, a, b) < 0);
    }

    static void sgt(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        boolean negA = s[a + 3] < 0, negB = s[b + 3] < 0;
        setBool(s, b, negA != negB ? negB : compare(s, a, b) > 0);
    }

    static void eq(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        setBool(s, b, s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3]);
    }

    static void isZero(long[] s, int sp) {
        int a = (sp - 1) << 2;
        setBool(s, a, (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0);
    }

    static void and(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        s[b] &= s[a];
        s[b + 1] &= s[a + 1];
        s[b + 2] &= s[a + 2];
        s[b + 3] &= s[a + 3];
    }

    static void or(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        s[b] |= s[a];
        s[b + 1] |= s[a + 1];
        s[b + 2] |= s[a + 2];
        s[b + 3] |= s[a + 3];
    }

    static void xor(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        s[b] ^= s[a];
        s[b + 1] ^= s[a + 1];
        s[b + 2] ^= s[a + 2];
        s[b + 3] ^= s[a + 3];
    }

    static void not(long[] s, int sp) {
        int a = (sp - 1) << 2;
        s[a] = ~s[a];
        s[a + 1] = ~s[a + 1];
        s[a + 2] = ~s[a + 2];
        s[a + 3] = ~s[a + 3];
    }

    static void byteOp(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.byteAt(s, a, a - 4);
    }

    /** The shift amount (the top item) as an int, or 256 for anything at or beyond the word size. */
    private static int shiftAmount(long[] s, int sp) {
        int a = (sp - 1) << 2;
        if ((s[a + 1] | s[a + 2] | s[a + 3]) != 0 || s[a] < 0 || s[a] >= 256) return 256;
        return (int) s[a];
    }

    static void shl(long[] s, int sp) {
        int n = shiftAmount(s, sp);
        WordArithmetic.shiftLeft(s, (sp - 2) << 2, n);
    }

    static void shr(long[] s, int sp) {
        int n = shiftAmount(s, sp);
        WordArithmetic.shiftRight(s, (sp - 2) << 2, n, false);
    }

    static void sar(long[] s, int sp) {
        int n = shiftAmount(s, sp);
        WordArithmetic.shiftRight(s, (sp - 2) << 2, n, true);
    }

    /** EIP-7939: the number of leading zero bits, 256 for zero. */
    static void clz(long[] s, int sp) {
        int a = (sp - 1) << 2;
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
