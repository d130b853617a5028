package org.parkchain.node.park;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.Tuple;

/**
 * The park's interfaces as the demo and the read views speak them, on the project's one ABI codec
 * ({@code org.parkchain.primitives.abi}): {@code ParkAbi.call("transfer(address,uint256)", bob, amount)},
 * {@code ParkAbi.decode("(uint256)", output).uint256(0)} and events by their signature with {@code indexed} marks.
 * Parsed signatures are kept, since the same few are used again and again.
 */
public final class ParkAbi {
    /** A {@code bytes2} country code argument such as "KR". */
    public record Country(String code) {
        public Country {
            if (code.length() != 2 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("a country is two capital letters (ISO 3166-1 alpha-2), got '" + code + "'");
            }
        }

        byte[] bytes() {
            return code.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final Map<String, AbiFunction> FUNCTIONS = new ConcurrentHashMap<>();
    private static final Map<String, AbiType.TupleType> TYPES = new ConcurrentHashMap<>();
    private static final Map<String, AbiEvent> EVENTS = new ConcurrentHashMap<>();

    private ParkAbi() {}

    /** Call data: the selector of {@code signature} and the encoding of {@code args} (a {@link Country} for bytes2). */
    public static byte[] call(String signature, Object... args) {
        Object[] values = Arrays.stream(args).map(a -> a instanceof Country c ? c.bytes() : a).toArray();
        return FUNCTIONS.computeIfAbsent(signature, AbiFunction::parse).encodeCall(values);
    }

    /** Return data (or event data) of the tuple type {@code types}, e.g. {@code (uint256,bool)}, decoded strictly. */
    public static Tuple decode(String types, byte[] data) {
        return TYPES.computeIfAbsent(types, AbiType.TupleType::parse).decode(data);
    }

    /** An event by its signature with indexed marks, e.g. {@code Transfer(address indexed,address indexed,uint256)}. */
    public static AbiEvent event(String signature) {
        return EVENTS.computeIfAbsent(signature, AbiEvent::parse);
    }

    /** The values of {@code event} in a log (indexed ones from the topics, the rest from the data), in order. */
    public static Tuple decode(AbiEvent event, List<Hash> topics, byte[] data) {
        return event.decode(new AbiEvent.Log(topics, data));
    }

    /** Keccak-256 of a text: the dossier and white-paper hashes of the demo. */
    public static Hash hashOf(String text) {
        return Keccak.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@code address[]} component. */
    public static List<Address> addresses(Tuple t, int index) {
        List<Address> out = new ArrayList<>();
        for (Object o : t.list(index)) {
            out.add((Address) o);
        }
        return out;
    }

    /** A {@code bytes2} country component as text. */
    public static String country(Tuple t, int index) {
        return new String(t.bytes(index), StandardCharsets.US_ASCII);
    }
}
