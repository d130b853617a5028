package org.parkchain.regime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiDecodingException;
import org.parkchain.primitives.abi.AbiError;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.Tuple;

/**
 * A system contract's ABI surface: a table from 4-byte selector to a Java function. Dispatch checks what solc's
 * generated dispatcher checks (known selector, no value to a non-payable function, well-formed arguments: the
 * primitives ABI codec decodes the call data against the function's signature as strictly as solc's decoder) and
 * words every refusal with the contract's prefix, so a revert reason says who refused.
 *
 * <p>Values stored as a {@code string}'s UTF-8 bytes are returned with {@link Tuple.Builder#bytes}: {@code bytes}
 * and {@code string} encode identically, and the bytes need no round trip through a Java String.
 */
abstract class SystemContract {
    /** The body of one function: given its decoded arguments, does the work, returns the ABI-encoded result. */
    @FunctionalInterface
    interface Body {
        byte[] run(Frame frame, Tuple args);
    }

    private record Function(AbiFunction abi, boolean payable, Body body) {
        String signature() {
            return abi.signature();
        }
    }

    private static final AbiType ADDRESS_ARRAY = AbiType.parse("address[]");

    private final String prefix;
    private final Map<Integer, Function> functions = new HashMap<>();

    SystemContract(String name) {
        this.prefix = name + ": ";
    }

    /** "registry: " — put before every reason this contract gives. */
    final String prefix() {
        return prefix;
    }

    final Revert refuse(String reason) {
        return new Revert(prefix + reason);
    }

    final void require(boolean condition, String reason) {
        if (!condition) {
            throw refuse(reason);
        }
    }

    final void function(String signature, Body body) {
        define(signature, false, body);
    }

    final void payable(String signature, Body body) {
        define(signature, true, body);
    }

    private void define(String signature, boolean payable, Body body) {
        AbiFunction abi = AbiFunction.parse(signature);
        if (functions.putIfAbsent(abi.selectorInt(), new Function(abi, payable, body)) != null) {
            throw new IllegalStateException("selector clash for " + signature);
        }
    }

    static int selector(String signature) {
        return AbiFunction.parse(signature).selectorInt();
    }

    static Hash eventTopic(String signature) {
        return AbiEvent.parse(signature).topic0();
    }

    /**
     * An enum argument (declared {@code uint8}, so the decoder has already refused wider values): Solidity's decoder
     * refuses a value at or beyond the number of members, and so does this.
     */
    static int enumMember(Tuple args, int index, int members, String type) {
        long value = args.uint64(index);
        if (value >= members) {
            throw new AbiDecodingException("argument " + index + " is not a valid " + type);
        }
        return (int) value;
    }

    /** Runs the function {@code input} selects, in {@code frame}; throws {@link Revert} or {@link Halt}. */
    final byte[] dispatch(Frame frame, byte[] input) {
        frame.charge(NativeGas.CALL_BASE);
        if (input.length < 4) {
            throw refuse(input.length == 0 && !frame.value.isZero()
                    ? "does not accept plain transfers of coin"
                    : "call data shorter than a 4-byte selector");
        }
        int selector = AbiFunction.selectorOf(input);
        Function function = functions.get(selector);
        if (function == null) {
            throw refuse("unknown function selector 0x" + String.format("%08x", selector));
        }
        if (!function.payable() && !frame.value.isZero()) {
            throw refuse(function.signature().substring(0, function.signature().indexOf('(')) + " is not payable");
        }
        try {
            return function.body().run(frame, function.abi().decodeCall(input));
        } catch (AbiDecodingException e) {
            throw refuse("malformed call data for " + function.signature() + ": " + e.getMessage());
        }
    }

    // --- small encoders for the common return shapes -------------------------------------------------------------

    static final byte[] NOTHING = new byte[0];

    static byte[] returnsUint(UInt256 v) {
        return v.toBytes32();
    }

    static byte[] returnsUint(long v) {
        return UInt256.of(v).toBytes32();
    }

    static byte[] returnsBool(boolean b) {
        return returnsUint(b ? 1 : 0);
    }

    static byte[] returnsAddress(org.parkchain.primitives.Address a) {
        return a.toWord();
    }

    static byte[] returnsAddresses(List<org.parkchain.primitives.Address> list) {
        return Tuple.builder().add(ADDRESS_ARRAY, list).build().encode();
    }

    /** {@code Error(string)}: what Solidity's {@code revert("…")} returns. */
    static byte[] errorData(String reason) {
        return AbiError.revertData(reason);
    }
}
