package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainTransaction;
import org.parkchain.chain.TransactionResult;
import org.parkchain.evm.ExecutionInterrupted;
import org.parkchain.evm.ExecutionResult;
import org.parkchain.evm.Log;
import org.parkchain.evm.Tracer;
import org.parkchain.evm.WorldView;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.rpc.eth.CallTracer;
import org.parkchain.rpc.eth.RevertReason;
import org.parkchain.rpc.eth.TimedTracer;
import org.parkchain.rpc.eth.TraceAbandoned;
import org.parkchain.rpc.eth.TraceBudget;

/**
 * What a mined transaction did inside: its internal calls and, when it failed, why. Receipts keep neither, so the
 * transaction's block is replayed on its parent's state up to it, watched by the node's callTracer (the tracer behind
 * {@code debug_traceTransaction}) — on demand, when the transaction is looked at, never while blocks are appended.
 *
 * <p>Looking at a transaction must not be a way to make the node work without end, so a replay is bounded as a trace
 * is: the tracer's time limit ({@link TimedTracer#DEFAULT_TIMEOUT}) and size cap ({@link TraceBudget#MAX_BYTES},
 * charged with every frame's input and output), at most {@link #AT_ONCE} replays at a time (a request that finds
 * them busy for {@link #WAIT} is told to come back), and what is kept is small: at most {@link #SHOWN} calls, inputs
 * and outputs cut to {@link #HEX_BYTES} bytes, for the transactions looked at last, up to {@link #KEPT_CHARS} in all.
 * A successful transaction to an account without code ran no code, so it needs no replay.
 */
final class TransactionReplay {
    static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Duration WAIT = Duration.ofSeconds(2);
    static final int SHOWN = 500;
    static final int HEX_BYTES = 512;
    /** Inputs longer than this are shown as bytes only (decoding them would keep a copy as large). */
    static final int DECODED_BYTES = 4096;
    static final long KEPT_CHARS = 16L << 20;
    /** What the tracer is charged per frame beside its input and output (its JSON's other fields). */
    private static final long FRAME_BYTES = 256;

    private static final Map<Address, String> SYSTEM_CONTRACTS = Map.of(SystemAddresses.REGISTRY, "park registry",
            SystemAddresses.TOKEN_FACTORY, "token factory", SystemAddresses.OFFERINGS, "offerings",
            SystemAddresses.EXCHANGE, "exchange");

    /**
     * What a replay found: the calls below the transaction's own frame, depth first, each with its depth; how many
     * more there were; why the transaction failed; or, when the replay gave up, why ({@code unavailable}).
     */
    record Replayed(ArrayNode calls, int omitted, Optional<String> failure, Optional<String> unavailable) {
        static Replayed noCalls() {
            return new Replayed(Json.MAPPER.createArrayNode(), 0, Optional.empty(), Optional.empty());
        }

        static Replayed gaveUp(String why) {
            return new Replayed(Json.MAPPER.createArrayNode(), 0, Optional.empty(), Optional.of(why));
        }

        /** The {@code internalCalls} object of the data API. */
        ObjectNode json() {
            ObjectNode o = Json.object();
            o.set("calls", calls.deepCopy());
            o.put("omitted", omitted);
            Json.putOptional(o, "unavailable", unavailable);
            return o;
        }

        long size() {
            return calls.toString().length() + 64L;
        }
    }

    private final Blockchain chain;
    private final BlockExecutor executor;
    private final Duration timeout;
    /** Why a replay that ran out of time gave up. */
    private final String timedOut;
    private final Semaphore running = new Semaphore(AT_ONCE);
    /** The transactions looked at last, least recently looked at first. */
    private final LinkedHashMap<Key, Replayed> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptChars;

    /** A transaction in its block: a dev chain's evm_revert can mine the same transaction again in another block. */
    private record Key(Hash block, Hash transaction) {}

    TransactionReplay(Blockchain chain, BlockExecutor executor) {
        this(chain, executor, TimedTracer.DEFAULT_TIMEOUT);
    }

    /** With a time limit of its own (tests). */
    TransactionReplay(Blockchain chain, BlockExecutor executor, Duration timeout) {
        this.chain = chain;
        this.executor = executor;
        this.timeout = timeout;
        this.timedOut = "the replay took longer than " + timeout.toMillis() + " ms";
    }

    /** Transaction {@code found} ({@code tx}, which {@code succeeded} or not) replayed, or why it could not be. */
    Replayed of(ChainTransaction found, Transaction tx, boolean succeeded) {
        Key key = new Key(found.blockHash(), tx.hash());
        synchronized (kept) {
            Replayed r = kept.get(key);
            if (r != null) {
                return r;
            }
        }
        Optional<Block> block = chain.block(found.blockHash());
        Optional<BlockHeader> parent = block.flatMap(b -> chain.header(b.header().parentHash()));
        if (block.isEmpty() || parent.isEmpty()) {
            return Replayed.gaveUp("its block is not in the store");
        }
        if (succeeded && tx.to().isPresent() && chain.state(parent.get()).code(tx.to().get()).length == 0) {
            return Replayed.noCalls();
        }
        boolean acquired;
        try {
            acquired = running.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Replayed.gaveUp("interrupted");
        }
        if (!acquired) {
            return Replayed.gaveUp("the explorer is busy replaying other transactions; reload in a moment");
        }
        Replayed r;
        try {
            r = replay(block.get(), parent.get(), found.index(), tx.gasLimit());
        } finally {
            running.release();
        }
        // A timeout depends on how busy the machine was: try again next time. Anything else is what the chain holds.
        if (r.unavailable().filter(timedOut::equals).isEmpty()) {
            keep(key, r);
        }
        return r;
    }

