package org.parkchain.primitives.abi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parkchain.primitives.abi.AbiType.TupleType;

/**
 * A Solidity error as revert data: {@code selector ‖ encode(arguments)}, the selector being the first 4 bytes of
 * keccak256 of the signature, exactly as for a function. {@link #ERROR} is {@code Error(string)}, what
 * {@code require(cond, "reason")} and {@code revert("reason")} produce; {@link #PANIC} is {@code Panic(uint256)};
 * custom errors ({@code error InsufficientBalance(uint256 available, uint256 required)}) are {@link #parse}d.
 */
public final class AbiError {
    public static final AbiError ERROR = parse("Error(string)");
    public static final AbiError PANIC = parse("Panic(uint256)");

    private final AbiFunction layout;

    private AbiError(AbiFunction layout) {
        this.layout = layout;
    }

    public static AbiError parse(String signature) {
        return new AbiError(AbiFunction.parse(signature));
    }

    /** {@code Error(string)} revert data for {@code reason}: what a Solidity {@code revert("reason")} returns. */
    public static byte[] revertData(String reason) {
        return ERROR.encode(reason);
    }

    /**
     * The reason in {@code Error(string)} revert data; empty for anything else (a custom error, a panic, no data,
     * or data that does not decode).
     */
    public static Optional<String> revertReason(byte[] revertData) {
        return ERROR.decode(revertData).map(t -> t.string(0));
    }

    public String signature() {
        return layout.signature();
    }

    public byte[] selector() {
        return layout.selector();
    }

    public TupleType inputs() {
        return layout.inputs();
    }

    public byte[] encode(List<?> arguments) {
        return layout.encodeCall(arguments);
    }

    public byte[] encode(Object... arguments) {
        return layout.encodeCall(Arrays.asList(arguments));
    }

    /** The arguments when {@code revertData} is this error and decodes; empty otherwise. */
    public Optional<Tuple> decode(byte[] revertData) {
        if (revertData.length < 4 || AbiFunction.selectorOf(revertData) != layout.selectorInt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(layout.decodeCall(revertData));
        } catch (AbiDecodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return signature();
    }
}
