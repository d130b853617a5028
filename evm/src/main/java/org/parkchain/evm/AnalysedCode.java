package org.parkchain.evm;

import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Hash;

/**
 * Bytecode prepared once for execution: padded with 33 zero bytes (so a PUSH running off the end reads zeros and
 * running off the end executes STOP without a bounds check) and its JUMPDEST bitmap (a 0x5b inside PUSH data is
 * not a jump destination). Analyses are cached by code hash.
 */
final class AnalysedCode {
    private static final int CACHE_LIMIT = 16_384;
    private static final ConcurrentHashMap<Hash, AnalysedCode> CACHE = new ConcurrentHashMap<>();

    final byte[] code;
    final byte[] padded;
    final int length;
    private final long[] jumpDests;

    private AnalysedCode(byte[] code) {
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
    }

    static AnalysedCode of(byte[] code) {
        return new AnalysedCode(code);
    }

    static AnalysedCode cached(Hash codeHash, byte[] code) {
        AnalysedCode a = CACHE.get(codeHash);
        if (a == null) {
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            a = new AnalysedCode(code);
            CACHE.put(codeHash, a);
        }
        return a;
    }

    boolean isJumpDest(long dest) {
        return dest >= 0 && dest < length && (jumpDests[(int) (dest >>> 6)] & (1L << dest)) != 0;
    }
}
