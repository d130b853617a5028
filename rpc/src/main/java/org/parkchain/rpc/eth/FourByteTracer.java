package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parkchain.evm.Tracer;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;

/**
 * geth's 4byteTracer: how often each function selector was called, with the size of the arguments after it, as
 * {@code "0x<selector>-<size>": count}. Creations and calls to precompiles are left out, as geth does; calls into
 * the park's native contracts count like any contract's.
 */
final class FourByteTracer implements Tracer {
    private final Set<Address> precompiles;
    private final Map<String, Integer> counts = new TreeMap<>();

    FourByteTracer(Set<Address> precompiles) {
        this.precompiles = precompiles;
    }

    @Override
    public void enter(int depth, CallType type, Address from, Address to, byte[] input, long gas, UInt256 value) {
        if (input.length < 4 || type == CallType.CREATE || type == CallType.CREATE2 || precompiles.contains(to)) return;
        String key = Hex.encode(java.util.Arrays.copyOf(input, 4)) + "-" + (input.length - 4);
        counts.merge(key, 1, Integer::sum);
    }

    ObjectNode result() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        counts.forEach(o::put);
        return o;
    }
}
