package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.consensus.raft.TestCluster.await;
import static org.parkchain.consensus.raft.TestCluster.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Hash;

class RaftClusterTest {
    @TempDir
    Path dir;

    @Test
    void threeMembersReplicateBlocksAndATransactionSentToAFollowerReachesTheLeader() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            String leader = cluster.awaitLeader();
            String follower = cluster.members().stream().map(ClusterMember::id).filter(id -> !id.equals(leader))
                    .findFirst().orElseThrow();
            List<Hash> hashes = new ArrayList<>();
            for (int nonce = 0; nonce < 5; nonce++) {
                hashes.add(cluster.node(follower).member.submit(transfer(1, nonce).encode()));
            }
            for (TestCluster.Node n : cluster.nodes.values()) {
                await("every transfer has a receipt on every member", () -> hashes.stream().allMatch(h -> n.chain.receipt(h).isPresent()));
            }
            assertThat(cluster.node(leader).member.blocksProduced()).isPositive();
            assertThat(cluster.node(follower).member.blocksProduced()).isZero();
            long head = cluster.node(leader).chain.head().number();
            for (TestCluster.Node n : cluster.nodes.values()) {
                await("the member reaches the leader's head", () -> n.chain.head().number() >= head);
            }
            for (long number = 1; number <= head; number++) {
                long b = number;
                List<Hash> blockHashes = cluster.nodes.values().stream().map(n -> n.chain.header(b).orElseThrow().hash()).toList();
                assertThat(blockHashes).as("block %d", b).containsOnly(blockHashes.get(0));
            }
            assertThat(cluster.nodes.values().stream().map(n -> n.chain.header(head).orElseThrow().stateRoot()).distinct()).hasSize(1);
            await("mined copies leave every pool", () -> cluster.nodes.values().stream().allMatch(n -> n.pool.size() == 0));
            ClusterStatus status = cluster.node(follower).member.status();
            assertThat(status.role()).isEqualTo("FOLLOWER");
            assertThat(status.leader()).isEqualTo(leader);
            assertThat(status.members()).extracting(ClusterStatus.Member::id).containsExactlyInAnyOrder("n1", "n2", "n3");
            assertThat(status.diverged()).isNull();
            assertThat(cluster.node(follower).member.health().healthy()).isTrue();
        }
    }

    @Test
    void aNewLeaderTakesOverWhenTheLeaderStopsAndProductionContinues() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            String first = cluster.awaitLeader();
            Hash before = cluster.node(first).member.submit(transfer(2, 0).encode());
            await("the first transfer is mined", () -> cluster.node(first).chain.receipt(before).isPresent());
            cluster.stop(first);
            String second = cluster.awaitLeader();
            assertThat(second).isNotEqualTo(first);
            String other = cluster.members().stream().map(ClusterMember::id)
                    .filter(id -> !id.equals(first) && !id.equals(second)).findFirst().orElseThrow();
            Hash after = cluster.node(other).member.submit(transfer(2, 1).encode());
            await("a transfer sent after the failover is mined on both survivors",
                    () -> cluster.node(second).chain.receipt(after).isPresent() && cluster.node(other).chain.receipt(after).isPresent());
            // Leadership may have moved again between the survivors; between them they made the new blocks.
            assertThat(cluster.node(second).member.blocksProduced() + cluster.node(other).member.blocksProduced()).isPositive();
            // The old leader comes back, catches up from the log and agrees.
            cluster.start(first);
            await("the old leader catches up", () -> cluster.node(first).chain.receipt(after).isPresent());
            long head = cluster.node(first).chain.head().number();
            assertThat(cluster.node(second).chain.header(head).orElseThrow().hash())
                    .isEqualTo(cluster.node(first).chain.header(head).orElseThrow().hash());
        }
    }

    @Test
    void aTransactionTheLeaderAdmittedIsMinedByTheNextLeaderWhenTheLeaderDiesFirst() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            // Blocks every 4 s without empty ones: the transaction waits in the leader's pool long enough to kill it.
            cluster.sequencing = org.parkchain.consensus.SequencerConfig.period(4_000, org.parkchain.primitives.Address.fromLong(0xc0ffee))
                    .withEmptyBlocks(false);
            cluster.startAll();
            String leader = cluster.awaitLeader();
            Hash hash = cluster.node(leader).member.submit(transfer(4, 0).encode());
            for (TestCluster.Node n : cluster.nodes.values()) {
                await("every member's pool holds a copy", () -> n.pool.contains(hash) || n.chain.receipt(hash).isPresent());
            }
            if (cluster.node(leader).chain.receipt(hash).isPresent()) {
                return; // the period elapsed first on this busy machine: nothing left to show
            }
            cluster.stop(leader);
            String next = cluster.awaitLeader();
            await("the new leader mines the dead leader's transaction", () -> cluster.node(next).chain.receipt(hash).isPresent());
        }
    }

    @Test
    void aMemberThatLostItsQuorumIsUnhealthyAndSaysNoLeaderIsKnown() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            cluster.awaitLeader();
            cluster.stop("n2");
            cluster.stop("n3");
            TestCluster.Node n1 = cluster.node("n1");
            await("n1 reports that no leader is known", () -> !n1.member.health().healthy());
            assertThat(n1.member.health().detail()).contains("no leader known");
            assertThat(n1.member.status().leader()).isNull();
        }
    }

    @Test
    void aMemberWhoseExecutionDisagreesReportsDivergenceAndStops() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.start("n1");
            cluster.start("n2");
            // n3 corrupts one state write before block 2: it must stop there and say so.
            cluster.start("n3", Genesis.dev(), cluster.caForTests(), OptionalLong.of(2));
            // A member with the hook never builds a block: elected, it hands the lead on, so n3 always follows and
            // replays the block it corrupts.
            String[] lead = new String[1];
            await("n1 or n2 leads", () -> {
                for (String id : List.of("n1", "n2")) {
                    if (cluster.node(id).member.isLeader()) {
                        lead[0] = id;
                        return true;
                    }
                }
                return false;
            });
            String leader = lead[0];
            for (int nonce = 0; nonce < 3; nonce++) {
                Hash h = cluster.node(leader).member.submit(transfer(3, nonce).encode());
                await("transfer mined", () -> cluster.node(leader).chain.receipt(h).isPresent());
            }
            TestCluster.Node n3 = cluster.node("n3");
            assertThat(n3.member.blocksProduced()).as("the hooked member built no block").isZero();
            await("n3 reports divergence", () -> n3.member.status().diverged() != null);
            assertThat(n3.member.status().diverged()).startsWith("diverged at block 2").contains("state root");
            assertThat(n3.member.health().healthy()).isFalse();
            assertThat(n3.chain.head().number()).isEqualTo(1);
            assertThat(cluster.node(leader).chain.head().number()).isGreaterThanOrEqualTo(3);
            // Halted, it leaves Raft (a halted leader would build nothing and stall the cluster); the others go on.
            await("n3 leaves the Raft group", () -> n3.member.status().role().equals("STOPPED"));
            Hash after = cluster.node(leader).member.submit(transfer(3, 3).encode());
            await("the others mine without n3", () -> cluster.node(leader).chain.receipt(after).isPresent());
            assertThat(n3.member.health().healthy()).isFalse();
        }
    }
}
