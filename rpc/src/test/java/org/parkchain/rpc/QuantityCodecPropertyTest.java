package org.parkchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class QuantityCodecPropertyTest {

    @Provide
    Arbitrary<BigInteger> uint256() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
    }

    @Property
    void encodeThenDecodeIsIdentity(@ForAll("uint256") BigInteger value) {
        String encoded = RpcEncoding.quantity(value);
        assertThat(encoded).matches("0x(0|[1-9a-f][0-9a-f]*)");
        assertThat(RpcEncoding.decodeQuantity(TextNode.valueOf(encoded))).isEqualTo(value);
    }

    @Property
    void decodeThenEncodeKeepsCanonicalText(@ForAll("uint256") BigInteger value) {
        String canonical = "0x" + value.toString(16);
        assertThat(RpcEncoding.quantity(RpcEncoding.decodeQuantity(TextNode.valueOf(canonical)))).isEqualTo(canonical);
    }

    @Property
    void leadingZerosAreRejected(@ForAll("uint256") BigInteger value, @ForAll @IntRange(min = 1, max = 3) int zeros) {
        String padded = "0x" + "0".repeat(zeros) + value.toString(16);
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf(padded)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessage("hex number with leading zero digits");
    }

    @Property
    void missingPrefixIsRejected(@ForAll("uint256") BigInteger value) {
        String bare = value.toString(16);
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf(bare)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessage("hex string without 0x prefix");
    }

    @Property
    void longQuantitiesRoundTrip(@ForAll long raw) {
        long value = raw & Long.MAX_VALUE;
        assertThat(RpcEncoding.decodeQuantityAsLong(TextNode.valueOf(RpcEncoding.quantity(value)))).isEqualTo(value);
    }

    @Property(tries = 1)
    void emptyDigitsAreRejected() {
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf("0x")))
                .isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf("0x01")))
                .isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf("1")))
                .isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> RpcEncoding.decodeQuantity(TextNode.valueOf("")))
                .isInstanceOf(InvalidEncodingException.class);
    }
}
