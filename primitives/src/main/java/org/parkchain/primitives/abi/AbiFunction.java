package org.parkchain.primitives.abi;

import java.util.Arrays;
import java.util.List;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.abi.AbiType.TupleType;

/**
 * A contract function: its canonical signature, 4-byte selector (the first bytes of keccak256 of the signature) and
 * the encoding of its call data ({@code selector ‖ encode(arguments)}).
 */
public final class AbiFunction {
    private final Signature signature;
    private final byte[] selector;

    private AbiFunction(Signature signature) {
        this.signature = signature;
        this.selector = Arrays.copyOf(signature.keccak(), 4);
    }

    /** Parses {@code name(T1,…,Tn)} with canonical types, e.g. {@code transfer(address,uint256)}. */
    public static AbiFunction parse(String signature) {
        return new AbiFunction(Signature.parse(signature));
    }

    public String name() {
        return signature.name();
    }

    public TupleType inputs() {
        return signature.parameters();
    }

    /** The canonical signature, e.g. {@code transfer(address,uint256)}. */
    public String signature() {
        return signature.canonical();
    }

    /** The 4-byte selector (a copy). */
    public byte[] selector() {
        return selector.clone();
    }

    /** The selector as a big-endian int, for dispatch tables. */
    public int selectorInt() {
        return selectorOf(selector);
    }

    /** The first 4 bytes of {@code callData} as a big-endian int; the caller has checked there are 4. */
    public static int selectorOf(byte[] callData) {
        return (callData[0] & 0xff) << 24 | (callData[1] & 0xff) << 16 | (callData[2] & 0xff) << 8 | (callData[3] & 0xff);
    }

    public byte[] encodeCall(List<?> arguments) {
        return withSelector(selector, Tuple.of(inputs(), arguments).encode());
    }

    public byte[] encodeCall(Object... arguments) {
        return encodeCall(Arrays.asList(arguments));
    }

    /**
     * The arguments of a call to this function.
     *
     * @throws AbiDecodingException when {@code callData} is shorter than 4 bytes, has another selector, or its
     *     arguments do not decode (offsets and lengths are then said to be outside "the call data")
     */
    public Tuple decodeCall(byte[] callData) {
        if (callData.length < 4) {
            throw new AbiDecodingException("call data shorter than a 4-byte selector");
        }
        if (selectorOf(callData) != selectorInt()) {
            throw new AbiDecodingException("call data selector " + Hex.encode(Arrays.copyOf(callData, 4))
                    + " is not " + signature() + "'s " + Hex.encode(selector));
        }
        return AbiCodec.decode(inputs(), Arrays.copyOfRange(callData, 4, callData.length), 0, "call data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbiFunction f && signature.equals(f.signature);
    }

    @Override
    public int hashCode() {
        return signature.hashCode();
    }

    @Override
    public String toString() {
        return signature();
    }

    static byte[] withSelector(byte[] selector, byte[] body) {
        byte[] out = new byte[4 + body.length];
        System.arraycopy(selector, 0, out, 0, 4);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }
}
