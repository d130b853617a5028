package org.parkchain.explorer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.regime.SystemAddresses;

/**
 * The calls below a transaction's own frame, as the explorer shows them: depth first, each with its depth, amounts
 * in decimal, addresses checksummed (the park's contracts named), input decoded when the park's interfaces or ERC-20
 * know it. Small enough to keep: at most {@link #SHOWN} calls (the rest only counted), inputs and outputs cut to
 * {@link #HEX_BYTES} bytes.
 *
 * @param calls the calls shown
 * @param omitted how many more there were
 */
record InternalCalls(ArrayNode calls, int omitted) {
    static final int SHOWN = 500;
    static final int HEX_BYTES = 512;
    /** Inputs longer than this are shown as bytes only (decoding them would keep a copy as large). */
    static final int DECODED_BYTES = 4096;

    private static final Map<Address, String> SYSTEM_CONTRACTS = Map.of(SystemAddresses.REGISTRY, "park registry",
            SystemAddresses.TOKEN_FACTORY, "token factory", SystemAddresses.OFFERINGS, "offerings",
            SystemAddresses.EXCHANGE, "exchange");

    /** The calls below {@code top}, a frame of the callTracer's tree ({@code calls} nested in each frame). */
    static InternalCalls below(ObjectNode top) {
        ArrayNode shown = Json.MAPPER.createArrayNode();
        int[] omitted = {0};
        flatten(top.path("calls"), 1, shown, omitted);
        return new InternalCalls(shown, omitted[0]);
    }

    private static void flatten(JsonNode frames, int depth, ArrayNode out, int[] omitted) {
        for (JsonNode frame : frames) {
            if (out.size() < SHOWN) {
                out.add(call(frame, depth));
            } else {
                omitted[0]++;
            }
            flatten(frame.path("calls"), depth + 1, out, omitted);
        }
    }

    /** One frame as the explorer shows it: amounts in decimal, addresses checksummed, input decoded when known. */
    private static ObjectNode call(JsonNode frame, int depth) {
        ObjectNode o = Json.object();
        String type = frame.path("type").asText();
        Address to = Address.fromHex(frame.path("to").asText());
        o.put("depth", depth);
        o.put("type", type);
        o.put("from", Address.fromHex(frame.path("from").asText()).toChecksumHex());
        o.put("to", to.toChecksumHex());
        Json.putOptional(o, "toName", Optional.ofNullable(SYSTEM_CONTRACTS.get(to)));
        Json.putOptional(o, "value", frame.has("value")
                ? Optional.of(new BigInteger(frame.path("value").asText().substring(2), 16).toString()) : Optional.empty());
        o.put("gas", Long.decode(frame.path("gas").asText()));
        o.put("gasUsed", Long.decode(frame.path("gasUsed").asText()));
        byte[] input = Hex.decode(frame.path("input").asText());
        o.put("input", cut(input));
        o.put("inputBytes", input.length);
        Optional<ParkAbiCatalog.Decoded> decoded = type.startsWith("CREATE") || input.length > DECODED_BYTES
                ? Optional.empty() : ParkAbiCatalog.decodeCall(input);
        if (decoded.isPresent()) {
            o.set("decodedInput", Json.decoded(decoded.get()));
        } else {
            o.putNull("decodedInput");
        }
        Json.putOptional(o, "output", frame.has("output")
                ? Optional.of(cut(Hex.decode(frame.path("output").asText()))) : Optional.empty());
        Json.putOptional(o, "error", Optional.ofNullable(frame.get("error")).map(JsonNode::asText));
        Json.putOptional(o, "revertReason", Optional.ofNullable(frame.get("revertReason")).map(JsonNode::asText));
        return o;
    }

    /** Bytes as 0x hex, at most {@link #HEX_BYTES} of them (followed by "…" when there were more). */
    private static String cut(byte[] bytes) {
        return bytes.length <= HEX_BYTES ? Hex.encode(bytes)
                : Hex.encode(java.util.Arrays.copyOf(bytes, HEX_BYTES)) + "…";
    }
}
