package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.BlockLookup.blockParam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.Evm;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.tx.AccessListEntry;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;

/** Calls that change nothing: eth_call and eth_estimateGas (with state overrides), and eth_createAccessList. */
public final class CallMethods implements MethodGroup {
    /** geth stops looking for a fixed point after this many runs as well (the list then is the last one found). */
    private static final int MAX_ACCESS_LIST_ROUNDS = 10;

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
        m.register("eth_createAccessList", 2, p -> {
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = blockParam(p, 1);
            boolean nextBlock = selector == BlockSelector.Tag.LATEST || selector == BlockSelector.Tag.PENDING;
            return accessList(request, blocks.header(selector), nextBlock);
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

    /**
     * geth's eth_createAccessList: run the call, collect what it touched, run it again with that list until the list
     * stops changing (a list changes gas, and gas can change the path taken); answer the list, the gas the call uses
     * with it, and the failure, if any, as {@code error}.
     */
    private ObjectNode accessList(CallRequest request, BlockHeader header, boolean nextBlock) {
        long gasCap = executor.config().gasCap();
        long gas = Math.min(request.gas().orElse(gasCap), gasCap);
        Address from = request.from().orElse(Address.ZERO);
        Set<Address> excluded = new HashSet<>(Evm.PRECOMPILES);
        excluded.add(from);
        excluded.add(header.coinbase());
        excluded.add(request.to().orElseGet(() -> ContractAddress.forCreate(from,
                request.nonce().orElseGet(() -> executor.backend().state(header).nonce(from)))));
        List<AccessListEntry> list = request.accessList().orElse(List.of());
        for (int round = 0; ; round++) {
            AccessListBuilder builder = new AccessListBuilder(excluded);
            TransactionResult result = executor.execute(request, header, StateOverrides.NONE, gas, nextBlock, list,
                    builder);
            if (result instanceof TransactionResult.Rejected r) {
                throw EthErrors.serverError(EthErrors.rejection(r));
            }
            List<AccessListEntry> found = builder.list();
            if (found.equals(list) || round == MAX_ACCESS_LIST_ROUNDS) {
                TransactionResult.Executed e = (TransactionResult.Executed) result;
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.set("accessList", EthJson.accessList(found));
                o.put("gasUsed", RpcEncoding.quantity(e.gasUsed()));
                if (!e.success()) {
                    o.put("error", e.output().length > 0
                            ? RevertReason.decode(e.output()).map(r -> "execution reverted: " + r).orElse("execution reverted")
                            : (e.gasUsed() >= gas ? "out of gas" : "execution reverted"));
                }
                return o;
            }
            list = found;
        }
    }
}
