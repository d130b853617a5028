package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.consensus.raft.TestCluster.await;
import static org.parkchain.consensus.raft.TestCluster.transfer;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ExecutedBlock;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/** A follower whose chain is not the leader's halts and says so, instead of staying behind in silence. */
class LeaderAgreementTest {
    @TempDir
    Path dir;

    @Test
    void theSameBlockAtTheHeadOrNoneYetAtTheLeaderIsAgreement() {
        try (Blockchain chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev())) {
            BlockHeader one = forge(chain, 0xaa).block().header();
            BlockApplier.Position at = new BlockApplier.Position(2, 9);
            assertThat(LeaderAgreement.divergence("n1", one, at, new ClusterMessages.CanonicalAnswer(5, one.hash()))).isEmpty();
            assertThat(LeaderAgreement.divergence("n1", one, at, new ClusterMessages.CanonicalAnswer(0, Hash.ZERO)))
                    .as("the leader has not applied that height yet").isEmpty();
            assertThat(LeaderAgreement.divergence("n1", chain.genesisHeader(), at,
                    new ClusterMessages.CanonicalAnswer(5, Hash.ZERO))).isEmpty();
        }
    }

    @Test
    void anotherBlockAtTheLeaderNamesTheHeightBothHashesAndTheRecovery() {
        try (Blockchain chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev())) {
            BlockHeader own = forge(chain, 0xaa).block().header();
            Hash leaders = forge(chain, 0xbb).block().hash();
            String reason = LeaderAgreement.divergence("n1", own, new BlockApplier.Position(2, 9),
                    new ClusterMessages.CanonicalAnswer(7, leaders)).orElseThrow();
            assertThat(reason).startsWith("diverged from the cluster at block 1: ").contains(own.hash().toString())
                    .contains("log index 9, term 2").contains("the leader n1 has " + leaders).contains("re-sync");
        }
    }

    @Test
    void aFollowerThatAppliedABlockTheClusterDoesNotHaveHaltsAndIsUnhealthy() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, 3)) {
            cluster.startAll();
            String leader = cluster.awaitLeader();
            Hash first = cluster.node(leader).member.submit(transfer(1, 0).encode());
            for (TestCluster.Node n : cluster.nodes.values()) {
                await("every member has the first block", () -> n.chain.receipt(first).isPresent());
            }
            String follower = cluster.nodes.keySet().stream()
                    .filter(id -> !id.equals(leader) && !cluster.node(id).member.isLeader()).findFirst().orElseThrow();
            cluster.stop(follower);
            // What an old leader had after Ratis counted a follower for an entry it never wrote: a block at the next
            // height that the rest of the cluster does not have. The leader's blocks are no-ops on it from now on.
            TestCluster.Node forked = cluster.node(follower);
            ExecutedBlock forged = forge(forked.chain, 0xbad);
            forked.chain.append(forged);
            cluster.start(follower);

            String now = cluster.awaitLeader();
            Hash second = cluster.node(now).member.submit(transfer(1, 1).encode());
            await("the cluster mines on", () -> cluster.node(now).chain.receipt(second).isPresent());
            await("the forked follower halts", () -> cluster.node(follower).member.halted().isPresent());

            assertThat(cluster.node(follower).member.halted().orElseThrow())
                    .startsWith("diverged from the cluster at block 2: this member applied " + forged.block().hash())
                    .contains("has " + cluster.node(now).chain.header(2).orElseThrow().hash());
            assertThat(cluster.node(follower).member.health().healthy()).isFalse();
            assertThat(cluster.node(follower).member.status().diverged()).startsWith("diverged from the cluster");
        }
    }

    /** An empty block on the head of {@code chain} with its own coinbase: a block no other member made. */
    private static ExecutedBlock forge(Blockchain chain, long coinbase) {
        BlockExecutor executor = new BlockExecutor(chain.chainId(), chain.forks(),
                org.parkchain.evm.NativeContracts.NONE, org.parkchain.chain.TransactionAdmission.OPEN);
        return executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(),
                new BlockExecutor.Proposal(Address.fromLong(coinbase), chain.head().timestamp() + 1, new byte[0])).block();
    }
}
