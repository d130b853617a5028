package org.parkchain.node;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parkchain.rpc.RpcEncoding;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcServer;
import org.parkchain.rpc.SubscriptionHub;
import org.parkchain.rpc.eth.NetApi;

/**
 * A running Parkchain node: the chain and its storage, the pool, the sequencer and the JSON-RPC endpoint, wired as
 * DESIGN.md's {@code ./parkchain node} describes. {@link #start} returns once the RPC port is bound;
 * {@link #close} stops in the reverse order (RPC, then block production, then storage), so no request sees a
 * half-closed chain and the last block is on disk before the store closes.
 */
public final class ParkchainNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ParkchainNode.class.getName());

    private final NodeConfig config;
    private final long chainId;
    private final RpcServer rpc;
    private final List<AutoCloseable> closeInOrder;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ParkchainNode(NodeConfig config, long chainId, RpcServer rpc, List<AutoCloseable> closeInOrder) {
        this.config = config;
        this.chainId = chainId;
        this.rpc = rpc;
        this.closeInOrder = closeInOrder;
    }

    /**
     * Opens (or creates) the chain, starts block production and the RPC endpoint.
     *
     * @throws IllegalArgumentException when the genesis file or stored data is invalid
     * @throws IllegalStateException when the RPC port cannot be bound or the data directory cannot be opened
     */
    public static ParkchainNode start(NodeConfig config) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            long chainId = 375;
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SubscriptionHub hub = new SubscriptionHub();
            RpcMethods methods = new RpcMethods();
            new NetApi(chainId, NetApi.clientVersion(version())).registerInto(methods);
            methods.register("eth_chainId", params -> {
                params.requireAtMost(0);
                return RpcEncoding.quantity(chainId);
            });
            RpcServer rpc = RpcServer.start(config.rpc(), methods, hub, registry);
            resources.add(0, rpc);
            return new ParkchainNode(config, chainId, rpc, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    public NodeConfig config() {
        return config;
    }

    public long chainId() {
        return chainId;
    }

    /** The port JSON-RPC is served on (the one picked when the configuration said 0). */
    public int rpcPort() {
        return rpc.port();
    }

    /** {@code http://127.0.0.1:PORT/}; the WebSocket endpoint is the same with {@code ws:}. */
    public URI rpcUrl() {
        return URI.create("http://" + config.rpc().host() + ":" + rpcPort() + "/");
    }

    public URI webSocketUrl() {
        return URI.create("ws://" + config.rpc().host() + ":" + rpcPort() + "/");
    }

    /** What the command line prints once the node serves. */
    public void describe(PrintWriter out) {
        out.println("Parkchain node: chain id " + chainId + (config.dev() ? " (dev)" : "")
                + ", permissioning " + config.permissioning().name().toLowerCase());
        out.println("JSON-RPC listening on " + rpcUrl() + " (WebSocket " + webSocketUrl() + ")");
    }

    /** Stops serving, then block production, then closes storage. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(closeInOrder);
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "while shutting down " + r + ": " + e);
            }
        }
    }

    static String version() {
        String v = ParkchainNode.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
