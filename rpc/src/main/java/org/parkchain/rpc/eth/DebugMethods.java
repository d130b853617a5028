package org.parkchain.rpc.eth;

import static org.parkchain.rpc.eth.EthErrors.rejection;
import static org.parkchain.rpc.eth.EthErrors.serverError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ExecutionInterrupted;
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcParams;

/**
 * geth's tracing API: debug_traceTransaction and debug_traceBlockByNumber/ByHash re-execute the block on its
 * parent's state (up to the traced transaction), debug_traceCall runs a call request as eth_call does; each with
 * the struct logger, the callTracer, the prestateTracer or the 4byteTracer ({@link TraceOptions}). A trace is bounded in time (geth's {@code timeout},
 * 5 s by default, and the RPC's call limit, which interrupts the EVM) and in size ({@link TraceOptions#MAX_TRACE_BYTES}).
 */
public final class DebugMethods implements MethodGroup {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final RpcParams.Decoder<TraceOptions> OPTIONS = TraceOptions::fromJson;

    private final BlockLookup blocks;
    private final CallExecutor executor;
    private final long maxTraceBytes;

    public DebugMethods(EthBackend backend, EthApiConfig config) {
        this(new BlockLookup(backend), new CallExecutor(backend, config), TraceOptions.MAX_TRACE_BYTES);
    }

    DebugMethods(BlockLookup blocks, CallExecutor executor, long maxTraceBytes) {
        this.blocks = blocks;
        this.executor = executor;
        this.maxTraceBytes = maxTraceBytes;
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("debug_traceTransaction", 2, p -> {
            Hash hash = p.required(0, RpcParams.HASH);
            TraceOptions options = options(p, 1);
            EthBackend backend = blocks.backend();
            EthBackend.TransactionPosition at = backend.transactionPosition(hash)
                    .orElseThrow(() -> serverError("transaction " + hash.toHex() + " not found"));
            EthBackend.ChainBlock block = backend.block(at.blockHash())
                    .orElseThrow(() -> serverError("block " + at.blockHash().toHex() + " not found"));
            Trace trace = new Trace(options, new TraceBudget(maxTraceBytes), precompiles(block.header()));
            List<TransactionResult> results = run(() -> backend.trace(block, at.index(),
                    i -> i == at.index() ? trace.tracer : null));
            return trace.result(block.transactions().get(at.index()).gasLimit(), results.get(at.index()));
        });
        m.register("debug_traceBlockByNumber", 2, p -> traceBlock(blocks.findBlock(p.required(0, RpcParams.BLOCK))
                .orElseThrow(() -> serverError("block not found")), options(p, 1)));
        m.register("debug_traceBlockByHash", 2, p -> {
            Hash hash = p.required(0, RpcParams.HASH);
            return traceBlock(blocks.backend().block(hash)
                    .orElseThrow(() -> serverError("block " + hash.toHex() + " not found")), options(p, 1));
        });
        m.register("debug_traceCall", 3, p -> {
            CallRequest request = p.required(0, CallRequest::fromJson);
            BlockSelector selector = BlockLookup.blockParam(p, 1);
            TraceOptions options = options(p, 2);
            BlockHeader header = blocks.header(selector);
            long gas = Math.min(request.gas().orElse(executor.defaultCallGas(header)), executor.config().gasCap());
            Trace trace = new Trace(options, new TraceBudget(maxTraceBytes), precompiles(header));
            TransactionResult result = run(() -> executor.execute(request, header, options.stateOverrides(), gas, false,
                    request.accessList().orElse(List.of()), null, trace.tracer));
            return trace.result(gas, result);
        });
    }

    private TraceOptions options(RpcParams p, int index) {
        return p.optional(index, OPTIONS).orElse(TraceOptions.DEFAULT);
    }

    /** geth's block trace: one {@code {txHash, result}} per transaction, in order. */
    private ArrayNode traceBlock(EthBackend.ChainBlock block, TraceOptions options) {
        // One size budget for the whole block: each transaction's logger gets what the others left.
        TraceBudget budget = new TraceBudget(maxTraceBytes);
        List<Trace> traces = new ArrayList<>();
        Set<Address> precompiles = precompiles(block.header());
        for (int i = 0; i < block.transactions().size(); i++) traces.add(new Trace(options, budget, precompiles));
        List<TransactionResult> results = run(() -> blocks.backend().trace(block, block.transactions().size() - 1,
                i -> traces.get(i).tracer));
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < results.size(); i++) {
            ObjectNode o = out.addObject();
            o.put("txHash", block.transactions().get(i).hash().toHex());
            o.set("result", traces.get(i).result(block.transactions().get(i).gasLimit(), results.get(i)));
        }
        return out;
    }

    /** The precompiles of the fork that ruled {@code header}'s block (the 4byteTracer leaves calls to them out). */
    private Set<Address> precompiles(BlockHeader header) {
        return Set.copyOf(blocks.backend().forks().forkAt(header.timestamp()).precompiles().addresses());
    }

    /** Runs a trace, answering an abandoned one with its reason. */
    private static <T> T run(java.util.function.Supplier<T> trace) {
        try {
            return trace.get();
        } catch (TraceAbandoned e) {
            throw serverError(e.getMessage());
        } catch (ExecutionInterrupted e) {
            throw serverError("execution timeout");
        }
    }

    /** One transaction's tracer, as the options choose it, under their time limit. */
    private static final class Trace {
        final StructLogger structLogger;
        final CallTracer callTracer;
        final FourByteTracer fourByteTracer;
        final PrestateTracer prestateTracer;
        final Tracer tracer;

        Trace(TraceOptions options, TraceBudget budget, Set<Address> precompiles) {
            callTracer = options.callTracer() ? new CallTracer(options.onlyTopCall(), options.withLog()) : null;
            fourByteTracer = options.fourByteTracer() ? new FourByteTracer(precompiles) : null;
            prestateTracer = options.prestateTracer() ? new PrestateTracer(options.diffMode()) : null;
            structLogger = options.tracer().isEmpty() ? new StructLogger(options, budget) : null;
            Tracer chosen = callTracer != null ? new ChargedTracer(callTracer, budget) : fourByteTracer != null ? fourByteTracer
                    : prestateTracer != null ? prestateTracer : structLogger;
            tracer = new TimedTracer(chosen, options.timeout());
        }

        JsonNode result(long gasLimit, TransactionResult result) {
            return switch (result) {
                case TransactionResult.Rejected r -> throw serverError(rejection(r));
                case TransactionResult.Executed e when callTracer != null -> callTracer.result(gasLimit, e);
                case TransactionResult.Executed e when fourByteTracer != null -> fourByteTracer.result();
                case TransactionResult.Executed e when prestateTracer != null -> prestateTracer.result();
                case TransactionResult.Executed e -> structLogger.result(e);
            };
        }
    }
}
