package org.parkchain.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.parkchain.chain.ForkSchedule;
import org.parkchain.chain.HistoryStorage;
import org.parkchain.evm.Fork;
import org.parkchain.rpc.MethodGroup;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;

/**
 * {@code eth_config} (EIP-7910): the fork the next block runs under and the next one scheduled, each with its
 * activation time, chain id, blob parameters, precompiles by name and system contracts, so a tool can check which rules
 * a node applies. Parkchain adds each fork's {@code name}; it leaves out {@code forkId}, a devp2p notion of a network
 * it does not join.
 */
final class EthConfig implements MethodGroup {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final EthBackend backend;

    EthConfig(EthBackend backend) {
        this.backend = backend;
    }

    @Override
    public void registerInto(RpcMethods m) {
        m.register("eth_config", 0, p -> config());
    }

    JsonNode config() {
        ForkSchedule forks = backend.forks();
        long now = Math.max(backend.head().header().timestamp() + 1, System.currentTimeMillis() / 1000);
        Fork current = forks.forkAt(now);
        ObjectNode out = F.objectNode();
        out.set("current", describe(current, forks.activationOf(current).orElse(0L)));
        Optional<ForkSchedule.Activation> next = forks.nextAfter(now);
        if (next.isPresent()) {
            out.set("next", describe(next.get().fork(), next.get().timestamp()));
        } else {
            out.putNull("next");
        }
        ForkSchedule.Activation last = forks.activations().get(forks.activations().size() - 1);
        out.set("last", describe(last.fork(), last.timestamp()));
        return out;
    }

    private ObjectNode describe(Fork fork, long activationTime) {
        ObjectNode o = F.objectNode();
        o.put("name", fork.name());
        o.put("activationTime", activationTime);
        ObjectNode blobs = o.putObject("blobSchedule");
        blobs.put("baseFeeUpdateFraction", fork.blobs().updateFraction());
        blobs.put("max", fork.blobs().max());
        blobs.put("target", fork.blobs().target());
        o.put("chainId", RpcEncoding.quantity(backend.chainId()));
        ObjectNode precompiles = o.putObject("precompiles");
        fork.precompiles().byName().forEach((name, address) -> precompiles.put(name, address.toHex()));
        ObjectNode system = o.putObject("systemContracts");
        if (fork.historyStorage()) {
            system.put("HISTORY_STORAGE_ADDRESS", HistoryStorage.ADDRESS.toHex());
        }
        return o;
    }

}
