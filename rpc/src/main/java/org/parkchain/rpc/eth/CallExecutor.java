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
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.primitives.tx.IntrinsicGas;
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
        return execute(request, header, overrides, gas, nextBlock, request.accessList().orElse(List.of()), null);
    }

    /**
     * As above with {@code accessList} in place of the request's, telling {@code accesses} (when not null) of every
     * address and slot the call warms (eth_createAccessList).
     */
    TransactionResult execute(CallRequest request, BlockHeader header, StateOverrides overrides, long gas,
                              boolean nextBlock, List<AccessListEntry> accessList, WorldState.AccessObserver accesses) {
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
        long intrinsic = IntrinsicGas.CANCUN.of(data, request.to().isEmpty(), accessList);
        ExecutableTransaction tx = new ExecutableTransaction(from, state.nonce(from), gas, request.to(),
                request.value().orElse(UInt256.ZERO), data, maxFee, tip, accessList, false, UInt256.ZERO, List.of(),
                Optional.empty(), intrinsic);
        long number = nextBlock ? header.number() + 1 : header.number();
        long timestamp = nextBlock ? Math.max(header.timestamp() + 1, System.currentTimeMillis() / 1000) : header.timestamp();
        BlockEnvironment env = new BlockEnvironment(header.coinbase(), number, timestamp,
                header.gasLimit(), baseFee, header.mixHash(), header.excessBlobGas(), UInt256.of(backend.chainId()),
                n -> backend.block(n).map(EthBackend.ChainBlock::hash).orElse(Hash.ZERO));
        // The block's gas limit does not bound a call: the RPC gas cap does.
        return backend.processor().process(state, env, tx, Long.MAX_VALUE);
    }

    /** eth_call's answer: the output of a successful call, or the error a failed one is reported with. */
    static String callOutput(TransactionResult result, long gas) {
        return switch (result) {
            case TransactionResult.Rejected r -> throw serverError(rejection(r));
            case TransactionResult.Executed e when e.success() -> Hex.encode(e.output());
            case TransactionResult.Executed e -> throw failure(e, gas);
        };
    }

    private static RpcException failure(TransactionResult.Executed e, long gas) {
        byte[] output = e.output();
        if (output.length > 0) {
            return new RpcError.ExecutionReverted(RevertReason.decode(output), output).toException();
        }
        // A halt (out of gas, invalid instruction, stack error) consumes all the gas; an empty REVERT does not.
        return serverError(e.gasUsed() >= gas ? "out of gas" : "execution reverted");
    }

    long estimate(CallRequest request, BlockHeader header, StateOverrides overrides, boolean nextBlock) {
        byte[] data = request.input();
        long intrinsic = IntrinsicGas.CANCUN.of(data, request.to().isEmpty(), request.accessList().orElse(List.of()));
        long ceiling = Math.min(request.gas().orElse(header.gasLimit()), config.gasCap());
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
                case TransactionResult.Executed e -> new GasEstimator.Outcome.Failed(
                        e.gasUsed() >= gas ? "out of gas" : "execution reverted");
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
