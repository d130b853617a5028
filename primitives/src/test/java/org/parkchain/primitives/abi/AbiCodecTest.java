package org.parkchain.primitives.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiType.TupleType;

class AbiCodecTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String words(String... hexWords) {
        return String.join("", hexWords);
    }

    private static String w(long v) {
        return String.format("%064x", v);
    }

    private static String left(String asciiText) {
        String hex = Hex.encodeNoPrefix(ascii(asciiText));
        return hex + "0".repeat(64 - hex.length());
    }

    // --- the examples of the Solidity ABI specification --------------------------------------------------------

    @Test
    void encodesTheSpecificationsStaticExample() {
        AbiFunction baz = AbiFunction.parse("baz(uint32,bool)");
        assertThat(Hex.encode(baz.encodeCall(69L, true)))
                .isEqualTo("0xcdcd77c0" + w(69) + w(1));
        AbiFunction bar = AbiFunction.parse("bar(bytes3[2])");
        assertThat(Hex.encode(bar.encodeCall(List.of(List.of(ascii("abc"), ascii("def"))))))
                .isEqualTo("0xfce353f6" + left("abc") + left("def"));
    }

    @Test
    void encodesTheSpecificationsDynamicExamples() {
        AbiFunction sam = AbiFunction.parse("sam(bytes,bool,uint256[])");
        byte[] call = sam.encodeCall(ascii("dave"), true, List.of(1L, 2L, 3L));
        assertThat(Hex.encode(call)).isEqualTo("0xa5643bf2" + words(w(0x60), w(1), w(0xa0), w(4), left("dave"),
                w(3), w(1), w(2), w(3)));
        Tuple back = sam.decodeCall(call);
        assertThat(back.bytes(0)).isEqualTo(ascii("dave"));
        assertThat(back.bool(1)).isTrue();
        assertThat(back.list(2)).containsExactly(UInt256.of(1), UInt256.of(2), UInt256.of(3));

        AbiFunction f = AbiFunction.parse("f(uint256,uint32[],bytes10,bytes)");
        assertThat(Hex.encode(f.encodeCall(0x123L, List.of(0x456L, 0x789L), ascii("1234567890"),
                ascii("Hello, world!")))).isEqualTo("0x8be65246" + words(w(0x123), w(0x80), left("1234567890"),
                w(0xe0), w(2), w(0x456), w(0x789), w(13), left("Hello, world!")));

        AbiFunction g = AbiFunction.parse("g(uint256[][],string[])");
        byte[] gCall = g.encodeCall(List.of(List.of(1L, 2L), List.of(3L)), List.of("one", "two", "three"));
        assertThat(Hex.encode(gCall)).isEqualTo("0x2289b18c" + words(w(0x40), w(0x140), w(2), w(0x40), w(0xa0),
                w(2), w(1), w(2), w(1), w(3), w(3), w(0x60), w(0xa0), w(0xe0), w(3), left("one"), w(3), left("two"),
                w(5), left("three")));
        assertThat(g.decodeCall(gCall)).isEqualTo(Tuple.of(g.inputs(),
                List.of(List.of(UInt256.of(1), UInt256.of(2)), List.of(UInt256.of(3))), List.of("one", "two", "three")));
    }

    @Test
    void computesWellKnownSelectorsAndTopics() {
        assertThat(Hex.encode(AbiFunction.parse("transfer(address,uint256)").selector())).isEqualTo("0xa9059cbb");
        assertThat(Hex.encode(AbiFunction.parse("balanceOf(address)").selector())).isEqualTo("0x70a08231");
        assertThat(AbiEvent.parse("Transfer(address indexed,address indexed,uint256)").topic0()).isEqualTo(
                Hash.fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
        assertThat(AbiEvent.parse("Approval(address,address,uint256)").topic0()).isEqualTo(
                Hash.fromHex("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925"));
        assertThat(Hex.encode(AbiError.ERROR.selector())).isEqualTo("0x08c379a0");
        assertThat(Hex.encode(AbiError.PANIC.selector())).isEqualTo("0x4e487b71");
    }

    @Test
    void encodesAndReadsRevertReasons() {
        byte[] data = AbiError.revertData("Not enough Ether provided.");
        assertThat(Hex.encode(data)).isEqualTo("0x08c379a0" + w(0x20) + w(26) + left("Not enough Ether provided."));
        assertThat(AbiError.revertReason(data)).contains("Not enough Ether provided.");
        assertThat(AbiError.revertReason(AbiError.PANIC.encode(0x11L))).isEmpty();
        assertThat(AbiError.revertReason(new byte[0])).isEmpty();
        AbiError custom = AbiError.parse("InsufficientBalance(uint256,uint256)");
        byte[] customData = custom.encode(5L, 7L);
        assertThat(custom.decode(customData).orElseThrow().uint256(1)).isEqualTo(UInt256.of(7));
        assertThat(AbiError.revertReason(customData)).isEmpty();
    }

    @Test
    void encodesEventLogs() {
        Address from = Address.fromLong(0x1111);
        Address to = Address.fromLong(0x2222);
        AbiEvent transfer = AbiEvent.parse("Transfer(address indexed,address indexed,uint256)");
        AbiEvent.Log log = transfer.encode(from, to, 5L);
        assertThat(log.topics()).containsExactly(transfer.topic0(), Hash.wrap(from.toWord()), Hash.wrap(to.toWord()));
        assertThat(Hex.encode(log.data())).isEqualTo("0x" + w(5));
        assertThat(transfer.decode(log)).isEqualTo(Tuple.of(transfer.parameters(), from, to, 5L));

        AbiEvent named = AbiEvent.parse("Named(string indexed,uint8[2] indexed,(bytes,bool) indexed)");
        AbiEvent.Log hashed = named.encode("park", List.of(1, 2), List.of(ascii("ab"), true));
        assertThat(hashed.topics().get(1)).isEqualTo(org.parkchain.primitives.Keccak.hash(ascii("park")));
        assertThat(hashed.topics().get(2)).isEqualTo(org.parkchain.primitives.Keccak.hash(Hex.decode(w(1) + w(2))));
        assertThat(hashed.topics().get(3)).isEqualTo(org.parkchain.primitives.Keccak.hash(Hex.decode(left("ab") + w(1))));
        assertThat(named.decode(hashed).bytes32(0)).isEqualTo(hashed.topics().get(1));
        assertThat(named.signature()).isEqualTo("Named(string,uint8[2],(bytes,bool))");
    }

    @Test
    void encodesSignedIntegersInTwosComplement() {
        TupleType t = TupleType.parse("(int8,int256,int16)");
        byte[] enc = t.encode(-1, BigInteger.ONE.shiftLeft(255).negate(), 0x7fff);
        assertThat(Hex.encodeNoPrefix(enc)).isEqualTo("f".repeat(64) + "8" + "0".repeat(63) + w(0x7fff));
        assertThat(t.decode(enc).int256(0)).isEqualTo(BigInteger.valueOf(-1));
        assertThatThrownBy(() -> t.encode(128, 0, 0)).isInstanceOf(AbiEncodingException.class)
                .hasMessage("argument 0 (int8) is out of range: 128");
        assertThatThrownBy(() -> t.encode(-129, 0, 0)).isInstanceOf(AbiEncodingException.class);
        assertThat(t.decode(t.encode(-128, 0, -32768)).int256(2)).isEqualTo(BigInteger.valueOf(-32768));
    }

    @Test
    void refusesValuesThatDoNotFitTheirType() {
        TupleType t = TupleType.parse("(uint8,address,bytes2,uint256[2],(bool,string))");
        Object[] good = {255, Address.ZERO, new byte[2], List.of(1, 2), List.of(true, "x")};
        assertThat(t.encode(good)).hasSize(32 * 7 + 32 * 3);
        assertThatThrownBy(() -> t.encode(256, Address.ZERO, new byte[2], List.of(1, 2), List.of(true, "x")))
                .hasMessage("argument 0 (uint8) is out of range: 256");
        assertThatThrownBy(() -> t.encode(-1, Address.ZERO, new byte[2], List.of(1, 2), List.of(true, "x")))
                .hasMessage("argument 0 (uint8) is out of range: -1");
        assertThatThrownBy(() -> t.encode(1, "0x00", new byte[2], List.of(1, 2), List.of(true, "x")))
                .hasMessage("argument 1 (address) must be an Address, got String");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO, new byte[3], List.of(1, 2), List.of(true, "x")))
                .hasMessage("argument 2 (bytes2) must be 2 bytes, got 3");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO, new byte[2], List.of(1), List.of(true, "x")))
                .hasMessage("argument 3 (uint256[2]) must have 2 elements, got 1");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO, new byte[2], List.of(1, -2), List.of(true, "x")))
                .hasMessage("argument 3[1] (uint256) is out of range: -2");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO, new byte[2], List.of(1, 2), List.of(1, "x")))
                .hasMessage("argument 4.0 (bool) must be a Boolean, got Integer");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO, new byte[2], List.of(1, 2), List.of(true, "\ud800")))
                .hasMessage("argument 4.1 (string) is not valid Unicode: it has an unpaired surrogate");
        assertThatThrownBy(() -> t.encode(1, Address.ZERO)).isInstanceOf(AbiEncodingException.class)
                .hasMessage("expected 5 values for (uint8,address,bytes2,uint256[2],(bool,string)), got 2");
    }

    // --- strict decoding ---------------------------------------------------------------------------------------

    private static void assertRefused(String types, String hex, String message) {
        assertThatThrownBy(() -> TupleType.parse(types).decode(Hex.decode(hex)))
                .isInstanceOf(AbiDecodingException.class)
                .hasMessage(message);
    }

    @Test
    void refusesDirtyHighBitsAsSoliditysDecoderDoes() {
        assertRefused("(address)", "01" + "00".repeat(11) + "ff".repeat(20), "argument 0 is not an address");
        assertRefused("(bool)", w(2), "argument 0 is not a bool");
        assertRefused("(uint256,uint8)", w(0) + w(256), "argument 1 does not fit uint8");
        assertRefused("(uint64)", "01" + "00".repeat(23) + "ff".repeat(8), "argument 0 does not fit uint64");
        assertRefused("(int8)", w(0x80), "argument 0 does not fit int8");
        assertRefused("(int8)", "ff".repeat(30) + "007f", "argument 0 does not fit int8");
        assertRefused("(bytes3)", left("abcd"), "argument 0 is not a bytes3");
        assertRefused("(uint8[])", w(0x20) + w(1) + w(300), "argument 0[0] does not fit uint8");
        assertRefused("((bool,address))", w(1) + "ff" + "00".repeat(31), "argument 0.1 is not an address");
        assertThat(TupleType.parse("(int8)").decode(Hex.decode("ff".repeat(31) + "80")).int256(0))
                .isEqualTo(BigInteger.valueOf(-128));
    }

    @Test
    void refusesOffsetsAndLengthsOutsideTheData() {
        assertRefused("(uint256,address)", w(1), "argument 1 is missing");
        assertRefused("(bytes)", "", "argument 0 is missing");
        assertRefused("(bytes)", "00".repeat(23) + "01" + "00".repeat(8), "argument 0 has an offset outside the data");
        assertRefused("(bytes)", w(0x20), "argument 0 has an offset outside the data");
        assertRefused("(bytes)", w(0x40) + w(0), "argument 0 has an offset outside the data");
        assertRefused("(bytes)", w(0x20) + w(33) + w(0), "argument 0 has a length beyond the data");
        assertRefused("(bytes)", w(0x20) + "01" + "00".repeat(31), "argument 0 has a length beyond the data");
        assertRefused("(uint256[])", w(0x20) + w(2) + w(7), "argument 0 has a length beyond the data");
        assertRefused("(string[])", w(0x20) + w(1) + w(0x20), "argument 0[0] has an offset outside the data");
        assertRefused("((uint256,bytes))", w(0x20) + w(1), "argument 0 has an offset outside the data");
        assertRefused("(string)", w(0x20) + w(2) + "c328" + "00".repeat(30), "argument 0 is not valid UTF-8");
        assertThatThrownBy(() -> AbiFunction.parse("f(address)").decodeCall(Hex.decode("0x12345678")))
                .hasMessage("call data selector 0x12345678 is not f(address)'s 0xfc68521a");
        assertThatThrownBy(() -> AbiFunction.parse("f(bytes)").decodeCall(Hex.decode("fc68521a")))
                .hasMessageContaining("selector");
        AbiFunction f = AbiFunction.parse("f(bytes)");
        byte[] badOffset = AbiFunction.withSelector(f.selector(), Hex.decode(w(0x40)));
        assertThatThrownBy(() -> f.decodeCall(badOffset)).hasMessage("argument 0 has an offset outside the call data");
        assertThatThrownBy(() -> f.decodeCall(new byte[3])).hasMessage("call data shorter than a 4-byte selector");
    }

    @Test
    void acceptsWhatSoliditysDecoderAccepts() {
        // Bytes after the last value are ignored; a bytes value's padding need not be there or be zero;
        // two arguments may share a tail.
        TupleType t = TupleType.parse("(bytes,bytes)");
        Tuple shared = t.decode(Hex.decode(w(0x40) + w(0x40) + w(3) + "616263"));
        assertThat(shared.bytes(0)).isEqualTo(ascii("abc"));
        assertThat(shared.bytes(1)).isEqualTo(ascii("abc"));
        assertThat(TupleType.parse("(uint256)").decode(Hex.decode(w(7) + "ffff")).uint256(0)).isEqualTo(UInt256.of(7));
    }

    @Test
    void boundsWhatOverlappingOffsetsCanMakeOfASmallInput() {
        // 1000 inner arrays all pointing at the same 1000-element array: a million values from 2,000 words.
        int n = 1000;
        StringBuilder hex = new StringBuilder(w(0x20) + w(n));
        for (int i = 0; i < n; i++) {
            hex.append(w(32L * n));
        }
        hex.append(w(n));
        for (int i = 0; i < n; i++) {
            hex.append(w(i));
        }
        assertThatThrownBy(() -> TupleType.parse("(uint256[][])").decode(Hex.decode(hex.toString())))
                .isInstanceOf(AbiDecodingException.class)
                .hasMessageContaining("decode to more than 8 times its size");
    }

    // --- types ---------------------------------------------------------------------------------------------------

    @Test
    void parsesAndPrintsCanonicalTypes() {
        for (String s : new String[] {"uint8", "uint256", "int24", "address", "bool", "bytes1", "bytes32", "bytes",
                "string", "uint256[]", "uint8[3][]", "(uint256,(address,bytes)[2])[]", "()", "string[2][3]"}) {
            assertThat(AbiType.parse(s).canonical()).isEqualTo(s);
        }
        assertThat(AbiType.parse("(uint256,bytes)").isDynamic()).isTrue();
        assertThat(AbiType.parse("(uint256,bytes32)[2]").headSize()).isEqualTo(128);
        assertThat(AbiType.parse("uint8[3][]")).isEqualTo(new AbiType.DynamicArray(
                new AbiType.FixedArray(new AbiType.UInt(8), 3)));
    }

    @Test
    void refusesNonCanonicalTypesWithAReason() {
        String[][] cases = {
            {"uint", "\"uint\" is an alias; the canonical name is uint256"},
            {"int", "the canonical name is int256"},
            {"uint7", "the size is a multiple of 8 in 8..256"},
            {"uint264", "the size is a multiple of 8 in 8..256"},
            {"uint08", "unknown type"},
            {"bytes33", "bytesN has N in 1..32"},
            {"bytes0", "unknown type"},
            {"uint256[0]", "a fixed array has at least one element"},
            {"uint256[01]", "not a canonical length"},
            {"uint256[", "an array dimension is [] or [k]"},
            {"(uint256", "closed by ')'"},
            {"(uint256,)", "a type is expected"},
            {"uint256 ", "unexpected ' '"},
            {"fixed128x18", "not supported"},
            {"tuple(uint256)", "unknown type \"tuple\""},
            {"(()[])", "an empty tuple () is only allowed as a whole argument list"},
            {"()[]", "() has no size and cannot be an array element"},
            {"()[3]", "() has no size and cannot be an array element"},
            {"(".repeat(40) + "uint8" + ")".repeat(40), "nested deeper than 32 levels"},
            {"uint256[999999999][999999999]", "too large to encode"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> AbiType.parse(c[0])).as(c[0])
                    .isInstanceOf(InvalidAbiTypeException.class)
                    .hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> AbiFunction.parse("2f(uint256)")).isInstanceOf(InvalidAbiTypeException.class)
                .hasMessageContaining("is not a Solidity identifier");
        assertThatThrownBy(() -> AbiFunction.parse("f")).isInstanceOf(InvalidAbiTypeException.class);
        assertThatThrownBy(() -> AbiEvent.parse("E(uint8 indexed,uint8 indexed,uint8 indexed,uint8 indexed)"))
                .hasMessageContaining("at most 3");
    }
}
