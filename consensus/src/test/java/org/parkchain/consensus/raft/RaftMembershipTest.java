package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.consensus.raft.TestCluster.await;
import static org.parkchain.consensus.raft.TestCluster.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Hash;

class RaftMembershipTest {
    @TempDir
    Path dir;

    @Test
    void aListenerFollowsTheChainWithoutVoting() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3, 1)) {
            cluster.startAll();
            String leader = cluster.awaitLeader();
            Hash h = cluster.node("l1").member.submit(transfer(7, 0).encode());
            await("the listener's transaction is mined and applied on the listener",
                    () -> cluster.node("l1").chain.receipt(h).isPresent() && cluster.node(leader).chain.receipt(h).isPresent());
            ClusterStatus status = cluster.node("l1").member.status();
            assertThat(status.role()).isEqualTo("LISTENER");
            assertThat(status.members()).filteredOn(m -> m.id().equals("l1")).extracting(ClusterStatus.Member::role)
                    .containsExactly("listener");
        }
    }

    @Test
    void aNewMemberJoinsAsListenerIsPromotedAndAChangeThatLosesQuorumIsRefused() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            String leader = cluster.awaitLeader();
            Hash before = cluster.node(leader).member.submit(transfer(8, 0).encode());
            await("a block before the change", () -> cluster.node(leader).chain.receipt(before).isPresent());
            ClusterMember n4 = cluster.joining("n4");
            cluster.start("n4");
            TestCluster.Node n1 = cluster.node("n1");
            try (ClusterAdmin admin = ClusterAdmin.connect(n1.spec, n1.tls)) {
                admin.addListener(n4);
                assertThat(admin.awaitCaughtUp("n4", Duration.ofSeconds(30))).isTrue();
                await("n4 has the earlier block", () -> cluster.node("n4").chain.receipt(before).isPresent());
                admin.promote("n4");
                assertThat(admin.configuration().voters()).extracting(p -> p.getId().toString())
                        .containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
                Hash after = cluster.node("n4").member.submit(transfer(8, 1).encode());
                await("n4, now a voter, takes part", () -> cluster.node("n4").chain.receipt(after).isPresent());

                admin.remove("n4");
                assertThat(admin.configuration().voters()).extracting(p -> p.getId().toString())
                        .containsExactlyInAnyOrder("n1", "n2", "n3");
                // With two of three voters down, removing one of them would leave {n1, n?} without a majority that answers.
                String[] down = cluster.members().stream().map(ClusterMember::id).filter(id -> !id.equals("n1"))
                        .toArray(String[]::new);
                cluster.stop(down[0]);
                assertThatThrownBy(() -> admin.remove(down[1])).hasMessageContaining("would lose quorum");
            }
        }
    }

    @Test
    void aMemberFromAnotherGenesisStartedFirstCanNeitherWinAnElectionNorDisturbTheParkAndIsRefused() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            Genesis other = Genesis.parse("{\"chainId\":999,\"gasLimit\":30000000,\"baseFeePerGas\":\"1000000000\",\"alloc\":{}}");
            TestCluster.Node n3 = cluster.start("n3", other, cluster.caForTests(), OptionalLong.empty());
            // The stranger stands for election before anyone has checked who it is...
            await("n3 stands for election", () -> "CANDIDATE".equals(n3.member.status().role()));
            // ...and with one good member up, a vote from it would be a majority of three: it never gets one.
            TestCluster.Node n1 = cluster.start("n1");
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // several election timeouts (1–2 s)
            while (System.nanoTime() < until) {
                assertThat(n3.member.isLeader()).as("the stranger leads").isFalse();
                assertThat(n1.member.isLeader()).as("n1 leads without a second vote").isFalse();
                assertThat(n1.member.halted()).as("n1 halted").isEmpty();
                Thread.sleep(50);
            }
            cluster.start("n2");
            String leader = cluster.awaitLeader();
            assertThat(leader).isIn("n1", "n2");
            await("n3 refuses", () -> n3.member.halted().isPresent());
            String reason = n3.member.halted().orElseThrow();
            assertThat(reason).contains(cluster.node("n1").chain.genesisHeader().hash().toString(),
                    n3.chain.genesisHeader().hash().toString(), "chain id 999");
            assertThat(n3.member.health().healthy()).isFalse();

            Hash h = cluster.node(leader).member.submit(transfer(9, 0).encode());
            await("the park's members go on", () -> n1.chain.receipt(h).isPresent() && cluster.node("n2").chain.receipt(h).isPresent());
            for (String good : new String[] {"n1", "n2"}) {
                RaftMember m = cluster.node(good).member;
                assertThat(m.halted()).as(good + " halted").isEmpty();
                assertThat(m.health().healthy()).as(good + " healthy").isTrue();
            }
            // n1 had seconds to ask the stranger before it withdrew (n2 may have come too late to).
            assertThat(n1.member.health().facts().get("peersOnOtherChains").toString()).contains("n3=", "chain id 999");
            assertThat(n3.chain.head().number()).isZero();
        }
    }

    @Test
    void aRaftLogUnderTheEarlierGroupNameIsAdoptedAndAnotherGroupsLogIsRefused() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            String leader = cluster.awaitLeader();
            Hash before = cluster.node(leader).member.submit(transfer(6, 0).encode());
            await("a block on every member", () -> cluster.nodes.values().stream().allMatch(n -> n.chain.receipt(before).isPresent()));
            String follower = cluster.members().stream().map(ClusterMember::id).filter(id -> !id.equals(leader)).findFirst().orElseThrow();
            Path raftDir = dir.resolve("raft-" + follower);
            String own = cluster.node(follower).member.group().getUuid().toString();
            cluster.stop(follower);
            Files.move(raftDir.resolve(own), raftDir.resolve(RaftMember.LEGACY_GROUP.getUuid().toString()));

            cluster.start(follower);
            assertThat(raftDir.resolve(own)).isDirectory();
            assertThat(raftDir.resolve(RaftMember.LEGACY_GROUP.getUuid().toString())).doesNotExist();
            Hash after = cluster.node(leader).member.submit(transfer(6, 1).encode());
            await("the restarted member goes on from its old log", () -> cluster.node(follower).chain.receipt(after).isPresent());

            cluster.stop(follower);
            Files.createDirectories(raftDir.resolve(UUID.randomUUID().toString()));
            assertThatThrownBy(() -> cluster.start(follower)).hasMessageContaining("holds the log of another Raft group");
        }
    }
}
