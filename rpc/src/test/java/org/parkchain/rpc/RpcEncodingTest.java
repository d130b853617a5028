package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

class RpcEncodingTest {
    private static final ObjectMapper MAPPER = RpcDispatcher.newMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RpcError.InvalidParams invalidParams(String paramsJson, java.util.function.Consumer<RpcParams> read) {
        try {
            read.accept(RpcParams.of(json(paramsJson)));
        } catch (RpcException e) {
            assertThat(e.error()).isInstanceOf(RpcError.InvalidParams.class);
            return (RpcError.InvalidParams) e.error();
        }
        throw new AssertionError("expected invalid params for " + paramsJson);
    }

    @Test
    void encodesQuantitiesWithoutLeadingZeros() {
        assertThat(RpcEncoding.quantity(0)).isEqualTo("0x0");
        assertThat(RpcEncoding.quantity(1024)).isEqualTo("0x400");
        assertThat(RpcEncoding.quantity(BigInteger.TWO.pow(255))).isEqualTo("0x8" + "0".repeat(63));
        assertThat(RpcEncoding.data(new byte[] {0, 1, (byte) 0xff})).isEqualTo("0x0001ff");
        assertThat(RpcEncoding.data(new byte[0])).isEqualTo("0x");
        assertThatThrownBy(() -> RpcEncoding.quantity(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesCanonicalQuantities() {
        assertThat(RpcParams.of(json("[\"0x0\", \"0x1f\", \"0XAb\"]")).required(1, RpcParams.QUANTITY))
                .isEqualTo(BigInteger.valueOf(31));
        assertThat(RpcParams.of(json("[\"0x0\"]")).required(0, RpcParams.QUANTITY_LONG)).isZero();
        assertThat(RpcParams.of(json("[\"0x0\", \"0x1f\", \"0XAb\"]")).required(2, RpcParams.QUANTITY))
                .isEqualTo(BigInteger.valueOf(0xab));
    }

    @Test
    void rejectsNonCanonicalQuantitiesNamingTheArgument() {
        assertThat(invalidParams("[\"0x1\", \"0x01\"]", p -> p.required(1, RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 1: hex number with leading zero digits");
        assertThat(invalidParams("[\"0x\"]", p -> p.required(0, RpcParams.QUANTITY)).message())
                .startsWith("invalid argument 0: hex string \"0x\" has no digits");
        assertThat(invalidParams("[\"12\"]", p -> p.required(0, RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 0: hex string without 0x prefix");
        assertThat(invalidParams("[12]", p -> p.required(0, RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 0: expected a hex-encoded quantity string, got number 12");
        assertThat(invalidParams("[\"0xg1\"]", p -> p.required(0, RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 0: invalid hex character 'g' in quantity");
        assertThat(invalidParams("[\"0x1" + "0".repeat(64) + "\"]", p -> p.required(0, RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 0: hex number > 256 bits");
        assertThat(invalidParams("[\"0x8000000000000000\"]", p -> p.required(0, RpcParams.QUANTITY_LONG)).message())
                .isEqualTo("invalid argument 0: hex number > 63 bits");
    }

    @Test
    void decodesDataAndRejectsOddLengthOrMissingPrefix() {
        assertThat(RpcParams.of(json("[\"0x00ff\"]")).required(0, RpcParams.DATA)).containsExactly(0, 0xff);
        assertThat(RpcParams.of(json("[\"0x\"]")).required(0, RpcParams.DATA)).isEmpty();
        assertThat(invalidParams("[\"0xabc\"]", p -> p.required(0, RpcParams.DATA)).message())
                .isEqualTo("invalid argument 0: hex string has an odd number of digits (3)");
        assertThat(invalidParams("[\"abcd\"]", p -> p.required(0, RpcParams.DATA)).message())
                .isEqualTo("invalid argument 0: hex string without 0x prefix");
    }

    @Test
    void decodesAddressesCheckingEip55WhenMixedCase() {
        String checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        assertThat(RpcParams.of(json("[\"" + checksummed + "\"]")).required(0, RpcParams.ADDRESS))
                .isEqualTo(Address.fromHex(checksummed.toLowerCase()));
        String broken = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        assertThat(invalidParams("[\"" + broken + "\"]", p -> p.required(0, RpcParams.ADDRESS)).message())
                .isEqualTo("invalid argument 0: address " + broken + " has an invalid EIP-55 checksum");
        assertThat(invalidParams("[\"0x1234\"]", p -> p.required(0, RpcParams.ADDRESS)).message())
                .isEqualTo("invalid argument 0: an address is 20 bytes (40 hex digits), got 2 bytes");
    }

    @Test
    void decodesHashesOfExactly32Bytes() {
        String hash = "0x" + "ab".repeat(32);
        assertThat(RpcParams.of(json("[\"" + hash + "\"]")).required(0, RpcParams.HASH)).isEqualTo(Hash.fromHex(hash));
        assertThat(invalidParams("[\"0x" + "ab".repeat(31) + "\"]", p -> p.required(0, RpcParams.HASH)).message())
                .isEqualTo("invalid argument 0: a hash is 32 bytes (64 hex digits), got 31 bytes");
    }

    @Test
    void decodesBlockSelectorsIncludingEip1898Objects() {
        String hash = "0x" + "11".repeat(32);
        RpcParams params = RpcParams.of(json("[\"latest\", \"finalized\", \"0x10\", {\"blockHash\": \"" + hash
                + "\", \"requireCanonical\": true}, {\"blockNumber\": \"0x2\"}, {\"blockHash\": \"" + hash + "\"}]"));
        assertThat(params.required(0, RpcParams.BLOCK)).isEqualTo(BlockSelector.Tag.LATEST);
        assertThat(params.required(1, RpcParams.BLOCK)).isEqualTo(BlockSelector.Tag.FINALIZED);
        assertThat(params.required(2, RpcParams.BLOCK)).isEqualTo(new BlockSelector.ByNumber(16));
        assertThat(params.required(3, RpcParams.BLOCK)).isEqualTo(new BlockSelector.ByHash(Hash.fromHex(hash), true));
        assertThat(params.required(4, RpcParams.BLOCK)).isEqualTo(new BlockSelector.ByNumber(2));
        assertThat(params.required(5, RpcParams.BLOCK)).isEqualTo(new BlockSelector.ByHash(Hash.fromHex(hash), false));
    }

    @Test
    void rejectsBadBlockSelectorsPrecisely() {
        assertThat(invalidParams("[\"0x0\", \"newest\"]", p -> p.required(1, RpcParams.BLOCK)).message())
                .isEqualTo("invalid argument 1: expected a block number or one of latest, earliest, pending, safe, "
                        + "finalized; got \"newest\"");
        assertThat(invalidParams("[\"0x00\"]", p -> p.required(0, RpcParams.BLOCK)).message())
                .isEqualTo("invalid argument 0: hex number with leading zero digits");
        assertThat(invalidParams("[{\"blockHash\": \"0x" + "11".repeat(32) + "\", \"blockNumber\": \"0x1\"}]",
                p -> p.required(0, RpcParams.BLOCK)).message())
                .isEqualTo("invalid argument 0: cannot specify both blockHash and blockNumber, choose one or the other");
        assertThat(invalidParams("[{\"blockHash\": \"0x11\"}]", p -> p.required(0, RpcParams.BLOCK)).message())
                .isEqualTo("invalid argument 0: blockHash: a hash is 32 bytes (64 hex digits), got 1 bytes");
        assertThat(invalidParams("[{}]", p -> p.required(0, RpcParams.BLOCK)).message())
                .isEqualTo("invalid argument 0: a block object needs blockHash or blockNumber");
        assertThat(invalidParams("[true]", p -> p.required(0, RpcParams.BLOCK)).message())
                .startsWith("invalid argument 0: expected a block number, tag or");
    }

    @Test
    void decodesBooleansStrictly() {
        assertThat(RpcParams.of(json("[true]")).required(0, RpcParams.BOOLEAN)).isTrue();
        assertThat(invalidParams("[\"true\"]", p -> p.required(0, RpcParams.BOOLEAN)).message())
                .isEqualTo("invalid argument 0: expected a boolean, got string \"true\"");
    }

    @Test
    void reportsMissingAndSurplusArgumentsAsGethDoes() {
        assertThat(invalidParams("[\"0x1\"]", p -> p.required(1, RpcParams.BLOCK)).message())
                .isEqualTo("missing value for required argument 1");
        assertThat(invalidParams("[\"0x1\", \"latest\", 3]", p -> p.requireAtMost(2)).message())
                .isEqualTo("too many arguments, want at most 2");
        assertThat(RpcParams.of(null).optional(0, RpcParams.BLOCK)).isEmpty();
        assertThat(RpcParams.of(json("[\"0x1\", null]")).optional(1, RpcParams.BLOCK)).isEmpty();
    }

    @Test
    void namesTheFieldOfAnObjectArgument() {
        String call = "[{\"to\": \"0x" + "00".repeat(20) + "\", \"gas\": \"0x05208\"}]";
        assertThat(RpcParams.of(json(call)).optionalField(0, "to", RpcParams.ADDRESS)).contains(Address.ZERO);
        assertThat(RpcParams.of(json(call)).optionalField(0, "value", RpcParams.QUANTITY)).isEmpty();
        assertThat(invalidParams(call, p -> p.optionalField(0, "gas", RpcParams.QUANTITY)).message())
                .isEqualTo("invalid argument 0: gas: hex number with leading zero digits");
        assertThat(invalidParams(call, p -> p.requiredField(0, "data", RpcParams.DATA)).message())
                .isEqualTo("invalid argument 0: missing required field 'data'");
    }

    @Test
    void parsesLogFiltersAndMatchesLikeGeth() {
        Address token = Address.fromLong(0x1001);
        Hash transfer = Hash.fromHex("0x" + "dd".repeat(32));
        Hash other = Hash.fromHex("0x" + "ee".repeat(32));
        LogFilter filter = LogFilter.fromJson(json("{\"address\": \"" + token.toHex() + "\", \"topics\": [\""
                + transfer.toHex() + "\", null, [\"" + other.toHex() + "\", \"" + transfer.toHex() + "\"]]}"));
        assertThat(filter.matches(token, java.util.List.of(transfer, other, other))).isTrue();
        assertThat(filter.matches(token, java.util.List.of(transfer, other))).isFalse();
        assertThat(filter.matches(token, java.util.List.of(other, other, other))).isFalse();
        assertThat(filter.matches(Address.ZERO, java.util.List.of(transfer, other, other))).isFalse();
        assertThat(LogFilter.ANY.matches(Address.ZERO, java.util.List.of())).isTrue();
        LogFilter wildcardSecond = LogFilter.fromJson(json("{\"topics\": [\"" + transfer.toHex() + "\", null]}"));
        assertThat(wildcardSecond.matches(token, java.util.List.of(transfer, other))).isTrue();
        assertThat(wildcardSecond.matches(token, java.util.List.of(transfer))).isFalse();
        assertThatThrownBy(() -> LogFilter.fromJson(json("{\"topics\": [\"0x12\"]}")))
                .hasMessage("topics[0]: a hash is 32 bytes (64 hex digits), got 1 bytes");
    }
}
