package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RpcMethodsTest {
    @Test
    void registersMethodsByNamespacedName() {
        RpcMethods methods = new RpcMethods().register("eth_chainId", params -> "0x177")
                .register("web3_clientVersion", params -> "parkchain");
        assertThat(methods.names()).containsExactlyInAnyOrder("eth_chainId", "web3_clientVersion");
        assertThat(methods.find("eth_chainId")).isPresent();
        assertThat(methods.find("eth_blockNumber")).isEmpty();
    }

    @Test
    void refusesDuplicatesReservedAndMalformedNames() {
        RpcMethods methods = new RpcMethods().register("eth_chainId", params -> "0x177");
        assertThatThrownBy(() -> methods.register("eth_chainId", params -> "0x1"))
                .hasMessage("RPC method eth_chainId is already registered");
        assertThatThrownBy(() -> methods.register("eth_subscribe", params -> null))
                .hasMessageContaining("provided by the server");
        assertThatThrownBy(() -> methods.register("chainId", params -> null))
                .hasMessageContaining("namespace_method");
    }

    @Test
    void parameterCountDeclaredAtRegistrationIsCheckedBeforeTheMethodRuns() throws Exception {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        RpcMethods methods = new RpcMethods().register("eth_chainId", 0, params -> "0x" + runs.incrementAndGet());
        RpcMethod method = methods.find("eth_chainId").orElseThrow();
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertThat(method.call(RpcParams.of(f.arrayNode()))).isEqualTo("0x1");
        assertThatThrownBy(() -> method.call(RpcParams.of(f.arrayNode().add("latest"))))
                .isInstanceOf(RpcException.class).hasMessageContaining("too many arguments, want at most 0");
        assertThat(runs).hasValue(1);
        assertThatThrownBy(() -> methods.register("eth_x", -1, params -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
