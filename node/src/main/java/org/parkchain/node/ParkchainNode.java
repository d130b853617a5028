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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.ImpersonatedTransactions;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.chain.TransactionProcessor;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.DevChain;
import org.parkchain.consensus.DevClock;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.consensus.SoloSequencer;
import org.parkchain.explorer.Explorer;
import org.parkchain.node.park.ParkReadApi;
import org.parkchain.node.park.ParkViews;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.regime.SystemContracts;
import org.parkchain.rpc.RpcMethods;
import org.parkchain.rpc.RpcServer;
import org.parkchain.rpc.SubscriptionHub;
import org.parkchain.rpc.eth.DevBackend;
import org.parkchain.rpc.eth.DevMethods;
import org.parkchain.rpc.eth.EthApi;
import org.parkchain.rpc.eth.Impersonation;
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
    private final SubscriptionHub hub;
    private final Optional<String> storageNotice;
    private final List<PrivateKey> devKeys;
    private final List<AutoCloseable> closeInOrder;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * How long production may stand still while transactions wait before {@code /health} says so (three block
     * periods when that is longer).
     */
    static final Duration STALL_AFTER = Duration.ofSeconds(30);
    /**
     * Below this much free disk space the node refuses new transactions and {@code /health} fails (a block must never
     * fail to be written for lack of space); the system property {@code parkchain.minFreeDiskBytes} changes it.
     */
    static long minFreeDiskBytes() {
        return Long.getLong("parkchain.minFreeDiskBytes", 256L * 1024 * 1024);
    }
    /** Block events that may wait for subscribers and filters before the oldest are dropped (never the producer). */
    private static final int EVENT_BACKLOG = 256;

    private ParkchainNode(NodeConfig config, Blockchain chain, TransactionPool pool, SoloSequencer sequencer,
                          RpcServer rpc, SubscriptionHub hub, Optional<String> storageNotice, List<PrivateKey> devKeys,
                          List<AutoCloseable> closeInOrder) {
        this.hub = hub;
        this.storageNotice = storageNotice;
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
            requireServable(config, store);
            Blockchain chain = Blockchain.open(store, genesis);
            resources.set(0, chain);
            Optional<String> storageNotice = reportRecovery(store, chain);

            // With verified permissioning the contracts also bring the rules that hold at every call depth.
            SystemContracts systemContracts = new SystemContracts(config.permissioning());
            systemContracts.recogniseTokens(chain.state(chain.head()));
            PermissionPolicy policy = new PermissionPolicy(config.permissioning());
            // Transactions sent as an impersonated account carry no real signature: the business of a single dev
            // node only (a cluster member has no development controls, dev genesis or not).
            TransactionAdmission admission = config.dev() && config.cluster().isEmpty() ? new ParkAdmission(policy)
                    : ImpersonatedTransactions.refused(new ParkAdmission(policy));
            BlockExecutor executor = new BlockExecutor(chain.chainId(), chain.forks(), systemContracts, admission);
            TransactionProcessor processor = new TransactionProcessor(systemContracts);

            TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), admission);
            resources.add(0, pool);

            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SubscriptionHub hub = new SubscriptionHub();
            List<PrivateKey> devKeys = config.dev() ? Genesis.devKeys() : List.of();
            SequencerConfig sequencing = config.blockTime()
                    .map(t -> SequencerConfig.period(t.toMillis(), Address.ZERO))
                    .orElseGet(() -> SequencerConfig.instant(Address.ZERO));
            // A cluster member's blocks come from the Raft log (its leader produces them); a single node's from the
            // solo sequencer. The member is wired before the chain listeners, and started after them.
            Optional<ClusterNode> cluster = config.cluster().map(spec -> ClusterNode.prepare(spec,
                    config.dataDir().orElseThrow(), sequencing, chain, executor, pool));
            // The dev chain's clock can be moved forward (evm_increaseTime and kin); otherwise the wall clock.
            DevClock clock = new DevClock();
            SoloSequencer sequencer = cluster.isPresent() ? null : new SoloSequencer(chain, executor, pool, sequencing, clock);
            // A fixed block period longer than 10 s makes waiting normal: allow three periods before calling it a stall.
            Duration stallAfter = config.blockTime().map(t -> t.multipliedBy(3)).filter(t -> t.compareTo(STALL_AFTER) > 0)
                    .orElse(STALL_AFTER);
            ProductionHealth production = sequencer != null
                    ? new ProductionHealth(sequencer::fatalError, sequencer::lastFailure, pool::pendingCount, stallAfter,
                            System::nanoTime)
                    // A member that stopped applying (divergence, another chain) takes no transactions either.
                    : new ProductionHealth(() -> cluster.get().halted().map(IllegalStateException::new), Optional::empty,
                            pool::pendingCount, stallAfter, System::nanoTime);
            List<org.parkchain.rpc.HealthCheck> healthChecks = new ArrayList<>(List.of(production));
            java.util.function.Supplier<Optional<String>> admissionClosed = production::refusal;
            if (store instanceof RocksDbChainStore rocks) {
                StorageHealth storage = new StorageHealth(rocks.directory(), rocks::fault,
                        StorageHealth.usableSpace(rocks.directory()), minFreeDiskBytes());
                healthChecks.add(storage);
                admissionClosed = () -> production.refusal().or(storage::refusal);
            }
            ChainBackend backend = new ChainBackend(chain, pool, processor, executor, admissionClosed);
            cluster.ifPresent(c -> c.routeTransactions(backend));
            Impersonation impersonation = new Impersonation(); // changed only by a dev node's DevMethods
            EthApi eth = new EthApi(backend, config.eth(), hub, devKeys, impersonation);
            ChainEventRelay<Blockchain.NewBlock> relay = wireEvents(chain, pool, backend, eth, registry, production);
            resources.add(0, relay);

            Optional<DevBackend> dev = Optional.empty();
            if (cluster.isPresent()) {
                resources.add(0, cluster.get().start(registry));
            } else {
                sequencer.start();
                resources.add(0, sequencer);
                dev = config.dev()
                        ? Optional.of(new DevChainBackend(new DevChain(chain, executor, pool, sequencer, sequencing, clock)))
                        : Optional.empty();
            }

            RpcMethods methods = new RpcMethods();
            String clientVersion = config.dev() ? NetApi.devClientVersion(version()) : NetApi.clientVersion(version());
            new NetApi(chain.chainId(), clientVersion).registerInto(methods);
            eth.registerInto(methods);
            new DevMethods(backend, dev, clientVersion, impersonation).registerInto(methods);
            cluster.ifPresent(c -> {
                c.registerInto(methods);
                healthChecks.add(c.healthCheck());
            });
            Explorer explorer = Explorer.attach(chain, processor,
                    index -> new ParkReadApi(new ParkViews(chain, index.reader())));
            resources.add(0, explorer);
            RpcServer rpc = RpcServer.start(config.rpc(), methods, hub, registry, explorer.readApis(), healthChecks);
            resources.add(0, rpc);
            return new ParkchainNode(config, chain, pool, sequencer, rpc, hub, storageNotice, devKeys, resources);
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

    /**
     * A store that holds a chain must be able to serve it: its head block, body, receipts and state root present.
     * Otherwise the node refuses to start with the first problem found, rather than fail on the first request.
     */
    private static void requireServable(NodeConfig config, ChainStore store) {
        if (store.head().isEmpty()) {
            return; // a new chain
        }
        org.parkchain.chain.ChainCheck.Report report = org.parkchain.chain.ChainCheck.quick(store);
        if (!report.sound()) {
            throw new org.parkchain.chain.StoreException("the chain data in " + config.dataDir().map(Path::toString)
                    .orElse("memory") + " cannot be served: " + report.problems().get(0)
                    + " (run ./parkchain db check --data-dir DIR for a full report)");
        }
    }

    /** A store recovered from a damaged log has lost what came after its head: say so, with the block, before serving. */
    private static Optional<String> reportRecovery(ChainStore store, Blockchain chain) {
        if (store instanceof RocksDbChainStore rocks && rocks.recoveredFromDamagedLog()) {
            String notice = "the write-ahead log in " + rocks.directory() + " ended in a damaged or incomplete record; "
                    + "the chain was recovered to block " + chain.head().number() + " (" + chain.head().hash()
                    + "); anything written after it is lost";
            LOG.log(System.Logger.Level.WARNING, "storage: " + notice);
            return Optional.of(notice);
        }
        return Optional.empty();
    }

    /** What storage reported when the node opened it (a recovery that lost blocks), if anything. */
    public Optional<String> storageNotice() {
        return storageNotice;
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

    /**
     * New blocks and pool arrivals reach subscribers, filters and the metrics. The producer's thread only counts,
     * keeps the block for the first reads and queues the event: subscribers and filters are served by the relay's
     * thread, so block production never waits for them, however many there are or however slowly they read.
     */
    private static ChainEventRelay<Blockchain.NewBlock> wireEvents(Blockchain chain, TransactionPool pool,
            ChainBackend backend, EthApi eth, PrometheusMeterRegistry registry, ProductionHealth production) {
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
        ChainEventRelay<Blockchain.NewBlock> relay = new ChainEventRelay<>("chain-events", EVENT_BACKLOG,
                event -> eth.onNewBlock(backend.remember(event.block(), event.receipts()), event.receipts()),
                () -> eth.onEventsLost("events lost: subscribers fell behind block production"));
        Gauge.builder("parkchain_event_backlog", relay, ChainEventRelay::backlog)
                .description("new blocks waiting to be told to subscribers and filters").register(registry);
        chain.addListener(event -> {
            production.blockAppended();
            blocks.increment();
            transactions.increment(event.block().transactions().size());
            relay.publish(event);
        });
        pool.onPending(p -> eth.onPendingTransaction(p.transaction(), p.sender()));
        return relay;
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

    /** {@code http://127.0.0.1:PORT/} (loopback when listening on every interface). */
    public URI rpcUrl() {
        return URI.create("http://" + reachableHost() + ":" + rpcPort() + "/");
    }

    /** {@code ws://127.0.0.1:PORT/}: the same port upgraded to a WebSocket. */
    public URI webSocketUrl() {
        return URI.create("ws://" + reachableHost() + ":" + rpcPort() + "/");
    }

    private String reachableHost() {
        String host = config.rpc().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
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
        storageNotice.ifPresent(notice -> out.println("Storage warning: " + notice));
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

    /**
     * The error that stopped block production for good, if one did; the command line then exits non-zero. A cluster
     * member has no solo sequencer: one that stops applying blocks keeps serving, and says why in {@code /health}.
     */
    public Optional<Throwable> fatalError() {
        return sequencer == null ? Optional.empty() : sequencer.fatalError();
    }

    /** Where subscriptions get their events (tests subscribe here directly). */
    SubscriptionHub subscriptions() {
        return hub;
    }

    /** The solo sequencer; empty on a cluster member, whose blocks come from the Raft log. */
    Optional<SoloSequencer> sequencer() {
        return Optional.ofNullable(sequencer);
    }
}
