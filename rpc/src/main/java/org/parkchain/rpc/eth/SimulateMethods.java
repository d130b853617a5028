package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.TransactionReceipt;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;

/**
 * eth_simulateV1 (execution-apis, geth's implementation as the reference): blocks of calls on top of a base block,
 * with block and state overrides, answered as blocks (geth's block object, transactions as hashes or full objects)
 * each with a {@code calls} member giving every call's {@code returnData}, {@code logs}, {@code gasUsed},
 * {@code maxUsedGas}, {@code status} and {@code error}. The {@link Simulator} runs it; this class reads the arguments and writes the
 * answer.
 */
public final class SimulateMethods implements MethodGroup {
    private final BlockLookup blocks;
    private final Simulator simulator;

    public SimulateMethods(EthBackend backend, EthApiConfig config) {
        this(new BlockLookup(backend), config);
    }

    SimulateMethods(BlockLookup blocks, EthApiConfig config) {
        this.blocks = blocks;
        this.simulator = new Simulator(blocks.backend(), config.gasCap());
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_simulateV1", 2, p -> {
            SimulateRequest request = p.required(0, SimulateRequest::fromJson);
            BlockSelector selector = BlockLookup.blockParam(p, 1);
            EthBackend.ChainBlock base = blocks.findBlock(selector).orElseThrow(() -> EthErrors.serverError(
                    selector instanceof BlockSelector.ByHash ? "header for hash not found" : "header not found"));
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Simulator.SimulatedBlock b : simulator.run(request, base.header(), base.hash())) {
                out.add(block(b, request.fullTransactions()));
            }
            return out;
        });
    }

    private static ObjectNode block(Simulator.SimulatedBlock b, boolean fullTransactions) {
        BlockHeader h = b.header();
        ObjectNode o = EthJson.block(h, b.hash(), b.size(), b.transactions(), b.senders(), fullTransactions);
        ArrayNode calls = o.putArray("calls");
        long logIndex = 0;
        for (int i = 0; i < b.calls().size(); i++) {
            Simulator.CallOutcome c = b.calls().get(i);
            Transaction tx = b.transactions().get(i);
            ObjectNode call = calls.addObject();
            call.put("returnData", Hex.encode(c.returnData()));
            ArrayNode logs = call.putArray("logs");
            for (org.parkchain.evm.Log log : c.logs()) {
                ObjectNode json = EthJson.log(new TransactionReceipt.LogEntry(log, logIndex++, tx.hash(), i, b.hash(),
                        h.number()), false);
                json.put("blockTimestamp", RpcEncoding.quantity(h.timestamp()));
                logs.add(json);
            }
            call.put("gasUsed", RpcEncoding.quantity(c.gasUsed()));
            call.put("maxUsedGas", RpcEncoding.quantity(c.maxUsedGas()));
            call.put("status", c.success() ? "0x1" : "0x0");
            c.error().ifPresent(e -> {
                ObjectNode error = call.putObject("error");
                error.put("message", e.message());
                error.put("code", e.code());
                e.data().ifPresent(d -> error.put("data", Hex.encode(d)));
            });
        }
        return o;
    }
}
