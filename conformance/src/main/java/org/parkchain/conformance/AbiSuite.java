package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.AbiType.TupleType;
import org.parkchain.primitives.abi.Tuple;

/**
 * ethereum/tests ABITests: each case gives canonical {@code types}, JSON {@code args} and the expected encoding
 * ({@code result}, hex). A case passes when encoding the args gives exactly the result and decoding the result gives
 * the args back.
 *
 * <p>The files' conventions: integers are JSON numbers or decimal/{@code 0x} strings, addresses are hex strings, and
 * a {@code bytes}/{@code bytesN} value is a JSON string standing for its UTF-8 bytes ({@code "1234567890"} for a
 * {@code bytes10}), as the pyethereum tests the suite comes from wrote them.
 */
public final class AbiSuite implements ConformanceSuite {
    @Override
    public String name() {
        return "abi";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        CaseFile.forEachCase(file, report, test -> run(test));
    }

    private static String run(JsonNode test) {
        List<AbiType> types = new ArrayList<>();
        for (JsonNode t : test.get("types")) {
            types.add(AbiType.parse(t.asText()));
        }
        TupleType type = new TupleType(types);
        JsonNode args = test.get("args");
        if (args.size() != types.size()) {
            return types.size() + " types but " + args.size() + " args";
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            values.add(value(types.get(i), args.get(i)));
        }
        Tuple expected = Tuple.of(type, values);
        String encoded = Hex.encodeNoPrefix(expected.encode());
        String result = Hex.encodeNoPrefix(Hex.decode(test.get("result").asText()));
        if (!encoded.equals(result)) {
            return "encoded " + encoded + ", expected " + result;
        }
        Tuple decoded = type.decode(Hex.decode(result));
        if (!decoded.equals(expected)) {
            return "decoded " + decoded + ", expected " + expected;
        }
        return null;
    }

    private static Object value(AbiType type, JsonNode arg) {
        return switch (type) {
            case AbiType.UInt t -> integer(arg);
            case AbiType.Int t -> integer(arg);
            case AbiType.AddressType t -> Address.fromHex(arg.asText());
            case AbiType.Bool t -> {
                if (!arg.isBoolean()) {
                    throw new IllegalArgumentException("a bool arg must be true or false, got " + arg);
                }
                yield arg.booleanValue();
            }
            case AbiType.FixedBytes t -> arg.asText().getBytes(StandardCharsets.UTF_8);
            case AbiType.Bytes t -> arg.asText().getBytes(StandardCharsets.UTF_8);
            case AbiType.Str t -> arg.asText();
            case AbiType.FixedArray t -> elements(t.element(), arg);
            case AbiType.DynamicArray t -> elements(t.element(), arg);
            case TupleType t -> {
                List<Object> members = new ArrayList<>();
                for (int i = 0; i < t.size(); i++) {
                    members.add(value(t.get(i), arg.get(i)));
                }
                yield members;
            }
        };
    }

    private static List<Object> elements(AbiType element, JsonNode arg) {
        if (!arg.isArray()) {
            throw new IllegalArgumentException("an array arg must be a JSON array, got " + arg);
        }
        List<Object> out = new ArrayList<>();
        arg.forEach(e -> out.add(value(element, e)));
        return out;
    }

    private static BigInteger integer(JsonNode arg) {
        if (arg.isIntegralNumber()) {
            return arg.bigIntegerValue();
        }
        String s = arg.asText();
        return Hex.hasPrefix(s) ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    }
}
