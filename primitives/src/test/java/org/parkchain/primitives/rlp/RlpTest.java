package org.parkchain.primitives.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

class RlpTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTheYellowPaperExamples() {
        assertThat(Hex.encode(Rlp.encodeBytes(ascii("dog")))).isEqualTo("0x83646f67");
        assertThat(Hex.encode(Rlp.encodeList(Rlp.encodeBytes(ascii("cat")), Rlp.encodeBytes(ascii("dog")))))
                .isEqualTo("0xc88363617483646f67");
        assertThat(Rlp.encodeBytes(new byte[0])).containsExactly(0x80);
        assertThat(Rlp.encodeList()).containsExactly(0xc0);
        assertThat(Rlp.encodeLong(0)).containsExactly(0x80);
        assertThat(Rlp.encodeLong(15)).containsExactly(0x0f);
        assertThat(Hex.encode(Rlp.encodeLong(1024))).isEqualTo("0x820400");
        assertThat(Hex.encode(Rlp.encodeLong(-1))).isEqualTo("0x88ffffffffffffffff");
        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ]
        byte[] empty = Rlp.encodeList();
        byte[] one = Rlp.encodeList(empty);
        assertThat(Hex.encode(Rlp.encodeList(empty, one, Rlp.encodeList(empty, one)))).isEqualTo("0xc7c0c1c0c3c0c1c0");
    }

    @Test
    void encodesLongStringsAndListsWithLengthOfLength() {
        byte[] s56 = new byte[56];
        assertThat(Hex.encode(Rlp.encodeBytes(s56)).substring(0, 6)).isEqualTo("0xb838");
        byte[] s1024 = new byte[1024];
        assertThat(Hex.encode(Rlp.encodeBytes(s1024)).substring(0, 8)).isEqualTo("0xb90400");
        RlpWriter w = new RlpWriter(16);
        w.startList().writeBytes(s56).endList();
        byte[] list = w.toByteArray();
        assertThat(Hex.encode(list).substring(0, 10)).isEqualTo("0xf83ab838");
        assertThat(list).hasSize(2 + 2 + 56);
    }

    @Test
    void writerMatchesEncodeListForNestedLists() {
        RlpWriter w = new RlpWriter(16);
        w.startList().writeLong(1).startList().writeBytes(new byte[60]).writeLong(300).endList().writeBytes(ascii("x")).endList();
        byte[] expected = Rlp.encodeList(Rlp.encodeLong(1),
                Rlp.encodeList(Rlp.encodeBytes(new byte[60]), Rlp.encodeLong(300)), Rlp.encodeBytes(ascii("x")));
        assertThat(w.toByteArray()).isEqualTo(expected);
    }

    @Test
    void readsFieldsByOffsets() {
        byte[] encoded = Rlp.encodeList(Rlp.encodeLong(7), Rlp.encodeBytes(ascii("dog")), Rlp.encodeUInt256(UInt256.MAX));
        RlpReader list = RlpReader.of(encoded).readList();
        assertThat(list.remainingItems()).isEqualTo(3);
        assertThat(list.readLong()).isEqualTo(7);
        assertThat(list.remainingItems()).as("counting does not consume").isEqualTo(2);
        RlpSlice dog = list.readSlice();
        assertThat(dog.data()).isSameAs(encoded);
        assertThat(dog.toArray()).isEqualTo(ascii("dog"));
        assertThat(list.readUInt256()).isEqualTo(UInt256.MAX);
        assertThat(list.hasNext()).isFalse();
    }

    @Test
    void countingItemsChecksEachHeaderAndLeavesThePositionOnError() {
        RlpReader list = RlpReader.of(Hex.decode("0xc3" + "01" + "8200")).readList();
        int before = list.position();
        assertThatThrownBy(list::remainingItems).isInstanceOf(RlpException.class).hasMessageContaining("truncated RLP at offset 2");
        assertThat(list.position()).isEqualTo(before);
    }

    @Test
    void rejectsSingleByteWrappedAsString() {
        assertBad("8100", "single byte 0x0 below 0x80 must not be wrapped");
        assertBad("817f", "single byte 0x7f below 0x80 must not be wrapped");
    }

    @Test
    void rejectsLeadingZerosInLengthPrefix() {
        assertBad("b800", "leading zero in length prefix");
        assertBad("f90000", "leading zero in length prefix");
    }

    @Test
    void rejectsLongFormForShortLength() {
        assertBad("b801ff", "long form used for length 1 (below 56)");
        assertBad("f80180", "long form used for length 1 (below 56)");
    }

    @Test
    void rejectsTruncatedInput() {
        assertBad("83646f", "truncated RLP at offset 0: item declares 3 bytes, 2 remain");
        assertBad("b9", "truncated RLP at offset 0: length prefix needs 2 bytes, 0 remain");
        assertBad("c383646f", "truncated RLP at offset 1: item declares 3 bytes, 2 remain");
        assertBad("", "RLP input is empty");
    }

    @Test
    void rejectsTrailingBytesAfterTopItem() {
        assertBad("83646f6700", "1 trailing bytes after the top item");
        assertBad("c0c0", "1 trailing bytes after the top item");
    }

    @Test
    void rejectsOverflowingLengths() {
        assertBad("bf0f000000000000021111", "overflows");
        assertBad("ff0f000000000000021111", "overflows");
        assertBad("bbffffffff", "overflows");
    }

    @Test
    void rejectsNonCanonicalIntegers() {
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("820001")).readLong())
                .isInstanceOf(RlpException.class).hasMessage("non-canonical integer at offset 0: leading zero byte");
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("00")).readLong())
                .isInstanceOf(RlpException.class).hasMessage("non-canonical integer at offset 0: leading zero byte");
        assertThatThrownBy(() -> RlpReader.of(Rlp.encodeBytes(new byte[33])).readUInt256())
                .isInstanceOf(RlpException.class).hasMessageContaining("is 33 bytes, more than 32");
    }

    @Test
    void rejectsWrongKindOfItem() {
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("c0")).readBytes())
                .isInstanceOf(RlpException.class).hasMessage("expected a byte string at offset 0, found a list");
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("80")).readList())
                .isInstanceOf(RlpException.class).hasMessage("expected a list at offset 0, found a byte string");
        assertThatThrownBy(() -> RlpReader.of(Hex.decode("c0")).readList().readLong())
                .isInstanceOf(RlpException.class).hasMessage("RLP ended at offset 1 where another item was expected");
    }

    private static void assertBad(String hex, String message) {
        assertThatThrownBy(() -> Rlp.decode(Hex.decode(hex))).isInstanceOf(RlpException.class).hasMessageContaining(message);
    }

    @Property(tries = 300)
    void decodingAnEncodedTreeGivesItBack(@ForAll("trees") RlpItem tree) {
        byte[] encoded = Rlp.encode(tree);
        assertThat(Rlp.decode(encoded)).isEqualTo(tree);
        assertThat(Rlp.encode(Rlp.decode(encoded))).isEqualTo(encoded);
    }

    @Property(tries = 300)
    void integersRoundTripAsMinimalBytes(@ForAll long value) {
        byte[] encoded = Rlp.encodeLong(value);
        if (value >= 0) {
            assertThat(RlpReader.of(encoded).readLong()).isEqualTo(value);
        }
        assertThat(RlpReader.of(encoded).readUInt256()).isEqualTo(UInt256.of(value));
        assertThat(new RlpWriter().writeLong(value).toByteArray()).isEqualTo(encoded);
    }

    @Provide
    Arbitrary<RlpItem> trees() {
        Arbitrary<RlpItem> leaf = Arbitraries.bytes().array(byte[].class).ofMaxSize(80).map(RlpItem.Bytes::new);
        return Arbitraries.lazyOf(
                () -> leaf,
                () -> leaf,
                () -> trees().list().ofMaxSize(5).map(l -> new RlpItem.Items(new ArrayList<>(l))));
    }

    @Test
    void rendersItemsReadably() {
        assertThat(Rlp.decode(Hex.decode("c88363617483646f67")).toString()).isEqualTo("[0x636174, 0x646f67]");
        assertThat(new RlpItem.Items(List.of()).toString()).isEqualTo("[]");
    }
}
