package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Opcodes;
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcEncoding;

/**
 * geth's struct (opcode) logger: one entry per instruction with pc, op, gas, gasCost, depth, and (by the options)
 * the stack, memory, return data and the storage the frame's account has read or written so far. The entries are
 * built as JSON as the execution goes, counting their size: past its {@link TraceBudget} the trace is
 * abandoned with {@link TraceAbandoned}, so a long loop cannot fill the node's memory.
 *
 * <p>gasCost is the gas the instruction took: the frame's gas before it less the gas before the frame's next
 * instruction (for a call, that includes what the callee used, where geth shows the gas handed to the callee).
 */
final class StructLogger implements Tracer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Roughly what one entry's fixed fields take in the answer. */
    private static final int ENTRY_BYTES = 100;

    private final TraceOptions options;
    private final ArrayNode logs = JSON.arrayNode();
    /** Per frame depth (geth's, from 1): the entry waiting for its gasCost and the gas it started with. */
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<Long> pendingGas = new ArrayList<>();
    /** Per frame depth: the slots seen so far, as geth keeps them per contract while the frame runs. */
    private final List<Map<String, String>> storage = new ArrayList<>();
    private final TraceBudget budget;
    private long steps;

    StructLogger(TraceOptions options, TraceBudget budget) {
        this.options = options;
        this.budget = budget;
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        int level = depth + 1;
        while (pending.size() <= level) {
            pending.add(null);
            pendingGas.add(0L);
            storage.add(null);
        }
        pending.set(level, null);
        storage.set(level, new TreeMap<>());
    }

    @Override
    public void exit(int depth, ExecutionResult result, long gasUsed) {
        int level = depth + 1;
        ObjectNode last = pending.get(level);
        if (last != null) {
            // The frame's last instruction ended it: it took what the frame had left before it less what it returned.
            last.put("gasCost", pendingGas.get(level) - result.gasLeft());
            if (result.outcome() == ExecutionResult.Outcome.HALT) last.put("error", result.failureMessage());
            pending.set(level, null);
        }
    }

    @Override
    public void step(Step s) {
        int level = s.depth();
        ObjectNode previous = pending.get(level);
        if (previous != null) previous.put("gasCost", pendingGas.get(level) - s.gas());
        steps++;
        if (options.limit() > 0 && steps > options.limit()) {
            pending.set(level, null);
            return;
        }
        ObjectNode entry = JSON.objectNode();
        entry.put("pc", s.pc());
        String op = Opcodes.name(s.op());
        entry.put("op", op);
        entry.put("gas", s.gas());
        entry.put("gasCost", 0);
        entry.put("depth", level);
        long size = ENTRY_BYTES;
        if (!options.disableStack()) {
            ArrayNode stack = entry.putArray("stack");
            for (int i = 0; i < s.stackSize(); i++) stack.add(RpcEncoding.quantity(s.stack(i)));
            size += 40L * s.stackSize();
        }
        if (options.enableMemory()) {
            // Counted before copying: a frame with a huge memory must not be copied at every step.
            charge(s.memorySize() * 2 + s.memorySize() / 32 * 4);
            ArrayNode memory = entry.putArray("memory");
            byte[] m = s.memory();
            for (int i = 0; i + 32 <= m.length; i += 32) {
                memory.add(Hex.encode(java.util.Arrays.copyOfRange(m, i, i + 32)).substring(2));
            }
        }
        if (options.enableReturnData() && s.returnData().length > 0) {
            entry.put("returnData", Hex.encode(s.returnData()));
            size += 2L * s.returnData().length;
        }
        if (!options.disableStorage() && (s.op() == Opcodes.SLOAD || s.op() == Opcodes.SSTORE) && s.stackSize() >= (s.op() == Opcodes.SSTORE ? 2 : 1)) {
            Map<String, String> seen = storage.get(level);
            UInt256 key = s.stack(s.stackSize() - 1);
            UInt256 value = s.op() == Opcodes.SSTORE ? s.stack(s.stackSize() - 2) : s.storage(key);
            seen.put(word(key), word(value));
            ObjectNode shown = entry.putObject("storage");
            seen.forEach(shown::put);
            size += 140L * seen.size();
        }
        if (s.refund() > 0) entry.put("refund", s.refund());
        charge(size);
        logs.add(entry);
        pending.set(level, entry);
        pendingGas.set(level, s.gas());
    }

    private void charge(long size) {
        budget.charge(size);
    }

    private static String word(UInt256 v) {
        return Hex.encode(v.toBytes32()).substring(2);
    }

    /** geth's answer: the gas the transaction used, whether it failed, its return value and the entries. */
    ObjectNode result(TransactionResult.Executed executed) {
        ObjectNode o = JSON.objectNode();
        o.put("gas", executed.gasUsed());
        o.put("failed", !executed.success());
        o.put("returnValue", Hex.encode(executed.output()));
        o.set("structLogs", logs);
        return o;
    }
}
