package org.parkchain.evm;

import org.parkchain.primitives.UInt256;

/**
 * ADD, SUB, MUL, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND. ADD and SUB work on the stack limbs in
 * place; the rest go through {@link UInt256}, whose arithmetic is property-tested against BigInteger.
 */
final class Arithmetic {
    private Arithmetic() {}

    static void add(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        long a0 = s[a], b0 = s[b];
        long r0 = a0 + b0;
        long c = Long.compareUnsigned(r0, a0) < 0 ? 1 : 0;
        long a1 = s[a + 1], r1 = a1 + s[b + 1] + c;
        c = (Long.compareUnsigned(r1, a1) < 0 || (c == 1 && r1 == a1)) ? 1 : 0;
        long a2 = s[a + 2], r2 = a2 + s[b + 2] + c;
        c = (Long.compareUnsigned(r2, a2) < 0 || (c == 1 && r2 == a2)) ? 1 : 0;
        s[b] = r0;
        s[b + 1] = r1;
        s[b + 2] = r2;
        s[b + 3] = s[a + 3] + s[b + 3] + c;
        f.sp--;
    }

    static void sub(Frame f) {
        long[] s = f.stack;
        int a = (f.sp - 1) << 2, b = a - 4;
        // a - b, with a on top
        long a0 = s[a], b0 = s[b];
        long r0 = a0 - b0;
        long borrow = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
        long a1 = s[a + 1], b1 = s[b + 1];
        long r1 = a1 - b1 - borrow;
        borrow = (Long.compareUnsigned(a1, b1) < 0 || (borrow == 1 && a1 == b1)) ? 1 : 0;
        long a2 = s[a + 2], b2 = s[b + 2];
        long r2 = a2 - b2 - borrow;
        borrow = (Long.compareUnsigned(a2, b2) < 0 || (borrow == 1 && a2 == b2)) ? 1 : 0;
        s[b] = r0;
        s[b + 1] = r1;
        s[b + 2] = r2;
        s[b + 3] = s[a + 3] - s[b + 3] - borrow;
        f.sp--;
    }

    static void mul(Frame f) {
        UInt256 a = f.pop();
        f.push(a.mul(f.pop()));
    }

    static void div(Frame f) {
        UInt256 a = f.pop();
        f.push(a.div(f.pop()));
    }

    static void sdiv(Frame f) {
        UInt256 a = f.pop();
        f.push(a.sdiv(f.pop()));
    }

    static void mod(Frame f) {
        UInt256 a = f.pop();
        f.push(a.mod(f.pop()));
    }

    static void smod(Frame f) {
        UInt256 a = f.pop();
        f.push(a.smod(f.pop()));
    }

    static void addmod(Frame f) {
        UInt256 a = f.pop(), b = f.pop();
        f.push(a.addmod(b, f.pop()));
    }

    static void mulmod(Frame f) {
        UInt256 a = f.pop(), b = f.pop();
        f.push(a.mulmod(b, f.pop()));
    }

    /** EXP costs 50 gas per byte of the exponent on top of its static 10. */
    static void exp(Frame f) {
        UInt256 base = f.pop(), exponent = f.pop();
        f.useGas(f.ex.gas.expByte() * ((exponent.bitLength() + 7) / 8));
        f.push(base.exp(exponent));
    }

    static void signExtend(Frame f) {
        UInt256 b = f.pop();
        f.push(f.pop().signExtend(b));
    }
}
