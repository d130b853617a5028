package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.eth.CallTracer;
import org.parkchain.rpc.eth.ChargedTracer;
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
 * them busy for {@link #WAIT} is told to come back), and what is kept is small ({@link InternalCalls}), for the
 * transactions looked at last, up to {@link #KEPT_CHARS} in all.
 * A successful transaction to an account without code ran no code, so it needs no replay.
 */
final class TransactionReplay {
    static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    static final Duration WAIT = Duration.ofSeconds(2);
    static final long KEPT_CHARS = 16L << 20;

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
        Tracer tracer = new TimedTracer(new ChargedTracer(calls, new TraceBudget(TraceBudget.MAX_BYTES)), timeout);
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
        InternalCalls shown = InternalCalls.below(calls.result(gasLimit, executed));
        return new Replayed(shown.calls(), shown.omitted(), failure(executed), Optional.empty());
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
}
