package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.BlockLookup.blockParam;

import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionResult;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;

/** Calls that change nothing: eth_call and eth_estimateGas, with state overrides. */
public final class CallMethods implements MethodGroup {
    private final BlockLookup blocks;
    private final CallExecutor executor;

    public CallMethods(EthBackend backend, EthApiConfig config) {
        this(new BlockLookup(backend), new CallExecutor(backend, config));
    }

    CallMethods(BlockLookup blocks, CallExecutor executor) {
        this.blocks = blocks;
        this.executor = executor;
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_call", 3, p -> {
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = blockParam(p, 1);
            StateOverrides overrides = p.optional(2, StateOverrides::fromJson).orElse(StateOverrides.NONE);
            BlockHeader header = blocks.header(selector);
            long gasCap = executor.config().gasCap();
            long gas = Math.min(request.gas().orElse(gasCap), gasCap);
            TransactionResult result = executor.execute(request, header, overrides, gas);
            return CallExecutor.callOutput(result, gas);
        });
        m.register("eth_estimateGas", 3, p -> {
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = blockParam(p, 1);
            StateOverrides overrides = p.optional(2, StateOverrides::fromJson).orElse(StateOverrides.NONE);
            // At the head, estimate for the block the transaction will go into (Hardhat and Anvil do the same):
            // the head's own timestamp is in the past, so time-dependent contracts (an offering's opening, a
            // timestamp written to storage) would be estimated for a moment that will never come again.
            boolean nextBlock = selector == BlockSelector.Tag.LATEST || selector == BlockSelector.Tag.PENDING;
            return RpcEncoding.quantity(executor.estimate(request, blocks.header(selector), overrides, nextBlock));
        });
    }
}
