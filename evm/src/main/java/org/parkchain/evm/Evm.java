package org.parkchain.evm;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.parkchain.evm.precompile.Precompile;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * The entry point: runs a top-level message (a call or a creation) against a {@link WorldView}. Thread-safe and
 * reusable; build one per fork and share it.
 *
 * <p>Nested calls recurse in Java. To keep 1,024 nested frames from overflowing a thread's stack, every
 * {@value #FRAMES_PER_THREAD}th level continues on a helper thread with a large stack while the calling thread
 * waits; the world is only ever touched by one thread at a time, and waiting on the future orders the accesses.
 */
public final class Evm {
    static final int FRAMES_PER_THREAD = 64;
    private static final long DEEP_STACK_BYTES = 64L << 20;
    private static final ExecutorService DEEP_CALLS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "evm-deep-" + count.incrementAndGet(), DEEP_STACK_BYTES);
            t.setDaemon(true);
            return t;
        }
    });
    /** Stacks are 32 KiB each; reusing them per depth avoids allocating and zeroing one per frame. */
    private static final ThreadLocal<long[][]> STACKS = ThreadLocal.withInitial(() -> new long[1026][]);

    private final Fork fork;
    private final NativeContracts nativeContracts;
    /** The chain's rules at every depth, when its native contracts bring some; null otherwise. */
    private final MessageRules rules;

    public Evm(Fork fork) {
        this(fork, NativeContracts.NONE);
    }

    public Evm(Fork fork, NativeContracts nativeContracts) {
        this.fork = fork;
        this.nativeContracts = nativeContracts;
        this.rules = nativeContracts instanceof MessageRules r ? r : null;
    }

    public Fork fork() {
        return fork;
    }

    /**
     * Runs a top-level message: a call moves {@code message.value()} from sender to recipient and runs the
     * recipient's code (or precompile, or native contract); a creation (its address from
     * {@link ContractAddress#forCreate} with the sender's nonce before the transaction's increment) warms the new
     * address, checks for a collision, runs the init code and deposits the code. The caller has charged intrinsic
     * gas, bought the gas, increased the sender's nonce and warmed the EIP-2929 pre-warmed addresses.
     */
    public ExecutionResult execute(Message message, WorldView world, BlockContext block, TxContext tx) {
        return execute(message, world, block, tx, null);
    }

    /**
     * As {@link #execute(Message, WorldView, BlockContext, TxContext)}, watched by {@code tracer} (null for none).
     *
     * @throws ExecutionInterrupted when the thread is interrupted while the message runs (a time limit)
     */
    public ExecutionResult execute(Message message, WorldView world, BlockContext block, TxContext tx, Tracer tracer) {
        if (!message.value().isZero() && world.balance(message.sender()).lt(message.value())) {
            return ExecutionResult.halt(HaltReason.INSUFFICIENT_BALANCE);
        }
        if (tracer == null) return execute(new Execution(this, world, block, tx, null), message, true);
        Tracer.CallType type = message.isCreate() ? Tracer.CallType.CREATE : Tracer.CallType.CALL;
        tracer.enter(0, type, message.sender(), message.recipient(), message.data(), message.gas(), message.value());
        ExecutionResult result = execute(new Execution(this, world, block, tx, tracer), message, true);
        tracer.exit(0, result, message.gas() - result.gasLeft());
        return result;
    }

    /** A message from a CALL-family instruction or CREATE/CREATE2; hops to a fresh thread every few levels. */
    ExecutionResult nested(Execution ex, Message message, boolean transfersValue) {
        if (Thread.currentThread().isInterrupted()) throw new ExecutionInterrupted();
        if (message.depth() % FRAMES_PER_THREAD != 0) {
            return execute(ex, message, transfersValue);
        }
        Future<ExecutionResult> result = DEEP_CALLS.submit(() -> execute(ex, message, transfersValue));
        try {
            return result.get();
        } catch (InterruptedException e) {
            // The time limit ran out while a deeper frame ran on a helper thread: stop that thread too.
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private ExecutionResult execute(Execution ex, Message m, boolean transfersValue) {
        WorldView w = ex.world;
        boolean isCreate = m.isCreate();
        if (isCreate) {
            w.warmAddress(m.recipient());
            if (w.nonce(m.recipient()) != 0 || !w.codeHash(m.recipient()).equals(Hash.EMPTY_KECCAK) || w.hasStorage(m.recipient())) {
                return ExecutionResult.halt(HaltReason.CREATE_COLLISION);
            }
        }
        if (rules != null) {
            Optional<byte[]> refused = rules.refusal(w, ex.tx.origin(), m, transfersValue ? m.value() : UInt256.ZERO);
            if (refused.isPresent()) return ExecutionResult.revert(m.gas(), refused.get());
        }
        int snapshot = w.snapshot();
        if (isCreate) {
            w.createAccount(m.recipient());
            w.setNonce(m.recipient(), 1);
        }
        if (transfersValue) transfer(w, m.sender(), m.recipient(), m.value());

        ExecutionResult result;
        if (!isCreate) {
            Optional<Precompile> precompile = fork.precompiles().find(m.codeAddress());
            if (precompile.isPresent()) {
                result = precompile.get().execute(m.data(), m.gas());
            } else {
                Optional<NativeContract> nativeContract = nativeContracts.find(m.codeAddress());
                if (nativeContract.isPresent()) {
                    result = nativeContract.get().call(m, w, ex.block, ex.tx);
                } else {
                    // EIP-7702: an account delegated to another runs that account's code (one level, never a chain).
                    Address codeFrom = m.codeAddress();
                    byte[] code = w.code(codeFrom);
                    if (fork.delegations()) {
                        Optional<Address> target = Delegation.target(code);
                        if (target.isPresent()) {
                            codeFrom = target.get();
                            code = w.code(codeFrom);
                        }
                    }
                    result = code.length == 0
                            ? ExecutionResult.success(m.gas(), Frame.EMPTY)
                            : runFrame(ex, m, AnalysedCode.cached(w.codeHash(codeFrom), code, fork.instructions()));
                }
            }
        } else {
            result = m.data().length == 0 ? ExecutionResult.success(m.gas(), Frame.EMPTY) : runFrame(ex, m, AnalysedCode.of(m.data(), fork.instructions()));
            if (result.isSuccess()) result = depositCode(ex, m.recipient(), result);
        }
        if (!result.isSuccess()) w.revertToSnapshot(snapshot);
        return result;
    }

    /** EIP-170 size limit, EIP-3541 0xEF prefix, then 200 gas per byte of code. */
    private static ExecutionResult depositCode(Execution ex, Address address, ExecutionResult initResult) {
        byte[] code = initResult.output();
        GasSchedule g = ex.gas;
        if (code.length > g.maxCodeSize()) return ExecutionResult.halt(HaltReason.CODE_SIZE_EXCEEDED);
        if (code.length > 0 && (code[0] & 0xff) == 0xef) return ExecutionResult.halt(HaltReason.INVALID_CODE_PREFIX);
        long cost = g.createData() * code.length;
        if (cost > initResult.gasLeft()) return ExecutionResult.halt(HaltReason.CODE_STORE_OUT_OF_GAS);
        ex.world.setCode(address, code);
        return ExecutionResult.created(initResult.gasLeft() - cost, code, address);
    }

    private ExecutionResult runFrame(Execution ex, Message m, AnalysedCode code) {
        // Borrow this thread's stack for the depth; a re-entrant run at the same depth (a native contract calling
        // back into the EVM) finds the slot empty and gets its own.
        long[][] stacks = STACKS.get();
        int depth = m.depth();
        long[] stack = stacks[depth];
        stacks[depth] = null;
        if (stack == null) stack = new long[Frame.STACK_LONGS];
        Frame f = new Frame(ex, m, code, stack);
        try {
            Interpreter.Exit exit = ex.tracer == null
                    ? Interpreter.run(f, fork.instructions())
                    : Interpreter.runTraced(f, fork.instructions(), ex.tracer);
            return switch (exit) {
                case STOP -> ExecutionResult.success(f.gas, Frame.EMPTY);
                case RETURN -> ExecutionResult.success(f.gas, f.output);
                case REVERT -> ExecutionResult.revert(f.gas, f.output);
            };
        } catch (EvmHalt h) {
            return ExecutionResult.halt(h.reason, h.detail);
        } finally {
            stacks[depth] = stack;
        }
    }

    /** Whether the chain's rules let SELFDESTRUCT pay {@code balance} to {@code beneficiary}. */
    boolean allowsPayout(Execution ex, Address beneficiary, UInt256 balance) {
        return rules == null || rules.allowsPayout(ex.world, ex.tx.origin(), beneficiary, balance);
    }

    /** Moves value; a zero transfer still touches the recipient (EIP-161 clears it later if it is empty). */
    static void transfer(WorldView w, Address from, Address to, UInt256 value) {
        if (value.isZero()) {
            touch(w, to);
            return;
        }
        w.setBalance(from, w.balance(from).sub(value));
        w.setBalance(to, w.balance(to).add(value));
    }

    /** Touches an existing account without changing it, so the state can apply EIP-161's empty-account rule. */
    static void touch(WorldView w, Address a) {
        if (w.exists(a)) w.setBalance(a, w.balance(a));
    }
}
