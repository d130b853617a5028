package org.parkchain.evm;

/**
 * ADD, SUB, MUL, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND, all in place on the stack limbs: ADD and SUB
 * here, the rest in {@link WordArithmetic} (division with the scratch area behind the stack's last slot). The result
 * overwrites the deepest operand. Each takes the stack and its height ({@code sp}, items) and leaves the height to the
 * caller, which keeps it in a local of the dispatch loop; the height after is {@code sp - 1} ({@code sp - 2} for
 * ADDMOD and MULMOD).
 */
final class Arithmetic {
    private Arithmetic() {}

    /**
     * The carries and borrows come from the operands' and the result's top bits (Hacker's Delight 2-13), without a
     * branch: with random words a carry is a coin toss, which a branch would mispredict half the time.
     */
    static void add(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        long a0 = s[a], b0 = s[b], r0 = a0 + b0;
        long c = ((a0 & b0) | ((a0 | b0) & ~r0)) >>> 63;
        long a1 = s[a + 1], b1 = s[b + 1], r1 = a1 + b1 + c;
        c = ((a1 & b1) | ((a1 | b1) & ~r1)) >>> 63;
        long a2 = s[a + 2], b2 = s[b + 2], r2 = a2 + b2 + c;
        c = ((a2 & b2) | ((a2 | b2) & ~r2)) >>> 63;
        s[b] = r0;
        s[b + 1] = r1;
        s[b + 2] = r2;
        s[b + 3] = s[a + 3] + s[b + 3] + c;
    }

    /** ADD of a one-limb constant to the top item (a fused PUSH and ADD): the height stays as it is. */
    static void addSmall(long[] s, int sp, long c) {
        int a = (sp - 1) << 2;
        long r0 = s[a] + c;
        s[a] = r0;
        if (Long.compareUnsigned(r0, c) < 0 && ++s[a + 1] == 0 && ++s[a + 2] == 0) s[a + 3]++;
    }

    static void sub(long[] s, int sp) {
        int a = (sp - 1) << 2, b = a - 4;
        // a - b, with a on top
        long a0 = s[a], b0 = s[b], r0 = a0 - b0;
        long borrow = ((~a0 & b0) | (~(a0 ^ b0) & r0)) >>> 63;
        long a1 = s[a + 1], b1 = s[b + 1], r1 = a1 - b1 - borrow;
        borrow = ((~a1 & b1) | (~(a1 ^ b1) & r1)) >>> 63;
        long a2 = s[a + 2], b2 = s[b + 2], r2 = a2 - b2 - borrow;
        borrow = ((~a2 & b2) | (~(a2 ^ b2) & r2)) >>> 63;
        s[b] = r0;
        s[b + 1] = r1;
        s[b + 2] = r2;
        s[b + 3] = s[a + 3] - s[b + 3] - borrow;
    }

    static void mul(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.mul(s, a, a - 4, a - 4);
    }

    static void div(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.div(s, a, a - 4, a - 4, Frame.SCRATCH_AT);
    }

    static void sdiv(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.sdiv(s, a, a - 4, a - 4, Frame.SCRATCH_AT);
    }

    static void mod(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.mod(s, a, a - 4, a - 4, Frame.SCRATCH_AT);
    }

    static void smod(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.smod(s, a, a - 4, a - 4, Frame.SCRATCH_AT);
    }

    static void addmod(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.addmod(s, a, a - 4, a - 8, a - 8, Frame.SCRATCH_AT);
    }

    static void mulmod(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.mulmod(s, a, a - 4, a - 8, a - 8, Frame.SCRATCH_AT);
    }

    /** EXP costs 50 gas per byte of the exponent on top of its static 10. */
    static void exp(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2;
        f.useGas(f.ex.gas.expByte() * ((WordArithmetic.bitLength(s, a - 4) + 7) / 8));
        WordArithmetic.exp(s, a, a - 4, a - 4);
        f.sp--;
    }

    static void signExtend(long[] s, int sp) {
        int a = (sp - 1) << 2;
        WordArithmetic.signExtend(s, a, a - 4);
    }
}