    private Replayed replay(Block block, BlockHeader parent, int index, long gasLimit) {
        CallTracer calls = new CallTracer(false, false);
        Tracer tracer = new TimedTracer(new Charged(calls, new TraceBudget(TraceBudget.MAX_BYTES)),
                timeout);
        List<TransactionResult> results;
        try {
            results = executor.trace(parent, chain.state(parent), chain.blockHashes(), block, index,
                    i -> i == index ? tracer : null);
        } catch (TraceAbandoned e) {
            return Replayed.gaveUp(e.getMessage().startsWith("execution timeout") ? timedOut : e.getMessage());
        } catch (ExecutionInterrupted e) {
            return Replayed.gaveUp(timedOut);
        } catch (RuntimeException e) {
            return Replayed.gaveUp("the replay failed: " + e.getMessage());
        }
        if (results.size() <= index || !(results.get(index) instanceof TransactionResult.Executed executed)) {
            return Replayed.gaveUp("the replay did not execute the transaction");
        }
        ObjectNode top = calls.result(gasLimit, executed);
        ArrayNode shown = Json.MAPPER.createArrayNode();
        int[] omitted = {0};
        flatten(top.path("calls"), 1, shown, omitted);
        return new Replayed(shown, omitted[0], failure(executed), Optional.empty());
    }

    /** Why a transaction failed: Solidity's reason, else the revert data, else the EVM's word (e.g. out of gas). */
    private static Optional<String> failure(TransactionResult.Executed e) {
        if (e.success()) {
            return Optional.empty();
        }
        Optional<String> reason = RevertReason.decode(e.output());
        if (reason.isPresent()) {
            return reason;
        }
        if (e.output().length > 0) {
            return Optional.of(Hex.encode(e.output()));
        }
        return Optional.of(e.failure().equals("execution reverted") ? "reverted without a reason" : e.failure());
    }

    private static void flatten(JsonNode frames, int depth, ArrayNode out, int[] omitted) {
        for (JsonNode frame : frames) {
            if (out.size() < SHOWN) {
                out.add(call(frame, depth));
            } else {
                omitted[0]++;
            }
            flatten(frame.path("calls"), depth + 1, out, omitted);
        }
    }

    /** One frame as the explorer shows it: amounts in decimal, addresses checksummed, input decoded when known. */
    private static ObjectNode call(JsonNode frame, int depth) {
        ObjectNode o = Json.object();
        String type = frame.path("type").asText();
        Address to = Address.fromHex(frame.path("to").asText());
        o.put("depth", depth);
        o.put("type", type);
        o.put("from", Address.fromHex(frame.path("from").asText()).toChecksumHex());
        o.put("to", to.toChecksumHex());
        Json.putOptional(o, "toName", Optional.ofNullable(SYSTEM_CONTRACTS.get(to)));
        Json.putOptional(o, "value", frame.has("value")
                ? Optional.of(new BigInteger(frame.path("value").asText().substring(2), 16).toString()) : Optional.empty());
        o.put("gas", Long.decode(frame.path("gas").asText()));
        o.put("gasUsed", Long.decode(frame.path("gasUsed").asText()));
        byte[] input = Hex.decode(frame.path("input").asText());
        o.put("input", cut(input));
        o.put("inputBytes", input.length);
        Optional<ParkAbiCatalog.Decoded> decoded = type.startsWith("CREATE") || input.length > DECODED_BYTES
                ? Optional.empty() : ParkAbiCatalog.decodeCall(input);
        if (decoded.isPresent()) {
            o.set("decodedInput", Json.decoded(decoded.get()));
        } else {
            o.putNull("decodedInput");
        }
        Json.putOptional(o, "output", frame.has("output")
                ? Optional.of(cut(Hex.decode(frame.path("output").asText()))) : Optional.empty());
        Json.putOptional(o, "error", Optional.ofNullable(frame.get("error")).map(JsonNode::asText));
        Json.putOptional(o, "revertReason", Optional.ofNullable(frame.get("revertReason")).map(JsonNode::asText));
        return o;
    }

    /** Bytes as 0x hex, at most {@link #HEX_BYTES} of them (followed by "…" when there were more). */
    private static String cut(byte[] bytes) {
        return bytes.length <= HEX_BYTES ? Hex.encode(bytes)
                : Hex.encode(java.util.Arrays.copyOf(bytes, HEX_BYTES)) + "…";
    }

    private void keep(Key key, Replayed r) {
        long size = r.size();
        synchronized (kept) {
            Replayed old = kept.put(key, r);
            keptChars += size - (old == null ? 0 : old.size());
            for (Iterator<Replayed> it = kept.values().iterator(); keptChars > KEPT_CHARS && it.hasNext(); ) {
                keptChars -= it.next().size();
                it.remove();
            }
        }
    }

    /** Charges every frame's input and output to the trace's budget, as the struct logger charges its steps. */
    private static final class Charged implements Tracer {
        private final Tracer inner;
        private final TraceBudget budget;

        Charged(Tracer inner, TraceBudget budget) {
            this.inner = inner;
            this.budget = budget;
        }

        @Override
        public void begin(WorldView world, Address sender, Address coinbase) {
            inner.begin(world, sender, coinbase);
        }

        @Override
        public void end(WorldView world) {
            inner.end(world);
        }

        @Override
        public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
            budget.charge(FRAME_BYTES + 2L * input.length);
            inner.enter(depth, type, from, to, input, gas, value);
        }

        @Override
        public void exit(int depth, ExecutionResult result, long gasUsed) {
            budget.charge(2L * result.output().length);
            inner.exit(depth, result, gasUsed);
        }

        @Override
        public void step(Step step) {
            inner.step(step);
        }

        @Override
        public void log(int depth, Log log) {
            inner.log(depth, log);
        }
    }
}
