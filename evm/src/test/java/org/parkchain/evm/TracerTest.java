package org.parkchain.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

class TracerTest {
    private static final Address CALLEE = Address.fromLong(0xca11);
    /** A loop of 10 rounds that stores, logs, calls CALLEE (which reverts with 0xbeef) and uses memory. */
    private static final String PROGRAM = "PUSH 10 @loop PUSH 1 SWAP1 SUB DUP1 PUSH0 MSTORE DUP1 PUSH 7 SSTORE"
            + " PUSH 32 PUSH0 LOG0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH0 PUSH 0xca11 GAS CALL POP"
            + " DUP1 :loop JUMPI PUSH 32 PUSH0 RETURN";
    private static final String CALLEE_CODE = "PUSH 0xbeef PUSH0 MSTORE PUSH 2 PUSH 30 REVERT";

    private static ExecutionResult run(Tracer tracer) {
        EvmHarness h = new EvmHarness();
        h.code(CALLEE, CALLEE_CODE);
        h.code(EvmHarness.CONTRACT, PROGRAM);
        return h.evm.execute(Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, UInt256.ZERO, new byte[0], 1_000_000),
                h.world, EvmHarness.BLOCK, EvmHarness.TX, tracer);
    }

    @Test
    void aTracedRunEndsExactlyAsAnUntracedOne() {
        ExecutionResult plain = run(null);
        ExecutionResult traced = run(new Tracer() {});
        assertThat(plain.isSuccess()).isTrue();
        assertThat(traced.gasLeft()).isEqualTo(plain.gasLeft());
        assertThat(traced.output()).isEqualTo(plain.output());
    }

    @Test
    void framesStepsAndLogsAreReportedInOrder() {
        List<String> events = new ArrayList<>();
        List<Integer> ops = new ArrayList<>();
        run(new Tracer() {
            @Override
            public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
                events.add("enter " + depth + " " + type + " " + to.equals(depth == 0 ? EvmHarness.CONTRACT : CALLEE));
            }

            @Override
            public void exit(int depth, ExecutionResult result, long gasUsed) {
                events.add("exit " + depth + " " + result.outcome() + (gasUsed > 0 ? "" : " no gas"));
            }

            @Override
            public void step(Step step) {
                if (step.depth() == 1) ops.add(step.op());
            }

            @Override
            public void log(int depth, Log log) {
                events.add("log " + depth);
            }
        });
        List<String> expected = new ArrayList<>();
        expected.add("enter 0 CALL true");
        for (int i = 0; i < 10; i++) {
            expected.addAll(List.of("log 0", "enter 1 CALL true", "exit 1 REVERT"));
        }
        expected.add("exit 0 SUCCESS");
        assertThat(events).containsExactlyElementsOf(expected);
        assertThat(ops.getFirst()).isEqualTo(Opcodes.PUSH1);
        assertThat(ops.getLast()).isEqualTo(Opcodes.RETURN);
        assertThat(ops.stream().filter(op -> op == Opcodes.JUMPI).count()).isEqualTo(10);
    }

    @Test
    void aSelfDestructIsAFrameFromTheContractToItsBeneficiaryWithTheBalance() {
        EvmHarness h = new EvmHarness();
        h.code(EvmHarness.CONTRACT, "PUSH 0xbe5e SELFDESTRUCT");
        h.world.setBalance(EvmHarness.CONTRACT, UInt256.of(77));
        List<String> events = new ArrayList<>();
        ExecutionResult r = h.evm.execute(Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, UInt256.ZERO, new byte[0],
                1_000_000), h.world, EvmHarness.BLOCK, EvmHarness.TX, new Tracer() {
                    @Override
                    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas,
                                      UInt256 value) {
                        events.add("enter " + depth + " " + type + " " + name(from) + " " + name(to) + " "
                                + input.length + " " + gas + " " + value);
                    }

                    @Override
                    public void exit(int depth, ExecutionResult result, long gasUsed) {
                        events.add("exit " + depth + " " + result.outcome() + " " + gasUsed);
                    }
                });
        assertThat(r.isSuccess()).isTrue();
        assertThat(events).containsExactly("enter 0 CALL sender contract 0 1000000 " + UInt256.ZERO,
                "enter 1 SELFDESTRUCT contract beneficiary 0 0 " + UInt256.of(77), "exit 1 SUCCESS 0", "exit 0 SUCCESS "
                        + (1_000_000 - r.gasLeft()));
        assertThat(h.world.balance(Address.fromLong(0xbe5e))).isEqualTo(UInt256.of(77));
    }

    private static String name(Address a) {
        return a.equals(EvmHarness.SENDER) ? "sender" : a.equals(EvmHarness.CONTRACT) ? "contract"
                : a.equals(Address.fromLong(0xbe5e)) ? "beneficiary" : a.toHex();
    }

    @Test
    void aStepSeesTheStackMemoryAndStorage() {
        AtomicReference<String> atSstore = new AtomicReference<>();
        run(new Tracer() {
            @Override
            public void step(Step s) {
                if (s.op() == Opcodes.SSTORE && atSstore.get() == null) {
                    atSstore.set(s.stackSize() + " " + s.stack(s.stackSize() - 1) + " " + s.memorySize() + " "
                            + s.storage(UInt256.of(7)));
                }
            }
        });
        // the counter 9, its copy (the value), then key 7 on top; memory holds one word; the slot is still empty.
        assertThat(atSstore.get()).isEqualTo("3 " + UInt256.of(7) + " 32 " + UInt256.ZERO);
    }

    @Test
    void aTracerThatThrowsAbandonsTheExecution() {
        assertThatThrownBy(() -> run(new Tracer() {
            int steps;

            @Override
            public void step(Step step) {
                if (++steps > 50) throw new IllegalStateException("too many steps");
            }
        })).hasMessage("too many steps");
    }

    @Test
    void anInterruptedThreadStopsAnEndlessLoopPromptly() throws Exception {
        EvmHarness h = new EvmHarness();
        h.code(EvmHarness.CONTRACT, "@top :top JUMP");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                h.call(EvmHarness.CONTRACT, new byte[0], Long.MAX_VALUE / 2);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        worker.start();
        Thread.sleep(100);
        assertThat(worker.isAlive()).isTrue();
        worker.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionInterrupted.class);
    }

    @Test
    void anInterruptedTracedRunStopsToo() throws Exception {
        EvmHarness h = new EvmHarness();
        h.code(EvmHarness.CONTRACT, "@top :top JUMP");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                h.evm.execute(Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, UInt256.ZERO, new byte[0], Long.MAX_VALUE / 2),
                        h.world, EvmHarness.BLOCK, EvmHarness.TX, new Tracer() {});
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        worker.start();
        Thread.sleep(100);
        worker.interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionInterrupted.class);
    }
}
