package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Log;
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.RpcEncoding;

/**
 * geth's callTracer: the tree of calls with type, from, to, value, gas, gasUsed, input, output, error and
 * revertReason, and with {@code withLog} the logs each call emitted (a failed call's logs, and its callees', are
 * dropped, as they never happened). Calls into precompiles and the park's native contracts are calls like any
 * other. With {@code onlyTopCall} only the transaction's own frame is kept.
 */
public final class CallTracer implements Tracer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final boolean onlyTopCall;
    private final boolean withLog;
    private final Deque<Call> open = new ArrayDeque<>();
    private Call top;

    /** One frame being built: its JSON, its callees and logs (logs are placed after the callees they follow). */
    private static final class Call {
        final ObjectNode json = JSON.objectNode();
        final List<Call> calls = new ArrayList<>();
        final List<ObjectNode> logs = new ArrayList<>();
        boolean failed;
    }

    public CallTracer(boolean onlyTopCall, boolean withLog) {
        this.onlyTopCall = onlyTopCall;
        this.withLog = withLog;
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        Call call = new Call();
        call.json.put("type", type.name());
        call.json.put("from", from.toHex());
        call.json.put("gas", RpcEncoding.quantity(gas));
        call.json.put("gasUsed", "0x0");
        call.json.put("to", to.toHex());
        call.json.put("input", Hex.encode(input));
        if (value != null) call.json.put("value", RpcEncoding.quantity(value));
        if (open.isEmpty()) {
            top = call;
        } else if (!onlyTopCall) {
            open.peek().calls.add(call);
        }
        open.push(call);
    }

    @Override
    public void exit(int depth, ExecutionResult result, long gasUsed) {
        Call call = open.pop();
        call.json.put("gasUsed", RpcEncoding.quantity(gasUsed));
        if (result.output().length > 0 && result.outcome() != ExecutionResult.Outcome.HALT) {
            call.json.put("output", Hex.encode(result.output()));
        }
        if (!result.isSuccess()) {
            call.failed = true;
            call.json.put("error", result.failureMessage());
            if (result.outcome() == ExecutionResult.Outcome.REVERT) {
                RevertReason.decode(result.output()).ifPresent(r -> call.json.put("revertReason", r));
            }
        }
        result.createdAddress().ifPresent(a -> call.json.put("to", a.toHex()));
    }

    @Override
    public void log(int depth, Log log) {
        if (!withLog || open.isEmpty() || (onlyTopCall && open.size() > 1)) return;
        Call call = open.peek();
        ObjectNode o = JSON.objectNode();
        o.put("address", log.address().toHex());
        ArrayNode topics = o.putArray("topics");
        for (Hash t : log.topics()) topics.add(t.toHex());
        o.put("data", Hex.encode(log.data()));
        o.put("position", RpcEncoding.quantity(call.calls.size()));
        call.logs.add(o);
    }

    /**
     * The tree, its top frame showing the transaction's gas limit and the gas it used (intrinsic gas and refunds
     * included), as geth shows it.
     */
    public ObjectNode result(long gasLimit, TransactionResult.Executed executed) {
        if (top == null) throw new IllegalStateException("no frame was traced");
        top.json.put("gas", RpcEncoding.quantity(gasLimit));
        top.json.put("gasUsed", RpcEncoding.quantity(executed.gasUsed()));
        return render(top, false);
    }

    private ObjectNode render(Call call, boolean parentFailed) {
        boolean failed = parentFailed || call.failed;
        if (!call.calls.isEmpty()) {
            ArrayNode calls = call.json.putArray("calls");
            for (Call c : call.calls) calls.add(render(c, failed));
        }
        if (withLog && !failed && !call.logs.isEmpty()) {
            ArrayNode logs = call.json.putArray("logs");
            call.logs.forEach(logs::add);
        }
        return call.json;
    }
}
