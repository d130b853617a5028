package org.parkchain.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.rlp.Rlp;
import org.parkchain.primitives.rlp.RlpException;
import org.parkchain.primitives.rlp.RlpItem;

/**
 * ethereum/tests RLPTests. A case's {@code in} is the value and {@code out} its encoding: the value must encode to
 * {@code out} and {@code out} must decode back to the value. {@code "INVALID"} means {@code out} must be refused,
 * {@code "VALID"} that it must decode (and re-encode to itself). Values: a JSON string stands for its UTF-8 bytes, a
 * JSON number or a {@code "#digits"} string for an integer (minimal big-endian bytes), an array for a list. The
 * rules do not change between forks, so {@code --fork} is ignored.
 */
public final class RlpSuite implements ConformanceSuite {
    @Override
    public String name() {
        return "rlp";
    }

    @Override
    public void runFile(Path file, String fork, Report report) {
        CaseFile.forEachCase(file, report, test -> run(test.get("in"), Hex.decode(test.get("out").asText())));
    }

    private static String run(JsonNode in, byte[] out) {
        if (in.isTextual() && in.asText().equals("INVALID")) {
            try {
                RlpItem item = Rlp.decode(out);
                return "decoded invalid RLP as " + item;
            } catch (RlpException expected) {
                return null;
            }
        }
        if (in.isTextual() && in.asText().equals("VALID")) {
            byte[] again = Rlp.encode(Rlp.decode(out));
            return Arrays.equals(again, out) ? null : "re-encoding gives " + Hex.encode(again);
        }
        RlpItem expected = item(in);
        byte[] encoded = Rlp.encode(expected);
        if (!Arrays.equals(encoded, out)) {
            return "encoded as " + Hex.encode(encoded) + ", expected " + Hex.encode(out);
        }
        RlpItem decoded = Rlp.decode(out);
        return decoded.equals(expected) ? null : "decoded as " + decoded + ", expected " + expected;
    }

    private static RlpItem item(JsonNode in) {
        if (in.isArray()) {
            List<RlpItem> items = new ArrayList<>();
            in.forEach(child -> items.add(item(child)));
            return new RlpItem.Items(items);
        }
        if (in.isIntegralNumber()) {
            return new RlpItem.Bytes(Rlp.minimalBytes(in.bigIntegerValue()));
        }
        String s = in.asText();
        if (s.startsWith("#")) {
            return new RlpItem.Bytes(Rlp.minimalBytes(new BigInteger(s.substring(1))));
        }
        return new RlpItem.Bytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
