package org.parkchain.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.rpc.BlockSelector;
import org.parkchain.rpc.InvalidEncodingException;

class RequestParsingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void callRequestTakesInputOrDataButNotTwoDifferentOnes() {
        assertThat(CallRequest.fromJson(json("{\"data\":\"0x01\"}")).input()).containsExactly(1);
        assertThat(CallRequest.fromJson(json("{\"input\":\"0x02\",\"data\":\"0x02\"}")).input()).containsExactly(2);
        assertThatThrownBy(() -> CallRequest.fromJson(json("{\"input\":\"0x02\",\"data\":\"0x03\"}")))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("both \"data\" and \"input\"");
        assertThatThrownBy(() -> CallRequest.fromJson(json("{\"gasPrice\":\"0x1\",\"maxFeePerGas\":\"0x2\"}")))
                .hasMessageContaining("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas)");
        assertThatThrownBy(() -> CallRequest.fromJson(json("{\"maxFeePerGas\":\"0x1\",\"maxPriorityFeePerGas\":\"0x2\"}")))
                .hasMessageContaining("maxFeePerGas (1) < maxPriorityFeePerGas (2)");
        assertThatThrownBy(() -> CallRequest.fromJson(json("{\"gas\":\"0x01\"}"))).hasMessageStartingWith("gas: ");
        assertThatThrownBy(() -> CallRequest.fromJson(json("{\"to\":\"0x12\"}"))).hasMessageStartingWith("to: ");
    }

    @Test
    void logQueryDefaultsToLatestAndRefusesMixedForms() {
        LogQuery q = LogQuery.fromJson(json("{}"));
        assertThat(q.fromBlock()).isEqualTo(BlockSelector.Tag.LATEST);
        assertThat(q.toBlock()).isEqualTo(BlockSelector.Tag.LATEST);
        assertThat(LogQuery.fromJson(json("{\"fromBlock\":\"0x5\",\"toBlock\":\"earliest\"}")).fromBlock())
                .isEqualTo(new BlockSelector.ByNumber(5));
        assertThatThrownBy(() -> LogQuery.fromJson(json("{\"blockHash\":\"0x" + "00".repeat(32) + "\",\"toBlock\":\"0x1\"}")))
                .hasMessageContaining("cannot specify both blockHash and fromBlock/toBlock");
        assertThatThrownBy(() -> LogQuery.fromJson(json("{\"fromblock\":\"0x1\"}")))
                .hasMessageContaining("unknown filter field 'fromblock'");
        assertThatThrownBy(() -> LogQuery.fromJson(json("{\"fromBlock\":5}"))).hasMessageStartingWith("fromBlock:");
    }

    @Test
    void stateOverridesParseAndRefuseBothStateForms() {
        StateOverrides o = StateOverrides.fromJson(json("{\"0x000000000000000000000000000000000000dead\":"
                + "{\"balance\":\"0x10\",\"nonce\":\"0x2\",\"code\":\"0x6001\",\"stateDiff\":{\"0x" + "00".repeat(31)
                + "01\":\"0x" + "00".repeat(31) + "07\"}}}"));
        StateOverrides.Override dead = o.accounts().values().iterator().next();
        assertThat(dead.balance()).contains(UInt256.of(16));
        assertThat(dead.nonce()).contains(2L);
        assertThat(dead.stateDiff()).containsEntry(UInt256.ONE, UInt256.of(7));
        assertThatThrownBy(() -> StateOverrides.fromJson(json("{\"0x000000000000000000000000000000000000dead\":"
                + "{\"state\":{},\"stateDiff\":{}}}"))).hasMessageContaining("has both 'state' and 'stateDiff'");
        assertThatThrownBy(() -> StateOverrides.fromJson(json("{\"dead\":{}}"))).hasMessageContaining("override key dead");
        // Slots are 32-byte words, as geth reads them.
        assertThatThrownBy(() -> StateOverrides.fromJson(json("{\"0x000000000000000000000000000000000000dead\":"
                + "{\"stateDiff\":{\"0x01\":\"0x02\"}}}"))).hasMessageContaining("slot 0x01");
    }

    @Test
    void revertReasonDecodesErrorStringOnly() {
        byte[] nope = Hex.decode("0x08c379a0" + "00".repeat(31) + "20" + "00".repeat(31) + "04"
                + Hex.encode("nope".getBytes(StandardCharsets.UTF_8)).substring(2) + "00".repeat(28));
        assertThat(RevertReason.decode(nope)).contains("nope");
        assertThat(RevertReason.decode(Hex.decode("0x12345678"))).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(nope, 70);
        assertThat(RevertReason.decode(truncated)).isEmpty();
        byte[] hugeLength = nope.clone();
        hugeLength[4 + 32 + 31] = (byte) 0xff;
        hugeLength[4 + 32 + 30] = (byte) 0xff;
        assertThat(RevertReason.decode(hugeLength)).isEmpty();
        assertThat(new BigInteger(1, nope).signum()).isPositive();
    }
}
