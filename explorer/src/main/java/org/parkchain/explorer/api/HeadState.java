package org.parkchain.explorer.api;

import java.util.List;
import java.util.Optional;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.TransactionResult;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.WorldState;

/**
 * The head block's state, private to one request (a {@link WorldState} serves one reader), with view calls run as
 * {@code eth_call} runs them: from the zero address, at gas price zero, through the node's transaction processor —
 * so a park system contract, a park token and any EVM contract answer alike.
 */
final class HeadState {
    /** Enough for any view, and within Osaka's per-transaction cap (EIP-7825: 2^24), which the processor enforces. */
    private static final long VIEW_GAS = 16_000_000L;

    private final Blockchain chain;
    private final TransactionProcessor processor;
    final BlockHeader header;
    final WorldState state;

    HeadState(Blockchain chain, TransactionProcessor processor) {
        this.chain = chain;
        this.processor = processor;
        this.header = chain.head();
        this.state = chain.state(header);
    }

    long number() {
        return header.number();
    }

    /** Runs {@code signature} (e.g. {@code balanceOf(address)}) on {@code to} and decodes {@code outputs}; empty on revert. */
    Optional<Tuple> call(Address to, String outputs, String signature, Object... args) {
        byte[] data = AbiFunction.parse(signature).encodeCall(args);
        ExecutableTransaction tx = new ExecutableTransaction(TransactionType.DYNAMIC_FEE, Address.ZERO,
                state.nonce(Address.ZERO), VIEW_GAS, Optional.of(to), UInt256.ZERO, data, UInt256.ZERO, UInt256.ZERO,
                List.of(), List.of(), UInt256.ZERO, List.of(), Optional.empty());
        BlockEnvironment env = new BlockEnvironment(chain.forks().forkAt(header.timestamp()), header.coinbase(), header.number(), header.timestamp(),
                header.gasLimit(), UInt256.ZERO, header.mixHash(), header.excessBlobGas(), UInt256.of(chain.chainId()),
                chain.blockHashes());
        TransactionResult result = processor.process(state, env, tx, Long.MAX_VALUE);
        if (result instanceof TransactionResult.Executed e && e.success() && e.output().length > 0) {
            try {
                return Optional.of(((AbiType.TupleType) AbiType.parse(outputs)).decode(e.output()));
            } catch (RuntimeException malformed) {
                return Optional.empty(); // not the interface we asked for
            }
        }
        return Optional.empty();
    }

    boolean hasCode(Address a) {
        return state.code(a).length > 0;
    }
}
