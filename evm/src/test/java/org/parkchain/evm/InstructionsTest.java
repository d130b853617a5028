package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.evm.EvmHarness.eval;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;

class InstructionsTest {
    private static UInt256 u(long v) {
        return UInt256.of(v);
    }

    @Test
    void arithmeticWrapsAndDividesByZeroToZero() {
        assertThat(eval("PUSH 2 PUSH 3 ADD")).isEqualTo(u(5));
        assertThat(eval("PUSH 3 PUSH 2 SUB")).isEqualTo(UInt256.MAX);
        assertThat(eval("PUSH 1 PUSH32 " + UInt256.MAX.toHexQuantity() + " ADD")).isEqualTo(UInt256.ZERO);
        assertThat(eval("PUSH 7 PUSH 6 MUL")).isEqualTo(u(42));
        assertThat(eval("PUSH 0 PUSH 6 DIV")).isEqualTo(UInt256.ZERO);
        assertThat(eval("PUSH 3 PUSH 10 MOD")).isEqualTo(u(1));
        assertThat(eval("PUSH 5 PUSH 10 PUSH 10 ADDMOD")).isEqualTo(u(0));
        assertThat(eval("PUSH 2 PUSH 10 EXP")).isEqualTo(u(100));
        // -8 / 3 = -2 (truncation), -8 % 3 = -2 (sign of the dividend)
        String minus8 = "PUSH 8 PUSH0 SUB";
        assertThat(eval("PUSH 3 " + minus8 + " SDIV")).isEqualTo(u(2).negate());
        assertThat(eval("PUSH 3 " + minus8 + " SMOD")).isEqualTo(u(2).negate());
    }

    @Test
    void signExtendAndByteAndShifts() {
        assertThat(eval("PUSH 0xff PUSH 0 SIGNEXTEND")).isEqualTo(UInt256.MAX);
        assertThat(eval("PUSH 0x7f PUSH 0 SIGNEXTEND")).isEqualTo(u(0x7f));
        assertThat(eval("PUSH 0x1234 PUSH 30 BYTE")).isEqualTo(u(0x12));
        assertThat(eval("PUSH 1 PUSH 255 SHL")).isEqualTo(UInt256.ONE.shl(255));
        assertThat(eval("PUSH 1 PUSH 256 SHL")).isEqualTo(UInt256.ZERO);
        assertThat(eval("PUSH 16 PUSH0 SUB PUSH 2 SAR")).isEqualTo(u(4).negate());
        assertThat(eval("PUSH 0xf0 PUSH 4 SHR")).isEqualTo(u(0xf));
    }

    @Test
    void comparisonsSignedAndUnsigned() {
        assertThat(eval("PUSH 2 PUSH 1 LT")).isEqualTo(u(1));
        assertThat(eval("PUSH 2 PUSH 1 GT")).isEqualTo(u(0));
        assertThat(eval("PUSH 1 PUSH 1 PUSH0 SUB SLT")).isEqualTo(u(1));
        assertThat(eval("PUSH 1 PUSH 1 PUSH0 SUB SGT")).isEqualTo(u(0));
        assertThat(eval("PUSH 5 PUSH 5 EQ")).isEqualTo(u(1));
        assertThat(eval("PUSH0 ISZERO")).isEqualTo(u(1));
        assertThat(eval("PUSH 0x0f PUSH 0x3c AND PUSH 0x40 OR PUSH 0x01 XOR")).isEqualTo(u(0x4d));
        assertThat(eval("PUSH0 NOT")).isEqualTo(UInt256.MAX);
    }

    @Test
    void keccakOfMemory() {
        byte[] expected = Keccak.keccak256(new byte[32]);
        assertThat(eval("PUSH 32 PUSH0 KECCAK256")).isEqualTo(UInt256.fromBytes(expected));
        assertThat(eval("PUSH0 PUSH0 KECCAK256")).isEqualTo(UInt256.fromBytes(Keccak.keccak256(new byte[0])));
    }

    @Test
    void stackDupSwapAndPush() {
        assertThat(eval("PUSH 1 PUSH 2 DUP2 ADD ADD")).isEqualTo(u(4));
        assertThat(eval("PUSH 2 PUSH 1 SWAP1 SUB")).isEqualTo(u(1));
        assertThat(eval("PUSH32 0x0102030405060708091011121314151617181920212223242526272829303132"))
                .isEqualTo(UInt256.fromBytes(Hex.decode("0x0102030405060708091011121314151617181920212223242526272829303132")));
        assertThat(eval("PUSH3 0x010203")).isEqualTo(u(0x010203));
    }

    @Test
    void memoryAndMcopy() {
        assertThat(eval("PUSH 0xaabb PUSH 64 MSTORE PUSH 64 MLOAD")).isEqualTo(u(0xaabb));
        assertThat(eval("PUSH 0x11 PUSH 31 MSTORE8 PUSH0 MLOAD")).isEqualTo(u(0x11));
        // MCOPY 32 bytes from 0 to 32, then read back
        assertThat(eval("PUSH 0x99 PUSH0 MSTORE PUSH 32 PUSH0 PUSH 32 MCOPY PUSH 32 MLOAD")).isEqualTo(u(0x99));
        assertThat(eval("PUSH 1 PUSH 100 MSTORE8 MSIZE")).isEqualTo(u(128));
    }

    @Test
    void environmentReadsMessageBlockAndTransaction() {
        assertThat(eval("CALLER")).isEqualTo(UInt256.fromBytes(EvmHarness.SENDER.toWord()));
        assertThat(eval("ADDRESS")).isEqualTo(UInt256.fromBytes(EvmHarness.CONTRACT.toWord()));
        assertThat(eval("ORIGIN")).isEqualTo(UInt256.fromBytes(EvmHarness.SENDER.toWord()));
        assertThat(eval("NUMBER")).isEqualTo(u(100));
        assertThat(eval("CHAINID")).isEqualTo(u(375));
        assertThat(eval("BASEFEE")).isEqualTo(u(7));
        assertThat(eval("BLOBBASEFEE")).isEqualTo(u(1));
        assertThat(eval("GASPRICE")).isEqualTo(u(10));
        assertThat(eval("PUSH 99 BLOCKHASH")).isEqualTo(u(1099));
        assertThat(eval("PUSH 100 BLOCKHASH")).isEqualTo(UInt256.ZERO);
        assertThat(eval("PUSH 0 BLOBHASH")).isEqualTo(UInt256.fromBytes(Hex.decode("0x01" + "22".repeat(31))));
        assertThat(eval("PUSH 1 BLOBHASH")).isEqualTo(UInt256.ZERO);
        assertThat(eval("CODESIZE")).isEqualTo(u(7)); // CODESIZE PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
    }

    @Test
    void jumpsOnlyToJumpDestOutsidePushData() {
        assertThat(eval("PUSH 1 :end JUMPI PUSH 5 STOP @end PUSH 9")).isEqualTo(u(9));
        EvmHarness h = new EvmHarness();
        // offset 2 is inside PUSH2's data (0x5b), which is no jump destination
        assertThat(h.call("PUSH 2 JUMP PUSH2 0x5b5b", 100_000).haltReason()).isEqualTo(HaltReason.INVALID_JUMP);
    }

    @Test
    void transientStorageIsSeparateFromStorage() {
        assertThat(eval("PUSH 7 PUSH 1 TSTORE PUSH 1 TLOAD PUSH 1 SLOAD ADD")).isEqualTo(u(7));
    }
}
