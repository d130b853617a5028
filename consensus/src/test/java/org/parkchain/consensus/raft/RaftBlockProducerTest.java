package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.consensus.raft.TestCluster.await;
import static org.parkchain.consensus.raft.TestCluster.transfer;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.consensus.BlockProposer;
import org.parkchain.consensus.SequencerConfig;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;

/** The leader's producer without Ratis: what it submits while its block is not committed. */
class RaftBlockProducerTest {
    private final Blockchain chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev());
    private final BlockExecutor executor = new BlockExecutor(chain.chainId(), chain.forks(), NativeContracts.NONE,
            TransactionAdmission.OPEN);
    private final TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain),
            TransactionAdmission.OPEN);
    private final SequencerConfig instant = SequencerConfig.instant(Address.fromLong(0xc0ffee));

    @AfterEach
    void close() {
        pool.close();
        chain.close();
    }

    @Test
    void aLeaderWhoseBlockIsNotCommittedKeepsThatOneBlockInFlightUntilItStops() throws Exception {
        BlockApplier applier = new BlockApplier(chain, executor, pool,
                new ChainIdentity(chain.chainId(), chain.genesisHeader().hash()), OptionalLong.empty());
        List<byte[]> submitted = new CopyOnWriteArrayList<>();
        CompletableFuture<String> neverCommitted = new CompletableFuture<>(); // a leader cut off from its quorum
        RaftBlockProducer producer = new RaftBlockProducer(chain, pool, applier,
                new BlockProposer(chain, executor, pool, instant, System::currentTimeMillis), instant, entry -> {
                    submitted.add(entry);
                    return neverCommitted;
                }, System::currentTimeMillis);
        pool.submit(transfer(1, 0));
        producer.start();
        await("the first block is submitted", () -> submitted.size() == 1);
        pool.submit(transfer(1, 1));

        // Longer than the 10 s after which the producer used to build and submit another block on the same head,
        // each one more uncommitted entry that the next leader has to truncate from this member's log.
        Thread.sleep(12_000);
        assertThat(submitted).as("entries submitted while the first is not committed").hasSize(1);

        producer.stop();
        assertThat(producer.isProducing()).isFalse();
        assertThat(submitted).hasSize(1);
    }
}
