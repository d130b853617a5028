package org.parkchain.primitives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void printsEip55ChecksumOfSpecVectors() {
        // Vectors from EIP-55 itself.
        for (String v : new String[] {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
        }) {
            assertThat(Address.fromHex(v.toLowerCase()).toChecksumHex()).isEqualTo(v);
        }
    }

    @Test
    void rejectsMixedCaseWithWrongChecksum() {
        assertThatThrownBy(() -> Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
                .isInstanceOf(InvalidHexException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsWrongLengthAndBadDigits() {
        assertThatThrownBy(() -> Address.fromHex("0x1234")).isInstanceOf(InvalidHexException.class).hasMessageContaining("20 bytes");
        assertThatThrownBy(() -> Hex.decode("0xzz")).isInstanceOf(InvalidHexException.class).hasMessageContaining("'z'");
        assertThatThrownBy(() -> Hex.decode("0x123")).isInstanceOf(InvalidHexException.class).hasMessageContaining("odd");
    }

    @Test
    void keccakOfEmptyInputIsTheKnownConstant() {
        assertThat(Hash.EMPTY_KECCAK.toHex()).isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Hash.EMPTY_TRIE_ROOT.toHex()).isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    }

    @Property
    void hexRoundTrips(@ForAll @Size(max = 64) byte[] bytes) {
        assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
    }
}
