package org.parkchain.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

class Erc20CallsTest {
    private static final Address HOLDER = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    @Test
    void transferIsSelectorThenAddressWordThenAmountWord() {
        // The well-known selector of transfer(address,uint256) and the ABI's left-padded words.
        assertThat(Hex.encode(Erc20Calls.transfer(HOLDER, UInt256.of(1000)))).isEqualTo("0xa9059cbb"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"
                + "00000000000000000000000000000000000000000000000000000000000003e8");
    }

    @Test
    void balanceOfIsSelectorThenAddressWord() {
        assertThat(Hex.encode(Erc20Calls.balanceOf(HOLDER))).isEqualTo("0x70a08231"
                + "00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8");
    }
}
