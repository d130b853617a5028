package org.parkchain.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.consensus.SoloSequencer;
import org.parkchain.evm.Evm;
import org.parkchain.evm.Fork;
import org.parkchain.node.park.ParkReadApi;
import org.parkchain.node.park.ParkViews;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.regime.SystemContracts;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcServer;
import org.parkchain.rpc.SubscriptionHub;
import org.parkchain.rpc.eth.EthApi;
import org.parkchain.rpc.eth.EthBackend;
import org.parkchain.rpc.eth.NetApi;

/**
 * A running Parkchain node: storage, the chain, the park's system contracts and permission policy, the pool, the
 * solo sequencer and the JSON-RPC endpoint, wired as DESIGN.md's {@code ./parkchain node} describes.
 * {@link #start} returns once the RPC port is bound; {@link #close} stops in the reverse order — RPC first (no
 * new transactions), then block production (the block in progress is appended), then storage — so the last block
 * is durable before the store closes.
 */
public final class ParkchainNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ParkchainNode.class.getName());
    /** Where a node with a data directory keeps the chain database and the genesis it was started from. */
    static final String CHAIN_DIR = "chain";
    static final String GENESIS_FILE = "genesis.json";

    private final NodeConfig config;
    private final Blockchain chain;
    private final TransactionPool pool;
    private final SoloSequencer sequencer;
    private final RpcServer rpc;
    private final List<PrivateKey> devKeys;
    private final List<AutoCloseable> closeInOrder;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ParkchainNode(NodeConfig config, Blockchain chain, TransactionPool pool, SoloSequencer sequencer,
                          RpcServer rpc, List<PrivateKey> devKeys, List<AutoCloseable> closeInOrder) {
        this.config = config;
        this.chain = chain;
        this.pool = pool;
        this.sequencer = sequencer;
        this.rpc = rpc;
        this.devKeys = devKeys;
        this.closeInOrder = closeInOrder;
    }

    /**
     * Opens (or creates) the chain, starts block production and the RPC endpoint.
     *
     * @throws IllegalArgumentException when the genesis file is invalid or belongs to another chain than the data
     * @throws IllegalStateException when the RPC port cannot be bound or the data directory cannot be used
     */
    public static ParkchainNode start(NodeConfig config) {
        // Opened resources, in the order they are to be closed (last opened first).
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Genesis genesis = genesis(config);
            ChainStore store = store(config);
            resources.add(0, store);
            Blockchain chain = Blockchain.open(store, genesis);
            resources.set(0, chain);

            SystemContracts systemContracts = new SystemContracts();
            systemContracts.recogniseTokens(chain.state(chain.head()));
            PermissionPolicy policy = new PermissionPolicy(config.permissioning());
            ParkAdmission admission = new ParkAdmission(policy);
            BlockExecutor executor = new BlockExecutor(chain.chainId(), systemContracts, admission);
            TransactionProcessor processor = new TransactionProcessor(new Evm(Fork.CANCUN, systemContracts));

            TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), admission);
            resources.add(0, pool);

            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SubscriptionHub hub = new SubscriptionHub();
            List<PrivateKey> devKeys = config.dev() ? Genesis.devKeys() : List.of();
            ChainBackend backend = new ChainBackend(chain, pool, processor);
            EthApi eth = new EthApi(backend, config.eth(), hub, devKeys);

            SequencerConfig sequencing = config.blockTime()
                    .map(t -> SequencerConfig.period(t.toMillis(), Address.ZERO))
                    .orElseGet(() -> SequencerConfig.instant(Address.ZERO));
            // A cluster member's blocks come from the Raft log (its leader produces them); a single node's from the
            // solo sequencer. The member is wired before the chain listeners, and started after them.
            Optional<ClusterNode> cluster = config.cluster().map(spec -> ClusterNode.prepare(spec,
                    config.dataDir().orElseThrow(), sequencing, chain, executor, pool, backend));
            wireEvents(chain, pool, backend, eth, registry);
            SoloSequencer sequencer = null;
            if (cluster.isPresent()) {
                resources.add(0, cluster.get().start(registry));
            } else {
                sequencer = new SoloSequencer(chain, executor, pool, sequencing);
                sequencer.start();
                resources.add(0, sequencer);
            }

            RpcMethods methods = new RpcMethods();
            new NetApi(chain.chainId(), NetApi.clientVersion(version())).registerInto(methods);
            eth.registerInto(methods);
            List<org.parkchain.rpc.HealthCheck> healthChecks = new ArrayList<>();
            cluster.ifPresent(c -> {
                c.registerInto(methods);
                healthChecks.add(c.healthCheck());
            });
            RpcServer rpc = RpcServer.start(config.rpc(), methods, hub, registry,
                    List.of(new ParkReadApi(new ParkViews(chain))), healthChecks);
            resources.add(0, rpc);
            return new ParkchainNode(config, chain, pool, sequencer, rpc, devKeys, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static Genesis genesis(NodeConfig config) {
        if (config.dev()) {
            return ParkGenesis.dev();
        }
        Path dataDir = config.dataDir().orElseThrow();
        Path kept = dataDir.resolve(GENESIS_FILE);
        if (config.genesisFile().isPresent()) {
            Genesis genesis = ParkGenesis.load(config.genesisFile().get());
            if (Files.isRegularFile(kept)) {
                // The genesis block's hash does not cover the chain id, so the chain's own check cannot see this.
                long storedChainId = ParkGenesis.load(kept).chainId();
                if (storedChainId != genesis.chainId()) {
                    throw new org.parkchain.chain.GenesisException("the chain in " + dataDir + " has chain id "
                            + storedChainId + ", but the genesis given says " + genesis.chainId()
                            + " (another genesis file?)");
                }
            } else {
                // Kept beside the data so that a restart needs no --genesis (and a different one is refused).
                try {
                    Files.createDirectories(dataDir);
                    Files.copy(config.genesisFile().get(), kept, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write " + kept + ": " + e.getMessage(), e);
                }
            }
            return genesis;
        }
        if (Files.isRegularFile(kept)) {
            return ParkGenesis.load(kept);
        }
        throw new IllegalArgumentException("--genesis FILE is required to start a new chain in " + dataDir);
    }

    private static ChainStore store(NodeConfig config) {
        if (config.dataDir().isEmpty()) {
            return new InMemoryChainStore();
        }
        Path dir = config.dataDir().get().resolve(CHAIN_DIR);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        return RocksDbChainStore.open(dir);
    }

    /** New blocks and pool arrivals reach subscribers, filters and the metrics. */
    private static void wireEvents(Blockchain chain, TransactionPool pool, ChainBackend backend, EthApi eth,
                                   PrometheusMeterRegistry registry) {
        Counter blocks = Counter.builder("parkchain_blocks_total").description("blocks appended since start")
                .register(registry);
        Counter transactions = Counter.builder("parkchain_transactions_total")
                .description("transactions included in blocks since start").register(registry);
        Gauge.builder("parkchain_head_block", chain, c -> c.head().number()).description("number of the head block")
                .register(registry);
        Gauge.builder("parkchain_txpool_transactions", pool, TransactionPool::size)
                .description("transactions in the pool, pending and queued").register(registry);
        Gauge.builder("parkchain_txpool_pending", pool, TransactionPool::pendingCount)
                .description("executable transactions in the pool").register(registry);
        chain.addListener(event -> {
            blocks.increment();
            transactions.increment(event.block().transactions().size());
            EthBackend.ChainBlock block = backend.remember(event.block(), event.receipts());
            eth.onNewBlock(block, event.receipts());
        });
        pool.onPending(p -> eth.onPendingTransaction(p.transaction(), p.sender()));
    }

    public NodeConfig config() {
        return config;
    }

    public long chainId() {
        return chain.chainId();
    }

    /** The chain this node serves (for in-process tests and the demo). */
    public Blockchain chain() {
        return chain;
    }

    public TransactionPool pool() {
        return pool;
    }

    /** The dev accounts' keys with {@code --dev} (eth_accounts, eth_sendTransaction); empty otherwise. */
    public List<PrivateKey> devKeys() {
        return devKeys;
    }

    /** The port JSON-RPC is served on (the one picked when the configuration said 0). */
    public int rpcPort() {
        return rpc.port();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI rpcUrl() {
        return URI.create("http://" + config.rpc().host() + ":" + rpcPort() + "/");
    }

    /** {@code ws://127.0.0.1:PORT/}: the same port upgraded to a WebSocket. */
    public URI webSocketUrl() {
        return URI.create("ws://" + config.rpc().host() + ":" + rpcPort() + "/");
    }

    /** What the command line prints once the node serves; the last line's URL is what scripts look for. */
    public void describe(PrintWriter out) {
        out.println("Parkchain node: chain id " + chainId() + (config.dev() ? " (dev)" : "") + ", permissioning "
                + config.permissioning().name().toLowerCase() + ", " + config.blockTime()
                .map(t -> "a block every " + t.toMillis() + " ms").orElse("instant blocks") + ", "
                + config.dataDir().map(d -> "data in " + d.toAbsolutePath()).orElse("in memory")
                + config.cluster().map(c -> ", cluster member " + c.self() + " (Raft on " + c.selfMember().raft()
                        + ", " + c.members().size() + " members)").orElse(""));
        out.println("Head block #" + chain.head().number() + " " + chain.head().hash());
        if (!devKeys.isEmpty()) {
            out.println("Dev accounts (10,000 coins each at genesis; test mnemonic, m/44'/60'/0'/0/i):");
            for (int i = 0; i < devKeys.size(); i++) {
                String role = i == 0 ? "  (board)" : i == 9 ? "  (treasury)" : "";
                out.println("  " + i + "  " + devKeys.get(i).address().toChecksumHex() + role);
            }
        }
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

    /** The solo sequencer; empty on a cluster member, whose blocks come from the Raft log. */
    Optional<SoloSequencer> sequencer() {
        return Optional.ofNullable(sequencer);
    }
}
