package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.consensus.raft.TestCluster.await;
import static org.parkchain.consensus.raft.TestCluster.transfer;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.Genesis;
import org.parkchain.primitives.Hash;

class RaftCatchUpAndTlsTest {
    @TempDir
    Path dir;

    @Test
    void aMemberBehindThePurgedLogCatchesUpFromAPeersBlocksAndChecksTheirRoots() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.snapshotEvery = 10;
            cluster.keepLogEntries = 2;
            cluster.logSegmentBytes = 4096;
            cluster.startAll();
            String leader = cluster.awaitLeader();
            String absent = cluster.members().stream().map(ClusterMember::id).filter(id -> !id.equals(leader))
                    .findFirst().orElseThrow();
            cluster.stop(absent);
            long behind = cluster.node(absent).chain.head().number();
            Hash last = null;
            for (int nonce = 0; nonce < 60; nonce++) {
                last = cluster.node(leader).member.submit(transfer(5, nonce).encode());
                Hash h = last;
                await("block with transfer " + h, () -> cluster.node(leader).chain.receipt(h).isPresent());
            }
            assertThat(cluster.node(leader).chain.head().number()).isGreaterThanOrEqualTo(behind + 60);
            cluster.start(absent);
            Hash wanted = last;
            await("the returning member has the last transfer", () -> cluster.node(absent).chain.receipt(wanted).isPresent());
            assertThat(cluster.node(absent).member.blocksFetched())
                    .as("blocks fetched from a peer because the log was purged").isPositive();
            long head = cluster.node(absent).chain.head().number();
            assertThat(cluster.node(absent).chain.header(head).orElseThrow().stateRoot())
                    .isEqualTo(cluster.node(leader).chain.header(head).orElseThrow().stateRoot());
            // And it follows the log again afterwards.
            Hash next = cluster.node(leader).member.submit(transfer(5, 60).encode());
            await("it applies new blocks from the log", () -> cluster.node(absent).chain.receipt(next).isPresent());
        }
    }

    @Test
    void aMemberWithACertificateFromAnotherCaCannotJoin() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.start("n1");
            cluster.start("n2");
            DevCertificateAuthority intruderCa = DevCertificateAuthority.create("not the park's CA");
            cluster.start("n3", Genesis.dev(), intruderCa, OptionalLong.empty());
            String leader = cluster.awaitLeader();
            assertThat(leader).isNotEqualTo("n3");
            Hash h = cluster.node(leader).member.submit(transfer(6, 0).encode());
            await("n1 and n2 mine the transfer", () -> cluster.node("n1").chain.receipt(h).isPresent()
                    && cluster.node("n2").chain.receipt(h).isPresent());
            Thread.sleep(2_000);
            TestCluster.Node n3 = cluster.node("n3");
            assertThat(n3.chain.head().number()).as("n3 received no block").isZero();
            assertThat(n3.member.status().leader()).as("n3 never heard a leader").isNull();
            assertThat(n3.member.status().role()).isNotEqualTo("LEADER");
        }
    }
}
