package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallLanesTest {
    /** A task that counts how many of its kind run at once and waits for {@code release}. */
    private static class Held implements CallLanes.Task {
        final AtomicInteger running;
        final AtomicInteger peak;
        final CountDownLatch started;
        final CountDownLatch release;
        final AtomicInteger busy;

        Held(AtomicInteger running, AtomicInteger peak, CountDownLatch started, CountDownLatch release, AtomicInteger busy) {
            this.running = running;
            this.peak = peak;
            this.started = started;
            this.release = release;
            this.busy = busy;
        }

        @Override
        public void run() {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }

        @Override
        public void busy() {
            busy.incrementAndGet();
        }
    }

    @Test
    void aConnectionRunsAtMostItsShareAndTheNextConnectionIsNotBehindItsQueue() throws Exception {
        RpcConfig config = RpcConfig.defaults().withWorkerThreads(4).withMaxCallsPerConnection(2);
        try (CallLanes lanes = new CallLanes(config)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch allDone = new CountDownLatch(10);
            CallLanes.Connection flooding = new CallLanes.Connection();
            for (int i = 0; i < 10; i++) {
                CountDownLatch started = new CountDownLatch(1);
                lanes.submit(CallLanes.Lane.HEAVY, flooding, new Held(running, peak, started, release, busy) {
                    @Override
                    public void run() {
                        super.run();
                        allDone.countDown();
                    }
                });
            }
            // Another connection's call starts at once, although the first has eight calls waiting.
            CountDownLatch otherStarted = new CountDownLatch(1);
            lanes.submit(CallLanes.Lane.HEAVY, new CallLanes.Connection(),
                    new Held(new AtomicInteger(), new AtomicInteger(), otherStarted, new CountDownLatch(0), busy));
            assertThat(otherStarted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(running.get()).isEqualTo(2);
            release.countDown();
            assertThat(allDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(peak.get()).isEqualTo(2);
            assertThat(busy.get()).isZero();
        }
    }

    @Test
    void callsAreSortedIntoLanesByCost() {
        assertThat(CallLanes.laneOf("eth_blockNumber")).isEqualTo(CallLanes.Lane.CHEAP);
        assertThat(CallLanes.laneOf("eth_sendRawTransaction")).isEqualTo(CallLanes.Lane.CHEAP);
        assertThat(CallLanes.laneOf("eth_getTransactionReceipt")).isEqualTo(CallLanes.Lane.CHEAP);
        assertThat(CallLanes.laneOf("eth_call")).isEqualTo(CallLanes.Lane.HEAVY);
        assertThat(CallLanes.laneOf("eth_estimateGas")).isEqualTo(CallLanes.Lane.HEAVY);
        assertThat(CallLanes.laneOf("eth_getLogs")).isEqualTo(CallLanes.Lane.HEAVY);
        assertThat(CallLanes.laneOf("debug_traceTransaction")).isEqualTo(CallLanes.Lane.HEAVY);
    }
}
