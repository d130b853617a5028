package org.parkchain.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.parkchain.primitives.Hex;

/**
 * A tiny assembler for tests and benchmarks: whitespace-separated mnemonics, {@code PUSH <number|0xhex>} picks the smallest PUSH,
 * {@code PUSHn <value>} forces a width, {@code @label} marks a JUMPDEST, {@code :label} pushes its offset (PUSH2),
 * {@code 0x..} alone emits raw bytes.
 */
public final class Assembler {
    private static final Map<String, Integer> OPS = new HashMap<>();

    static {
        String[] names = {
            "STOP", "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD", "EXP", "SIGNEXTEND",
        };
        for (int i = 0; i < names.length; i++) OPS.put(names[i], i);
        String[] cmp = {"LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT", "BYTE", "SHL", "SHR", "SAR", "CLZ"};
        for (int i = 0; i < cmp.length; i++) OPS.put(cmp[i], 0x10 + i);
        OPS.put("KECCAK256", 0x20);
        String[] env = {"ADDRESS", "BALANCE", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATALOAD", "CALLDATASIZE",
            "CALLDATACOPY", "CODESIZE", "CODECOPY", "GASPRICE", "EXTCODESIZE", "EXTCODECOPY", "RETURNDATASIZE",
            "RETURNDATACOPY", "EXTCODEHASH", "BLOCKHASH", "COINBASE", "TIMESTAMP", "NUMBER", "PREVRANDAO", "GASLIMIT",
            "CHAINID", "SELFBALANCE", "BASEFEE", "BLOBHASH", "BLOBBASEFEE"};
        for (int i = 0; i < env.length; i++) OPS.put(env[i], 0x30 + i);
        String[] mem = {"POP", "MLOAD", "MSTORE", "MSTORE8", "SLOAD", "SSTORE", "JUMP", "JUMPI", "PC", "MSIZE", "GAS",
            "JUMPDEST", "TLOAD", "TSTORE", "MCOPY", "PUSH0"};
        for (int i = 0; i < mem.length; i++) OPS.put(mem[i], 0x50 + i);
        for (int i = 1; i <= 16; i++) {
            OPS.put("DUP" + i, 0x7f + i);
            OPS.put("SWAP" + i, 0x8f + i);
        }
        for (int i = 0; i <= 4; i++) OPS.put("LOG" + i, 0xa0 + i);
        OPS.put("CREATE", 0xf0);
        OPS.put("CALL", 0xf1);
        OPS.put("CALLCODE", 0xf2);
        OPS.put("RETURN", 0xf3);
        OPS.put("DELEGATECALL", 0xf4);
        OPS.put("CREATE2", 0xf5);
        OPS.put("STATICCALL", 0xfa);
        OPS.put("REVERT", 0xfd);
        OPS.put("INVALID", 0xfe);
        OPS.put("SELFDESTRUCT", 0xff);
    }

    private Assembler() {}

    public static byte[] assemble(String source) {
        String[] tokens = source.trim().split("\\s+");
        Map<String, Integer> labels = new HashMap<>();
        // two passes: the first finds label offsets (label references are always PUSH2)
        for (int pass = 0; pass < 2; pass++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.isEmpty()) continue;
                if (t.startsWith("@")) {
                    labels.put(t.substring(1), out.size());
                    out.write(0x5b);
                } else if (t.startsWith(":")) {
                    int at = labels.getOrDefault(t.substring(1), 0);
                    out.write(0x61);
                    out.write(at >> 8);
                    out.write(at);
                } else if (t.toUpperCase().startsWith("PUSH") && !t.equalsIgnoreCase("PUSH0")) {
                    BigInteger v = parse(tokens[++i]);
                    int width = t.length() > 4 ? Integer.parseInt(t.substring(4)) : Math.max(1, (v.bitLength() + 7) / 8);
                    out.write(0x5f + width);
                    byte[] b = v.toByteArray();
                    for (int k = 0; k < width; k++) {
                        int idx = b.length - width + k;
                        out.write(idx >= 0 ? b[idx] : 0);
                    }
                } else if (t.startsWith("0x")) {
                    out.writeBytes(Hex.decode(t));
                } else {
                    Integer op = OPS.get(t.toUpperCase());
                    if (op == null) throw new IllegalArgumentException("unknown mnemonic " + t);
                    out.write(op);
                }
            }
            if (pass == 1) return out.toByteArray();
        }
        throw new AssertionError();
    }

    private static BigInteger parse(String v) {
        return v.startsWith("0x") ? new BigInteger(v.substring(2), 16) : new BigInteger(v);
    }
}
