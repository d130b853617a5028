package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.rejection;
import static org.parkchain.rpc.eth.EthErrors.serverError;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.parkchain.chain.BlockEnvironment;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.Fork;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.rpc.RpcError;
import org.parkchain.rpc.RpcException;
import org.parkchain.state.WorldState;

/**
 * Runs a call request on a throw-away copy of the state, as eth_call does, and searches for the gas it needs, as
 * eth_estimateGas does. eth_sendTransaction uses the estimate for a request that names no gas.
 */
final class CallExecutor {
    private final EthBackend backend;
    private final EthApiConfig config;

    CallExecutor(EthBackend backend, EthApiConfig config) {
        this.backend = backend;
        this.config = config;
    }

    EthApiConfig config() {
        return config;
    }

    EthBackend backend() {
        return backend;
    }

    /** Runs {@code request} on a throw-away copy of the state at {@code header}, as eth_call does. */
    TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas) {
        return execute(request, header, overrides, gas, false);
    }

    /**
     * @param nextBlock run in the environment of the block after {@code header} (its number, and a timestamp of
     *     now or the header's plus one, as the sequencer will give it) instead of {@code header}'s own
     */
    TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas,
                              boolean nextBlock) {
        return execute(request, header, overrides, gas, nextBlock, request.accessList().orElse(List.of()), null, null);
    }

    /**
     * As above with {@code accessList} in place of the request's, telling {@code accesses} (when not null) of every
     * address and slot the call warms (eth_createAccessList), watched by {@code tracer} when not null (debug_traceCall).
     */
    TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas,
                              boolean nextBlock, List<AccessListEntry> accessList, WorldState.AccessObserver accesses,
                              org.parkchain.evm.Tracer tracer) {
        WorldState state = backend.state(header);
        overrides.applyTo(state);
        state.observeAccesses(accesses);
        Address from = request.from().orElse(Address.ZERO);
        UInt256 maxFee;
        UInt256 tip;
        if (request.gasPrice().isPresent()) {
            maxFee = request.gasPrice().get();
            tip = maxFee;
        } else {
            maxFee = request.maxFeePerGas().orElse(UInt256.ZERO);
            tip = request.maxPriorityFeePerGas().orElse(UInt256.ZERO);
            if (tip.compareTo(maxFee) > 0 && request.maxFeePerGas().isEmpty()) {
                maxFee = tip.add(header.baseFeePerGas());
            }
        }
        // geth: a call that pays nothing runs with a zero base fee, so that BASEFEE-free calls need no funds.
        UInt256 baseFee = maxFee.isZero() ? UInt256.ZERO : header.baseFeePerGas();
        byte[] data = request.input();
        ExecutableTransaction tx = new ExecutableTransaction(requestType(request), from, state.nonce(from), gas, request.to(),
                request.value().orElse(UInt256.ZERO), data, maxFee, tip, accessList,
                request.authorizationList().orElse(List.of()), UInt256.ZERO, List.of(), Optional.empty(),
                true); // a call asserts its from: geth's eth_call skips EIP-3607 too
        long number = nextBlock ? header.number() + 1 : header.number();
        long timestamp = timestampFor(header, nextBlock);
        BlockEnvironment env = new BlockEnvironment(backend.forks().forkAt(timestamp), header.coinbase(), number, timestamp,
                header.gasLimit(), baseFee, header.mixHash(), header.excessBlobGas(), UInt256.of(backend.chainId()),
                n -> backend.block(n).map(EthBackend.ChainBlock::hash).orElse(Hash.ZERO));
        // The block's gas limit does not bound a call: the RPC gas cap does.
        return backend.processor().process(state, env, tx, Long.MAX_VALUE, tracer);
    }

    /** The time of the block a call simulates: the header's own, or (for the next block) now or its time plus one. */
    static long timestampFor(BlockHeader header, boolean nextBlock) {
        return nextBlock ? Math.max(header.timestamp() + 1, System.currentTimeMillis() / 1000) : header.timestamp();
    }

    /** The gas an eth_call without a limit gets: the RPC cap, within the fork's per-transaction cap (EIP-7825), as geth. */
    long defaultCallGas(BlockHeader header) {
        return Math.min(config.gasCap(), backend.forks().forkAt(header.timestamp()).maxTransactionGas());
    }

    /** The envelope a call request stands for: set-code with an authorization list, legacy with a gas price. */
    private static TransactionType requestType(CallRequest request) {
        if (request.authorizationList().isPresent()) return TransactionType.SET_CODE;
        if (request.gasPrice().isPresent()) return request.accessList().isPresent() ? TransactionType.ACCESS_LIST : TransactionType.LEGACY;
        return TransactionType.DYNAMIC_FEE;
    }

    /** eth_call's answer: the output of a successful call, or the error a failed one is reported with. */
    static String callOutput(TransactionResult result, long gas) {
        return switch (result) {
            case TransactionResult.Rejected r -> throw serverError(rejection(r));
            case TransactionResult.Executed e when e.success() -> Hex.encode(e.output());
            case TransactionResult.Executed e -> throw failure(e);
        };
    }

    private static RpcException failure(TransactionResult.Executed e) {
        byte[] output = e.output();
        if (output.length > 0) {
            return new RpcError.ExecutionReverted(RevertReason.decode(output), output).toException();
        }
        // geth's words: "execution reverted", or the halt ("invalid opcode: 0xfe", "stack underflow", "out of gas", …)
        return serverError(e.failure());
    }

    long estimate(CallRequest request, BlockHeader header, StateOverrides overrides, boolean nextBlock) {
        byte[] data = request.input();
        Fork fork = backend.forks().forkAt(timestampFor(header, nextBlock));
        // The least any limit can be: the intrinsic gas or, from Prague, the EIP-7623 floor.
        long intrinsic = fork.intrinsicGas().minimumGasLimit(data, request.to().isEmpty(),
                request.accessList().orElse(List.of()), request.authorizationList().map(List::size).orElse(0));
        long ceiling = Math.min(request.gas().orElse(header.gasLimit()), config.gasCap());
        ceiling = Math.min(ceiling, fork.maxTransactionGas()); // EIP-7825
        UInt256 feeCap = request.gasPrice().or(request::maxFeePerGas).orElse(UInt256.ZERO);
        if (!feeCap.isZero()) {
            // What the sender can pay for at its fee cap, after the value it sends.
            Address from = request.from().orElse(Address.ZERO);
            WorldState state = backend.state(header);
            overrides.applyTo(state);
            BigInteger available = state.balance(from).toBigInteger()
                    .subtract(request.value().orElse(UInt256.ZERO).toBigInteger());
            if (available.signum() < 0) {
                throw serverError("insufficient funds for transfer");
            }
            BigInteger allowance = available.divide(feeCap.toBigInteger());
            if (allowance.compareTo(BigInteger.valueOf(ceiling)) < 0) {
                ceiling = allowance.longValue();
            }
        }
        GasEstimator.Estimate estimate = GasEstimator.estimate(intrinsic - 1, ceiling, gas -> {
            TransactionResult result = execute(request, header, overrides, gas, nextBlock);
            return switch (result) {
                case TransactionResult.Rejected r -> new GasEstimator.Outcome.Failed(rejection(r));
                case TransactionResult.Executed e when e.success() -> new GasEstimator.Outcome.Success(e.gasUsed());
                case TransactionResult.Executed e when e.output().length > 0 ->
                        new GasEstimator.Outcome.Reverted(e.output());
                case TransactionResult.Executed e -> new GasEstimator.Outcome.Failed(e.failure());
            };
        });
        return switch (estimate) {
            case GasEstimator.Estimate.Gas g -> g.gas();
            case GasEstimator.Estimate.Reverted r ->
                    throw new RpcError.ExecutionReverted(RevertReason.decode(r.output()), r.output()).toException();
            case GasEstimator.Estimate.Failed f -> throw serverError(f.reason());
        };
    }
}
