package org.parkchain.primitives.abi;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.abi.AbiType.TupleType;

/** {@code name(T1,…,Tn)}: the canonical signature functions, events and errors are hashed from. */
record Signature(String name, TupleType parameters) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    Signature {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new InvalidAbiTypeException("\"" + name + "\" is not a Solidity identifier");
        }
    }

    static Signature parse(String signature) {
        if (signature == null) {
            throw new InvalidAbiTypeException("signature is missing");
        }
        int open = signature.indexOf('(');
        if (open < 0 || !signature.endsWith(")")) {
            throw new InvalidAbiTypeException("\"" + signature + "\" is not a signature such as transfer(address,uint256)");
        }
        String name = signature.substring(0, open);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new InvalidAbiTypeException("\"" + name + "\" in \"" + signature + "\" is not a Solidity identifier");
        }
        return new Signature(name, TupleType.parse(signature.substring(open)));
    }

    String canonical() {
        return name + parameters.canonical();
    }

    byte[] keccak() {
        return Keccak.keccak256(canonical().getBytes(StandardCharsets.US_ASCII));
    }
}
