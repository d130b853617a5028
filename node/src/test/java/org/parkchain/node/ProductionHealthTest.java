package org.parkchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parkchain.rpc.HealthCheck;

class ProductionHealthTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final ProductionHealth health = new ProductionHealth(() -> Optional.ofNullable(fatal.get()),
            () -> Optional.ofNullable(failure.get()), pending::get, Duration.ofSeconds(30), now::get);

    @Test
    void anIdleChainWithAnEmptyPoolIsHealthy() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(health.check().healthy()).isTrue();
    }

    @Test
    void waitingTransactionsWithoutBlocksMeanNotProducing() {
        pending.set(7);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(health.check().healthy()).isTrue();
        now.addAndGet(Duration.ofSeconds(16).toNanos());
        HealthCheck.Status status = health.check();
        assertThat(status.healthy()).isFalse();
        assertThat(status.detail()).isEqualTo("not producing: last block 45 s ago while the pool holds 7 transactions");
        health.blockAppended();
        assertThat(health.check().healthy()).isTrue();
    }

    @Test
    void failingAttemptsAndAFatalErrorAreReported() {
        failure.set(new IllegalStateException("disk gone"));
        assertThat(health.check().detail()).isEqualTo("block production failing: java.lang.IllegalStateException: disk gone");
        assertThat(health.refusal()).isEmpty();
        fatal.set(new OutOfMemoryError("Java heap space"));
        assertThat(health.check().detail()).startsWith("block production stopped: java.lang.OutOfMemoryError");
        assertThat(health.refusal()).get().asString().contains("accepts no transactions");
    }
}
