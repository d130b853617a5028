package org.parkchain.rpc.eth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Log;
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.state.WorldState;

/**
 * eth_simulateV1's {@code traceTransfers}: every movement of ether (the transaction's value, a CALL's, CALLCODE's or
 * CREATE's endowment, into precompiles and the park's native contracts too) becomes an ERC-20
 * {@code Transfer(from, to, value)} log emitted by {@link #ETHER}, placed among the transaction's own logs where it
 * happened; a frame that fails takes its transfers with it (the state already drops its logs), as geth's simulation
 * tracer does. Every frame with a value counts except a DELEGATECALL (which moves none), so a self-destruct's payout
 * counts where the EVM reports it to tracers as a frame.
 *
 * <p>Each transfer is anchored to the number of logs the state held when it happened rather than collected from the
 * tracer's log events, because the park's native contracts write their logs to the state without passing the tracer.
 */
final class TransferLogs implements Tracer {
    /** The pseudo-contract the transfer logs come from, as geth and the specification name it. */
    static final Address ETHER = Address.fromHex("0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    static final Hash TRANSFER = Keccak.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));

    private record Transfer(int anchor, Log log) {}

    private final WorldState state;
    private final List<Transfer> transfers = new ArrayList<>();
    /** Per open frame, how many transfers there were when it started. */
    private final Deque<Integer> frames = new ArrayDeque<>();

    /** @param state the state the transaction runs on, whose logs the transfers are placed among */
    TransferLogs(WorldState state) {
        this.state = state;
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        frames.push(transfers.size());
        if (value != null && !value.isZero() && type != CallType.DELEGATECALL) {
            transfers.add(new Transfer(state.logs().size(), new Log(ETHER,
                    List.of(TRANSFER, Hash.wrap(from.toWord()), Hash.wrap(to.toWord())), value.toBytes32())));
        }
    }

    @Override
    public void exit(int depth, ExecutionResult result, long gasUsed) {
        int start = frames.pop();
        if (!result.isSuccess()) {
            transfers.subList(start, transfers.size()).clear();
        }
    }

    /** {@code logs} (the transaction's own, as its result has them) with the transfers placed among them. */
    List<Log> merge(List<Log> logs) {
        List<Log> out = new ArrayList<>(logs.size() + transfers.size());
        int next = 0;
        for (Transfer t : transfers) {
            while (next < t.anchor() && next < logs.size()) {
                out.add(logs.get(next++));
            }
            out.add(t.log());
        }
        out.addAll(logs.subList(next, logs.size()));
        return out;
    }
}
