package org.parkchain.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.parkchain.consensus.raft.ClusterSpec;
import org.parkchain.regime.PermissionPolicy;
import org.parkchain.rpc.RpcConfig;
import org.parkchain.rpc.eth.EthApiConfig;

/**
 * Everything {@link ParkchainNode#start} needs, validated when built so that a bad combination fails at start-up
 * with one line instead of surfacing later. The command line builds one from its flags; tests build one with
 * {@link #devDefaults()} and the {@code with…} methods.
 *
 * @param dev            the development chain of DESIGN.md: chain id 31337, funded test accounts, board = account 0
 * @param dataDir        where the chain is stored; empty keeps it in memory (allowed only with {@code dev})
 * @param genesisFile    the genesis to start a new chain from; not allowed with {@code dev}, which has its own
 * @param permissioning  who may send transactions
 * @param blockTime      fixed block period; empty for instant blocks (a block as soon as transactions wait)
 * @param rpc            the JSON-RPC endpoint's transport limits
 * @param eth            the eth_* methods' limits (gas cap, log range, filter expiry)
 * @param cluster        the park's network this node is a member of ({@code --cluster FILE}); empty for a single node,
 *                       whose solo sequencer makes the blocks
 */
public record NodeConfig(
        boolean dev,
        Optional<Path> dataDir,
        Optional<Path> genesisFile,
        PermissionPolicy.Mode permissioning,
        Optional<Duration> blockTime,
        RpcConfig rpc,
        EthApiConfig eth,
        Optional<ClusterSpec> cluster) {

    public NodeConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(genesisFile, "genesisFile");
        Objects.requireNonNull(permissioning, "permissioning");
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(rpc, "rpc");
        Objects.requireNonNull(eth, "eth");
        Objects.requireNonNull(cluster, "cluster");
        if (cluster.isPresent() && dataDir.isEmpty()) {
            throw new IllegalArgumentException("--cluster needs --data-dir: a member keeps its chain and Raft log on disk");
        }
        if (dev && genesisFile.isPresent()) {
            throw new IllegalArgumentException("--genesis cannot be combined with --dev, which has its own genesis");
        }
        if (!dev && dataDir.isEmpty()) {
            throw new IllegalArgumentException("--data-dir is required without --dev (only the dev chain may live in memory)");
        }
        if (!dev && rpc.corsAllowedOrigins().contains("*")) {
            // Any page the user opens could then use the node; tolerable for a throw-away dev chain only.
            throw new IllegalArgumentException("--rpc-cors-origins '*' is allowed with --dev only; name the origins");
        }
        blockTime.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("--block-time must be a positive number of milliseconds, got " + t.toMillis());
            }
        });
    }

    /** A single node (no cluster). */
    public NodeConfig(boolean dev, Optional<Path> dataDir, Optional<Path> genesisFile, PermissionPolicy.Mode permissioning,
                      Optional<Duration> blockTime, RpcConfig rpc, EthApiConfig eth) {
        this(dev, dataDir, genesisFile, permissioning, blockTime, rpc, eth, Optional.empty());
    }

    /** The dev chain in memory, instant blocks, open permissioning, RPC on any free loopback port. */
    public static NodeConfig devDefaults() {
        return new NodeConfig(true, Optional.empty(), Optional.empty(), PermissionPolicy.Mode.OPEN, Optional.empty(),
                RpcConfig.defaults().withPort(0), EthApiConfig.defaults());
    }

    public NodeConfig withDataDir(Path value) {
        return new NodeConfig(dev, Optional.of(value), genesisFile, permissioning, blockTime, rpc, eth, cluster);
    }

    public NodeConfig withGenesisFile(Path value) {
        return new NodeConfig(dev, dataDir, Optional.of(value), permissioning, blockTime, rpc, eth, cluster);
    }

    public NodeConfig withPermissioning(PermissionPolicy.Mode value) {
        return new NodeConfig(dev, dataDir, genesisFile, value, blockTime, rpc, eth, cluster);
    }

    public NodeConfig withBlockTime(Duration value) {
        return new NodeConfig(dev, dataDir, genesisFile, permissioning, Optional.of(value), rpc, eth, cluster);
    }

    public NodeConfig withRpc(RpcConfig value) {
        return new NodeConfig(dev, dataDir, genesisFile, permissioning, blockTime, value, eth, cluster);
    }

    public NodeConfig withCluster(ClusterSpec value) {
        return new NodeConfig(dev, dataDir, genesisFile, permissioning, blockTime, rpc, eth, Optional.of(value));
    }

    public NodeConfig withEth(EthApiConfig value) {
        return new NodeConfig(dev, dataDir, genesisFile, permissioning, blockTime, rpc, value, cluster);
    }
}
