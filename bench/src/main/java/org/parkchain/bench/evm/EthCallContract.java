package org.parkchain.bench.evm;

import org.parkchain.evm.Assembler;

/**
 * The creation code that deploys an {@link EvmWorkload} as a contract on a real node, so that a plain eth_call to it
 * runs the bytes {@link EvmWorkload#newWorld(long)} puts at the contract's address in process. For ERC20_TRANSFERS
 * the constructor first gives its deployer the token balance the workload needs (Solidity's slot
 * {@code keccak(deployer . 0)}), so calls must come from the deployer.
 */
final class EthCallContract {
    private EthCallContract() {}

    /** Creation code that deploys the workload's program of the given size (see {@link EvmWorkload#code(long)}). */
    static byte[] creationCode(EvmWorkload workload, long size) {
        byte[] runtime = workload.code(size);
        String tokens = workload.callerTokens() == 0 ? ""
                // Memory 32..63 is still zero: keccak(caller word . 0) is the holder's balance slot.
                : "PUSH %d CALLER PUSH0 MSTORE PUSH 64 PUSH0 KECCAK256 SSTORE ".formatted(workload.callerTokens());
        // Fixed-width pushes, so the prefix's length (the runtime's offset in this code) does not depend on itself.
        String copyOut = "PUSH2 %d DUP1 PUSH2 %d PUSH0 CODECOPY PUSH0 RETURN";
        int prefixLength = Assembler.assemble(tokens + copyOut.formatted(0, 0)).length;
        byte[] prefix = Assembler.assemble(tokens + copyOut.formatted(runtime.length, prefixLength));
        byte[] code = new byte[prefix.length + runtime.length];
        System.arraycopy(prefix, 0, code, 0, prefix.length);
        System.arraycopy(runtime, 0, code, prefix.length, runtime.length);
        return code;
    }
}
