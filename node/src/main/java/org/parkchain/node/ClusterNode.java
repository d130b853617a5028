package org.parkchain.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.consensus.raft.ClusterSpec;
import org.parkchain.consensus.raft.ClusterStatus;
import org.parkchain.consensus.raft.ClusterTls;
import org.parkchain.consensus.raft.RaftMember;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.rpc.HealthCheck;
import org.parkchain.rpc.RpcMethods;

/**
 * The node's side of being a member of the park's network: the {@link RaftMember} in place of the solo sequencer,
 * transactions sent to this node routed through it (a follower forwards them to the leader), the
 * {@code parkchain_clusterStatus} method, the "cluster" check of {@code /health} and the {@code parkchain_cluster_*}
 * metrics.
 */
final class ClusterNode {
    /** Where a member keeps its Raft log and metadata, beside the chain database. */
    static final String RAFT_DIR = "raft";
    private static final String[] ROLES = {"LEADER", "FOLLOWER", "CANDIDATE", "LISTENER"};

    /**
     * Ratis logs every connection attempt and election at INFO; an operator needs its warnings (a peer unreachable,
     * a failed append) and the node's own cluster lines. Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger RATIS_LOG = java.util.logging.Logger.getLogger("org.apache.ratis");

    static {
        RATIS_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final RaftMember member;

    private ClusterNode(RaftMember member) {
        this.member = member;
    }

    /**
     * Wires the member (nothing listens yet).
     *
     * @throws org.parkchain.consensus.raft.ClusterFileException when the TLS material is unusable
     */
    static ClusterNode prepare(ClusterSpec spec, Path dataDir, SequencerConfig sequencing, Blockchain chain,
                               BlockExecutor executor, TransactionPool pool) {
        return new ClusterNode(RaftMember.prepare(RaftMember.Settings.of(spec, ClusterTls.load(spec.tls()),
                dataDir.resolve(RAFT_DIR), sequencing), chain, executor, pool));
    }

    /** Transactions sent to this node go through the member: a follower forwards them to the leader. */
    void routeTransactions(ChainBackend backend) {
        backend.intake(new ChainBackend.TransactionIntake() {
            @Override
            public Hash submit(byte[] raw) {
                return member.submit(raw);
            }

            @Override
            public Hash submit(Transaction tx) {
                return member.submit(tx);
            }
        });
    }

    /** Why this member stopped applying blocks, if it did. */
    java.util.Optional<String> halted() {
        return member.halted();
    }

    /** Registers the metrics and starts the Raft server; the member, to be closed with the node. */
    RaftMember start(PrometheusMeterRegistry registry) {
        for (String role : ROLES) {
            Gauge.builder("parkchain_cluster_role", member, m -> m.status().role().equals(role) ? 1 : 0)
                    .tag("role", role.toLowerCase()).description("1 for this member's current Raft role").register(registry);
        }
        Gauge.builder("parkchain_cluster_term", member, m -> m.status().term()).description("current Raft term")
                .register(registry);
        Gauge.builder("parkchain_cluster_commit_index", member, m -> m.status().commitIndex())
                .description("last Raft log index known committed").register(registry);
        Gauge.builder("parkchain_cluster_applied_index", member, m -> m.status().appliedIndex())
                .description("last Raft log index applied to the chain here").register(registry);
        Gauge.builder("parkchain_cluster_lag", member, m -> m.status().lag())
                .description("committed log entries not yet applied here").register(registry);
        Gauge.builder("parkchain_cluster_diverged", member, m -> m.halted().isPresent() ? 1 : 0)
                .description("1 when this member stopped applying blocks (divergence or another chain)").register(registry);
        Gauge.builder("parkchain_cluster_blocks_produced", member, RaftMember::blocksProduced)
                .description("blocks this member produced while leading").register(registry);
        member.start();
        return member;
    }

    void registerInto(RpcMethods methods) {
        methods.register("parkchain_clusterStatus", p -> {
            p.requireAtMost(0);
            return status();
        });
    }

    ClusterStatus status() {
        return member.status();
    }

    HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "cluster";
            }

            @Override
            public Status check() {
                RaftMember.Health h = member.health();
                Map<String, Object> facts = h.facts();
                return h.healthy() ? Status.ok(facts) : Status.failing(h.detail(), facts);
            }
        };
    }
}
