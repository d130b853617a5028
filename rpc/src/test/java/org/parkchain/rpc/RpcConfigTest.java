package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpcConfigTest {
    @Test
    void defaultsAreLoopback8545WithGethLikeLimits() {
        RpcConfig config = RpcConfig.defaults();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8545);
        assertThat(config.maxRequestBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(config.maxBatchSize()).isEqualTo(1000);
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.hostAllowlist()).containsExactly("localhost");
        assertThat(config.cheapWorkerThreads()).isPositive();
        assertThat(config.corsAllowedOrigins()).isEmpty();
    }

    @Test
    void rejectsNonsenseLimits() {
        RpcConfig config = RpcConfig.defaults();
        assertThatThrownBy(() -> config.withPort(70000)).hasMessageContaining("rpc port must be 0..65535");
        assertThatThrownBy(() -> config.withMaxBatchSize(0)).hasMessage("maxBatchSize must be positive, got 0");
        assertThatThrownBy(() -> config.withCallTimeout(Duration.ZERO)).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> config.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> config.withMaxOutgoingBytesPerConnection(1024))
                .hasMessageContaining("must be at least maxRequestBytes");
    }
}
