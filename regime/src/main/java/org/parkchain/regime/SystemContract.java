package org.parkchain.regime;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.abi.AbiEncoder;
import org.parkchain.regime.abi.Calldata;
import org.parkchain.regime.abi.MalformedCallException;

/**
 * A system contract's ABI surface: a table from 4-byte selector to a Java function. Dispatch checks what solc's
 * generated dispatcher checks (known selector, no value to a non-payable function, well-formed arguments) and
 * words every refusal with the contract's prefix, so a revert reason says who refused.
 */
abstract class SystemContract {
    /** The body of one function: reads its arguments, does the work, returns the ABI-encoded result. */
    @FunctionalInterface
    interface Body {
        byte[] run(Frame frame, Calldata args);
    }

    private record Function(String signature, boolean payable, Body body) {}

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
        int selector = selector(signature);
        if (functions.putIfAbsent(selector, new Function(signature, payable, body)) != null) {
            throw new IllegalStateException("selector clash for " + signature);
        }
    }

    static int selector(String signature) {
        byte[] h = Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII));
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    static Hash eventTopic(String signature) {
        return Keccak.hash(signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Runs the function {@code input} selects, in {@code frame}; throws {@link Revert} or {@link Halt}. */
    final byte[] dispatch(Frame frame, byte[] input) {
        frame.charge(GasSchedule.CALL_BASE);
        if (input.length < 4) {
            throw refuse(input.length == 0 && !frame.value.isZero()
                    ? "does not accept plain transfers of coin"
                    : "call data shorter than a 4-byte selector");
        }
        int selector = Calldata.selector(input);
        Function function = functions.get(selector);
        if (function == null) {
            throw refuse("unknown function selector 0x" + String.format("%08x", selector));
        }
        if (!function.payable() && !frame.value.isZero()) {
            throw refuse(function.signature().substring(0, function.signature().indexOf('(')) + " is not payable");
        }
        try {
            return function.body().run(frame, Calldata.ofCall(input));
        } catch (MalformedCallException e) {
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
        return AbiEncoder.tuple().addresses(list).encode();
    }

    /** {@code Error(string)}: what Solidity's {@code revert("…")} returns. */
    static byte[] errorData(String reason) {
        byte[] encoded = AbiEncoder.tuple().bytes(reason.getBytes(StandardCharsets.UTF_8)).encode();
        byte[] out = new byte[4 + encoded.length];
        out[0] = 0x08;
        out[1] = (byte) 0xc3;
        out[2] = 0x79;
        out[3] = (byte) 0xa0;
        System.arraycopy(encoded, 0, out, 4, encoded.length);
        return out;
    }
}
