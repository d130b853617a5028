package org.parkchain.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;

/** The applier without Ratis: what one committed block entry does to a member's chain. */
class BlockApplierTest {
    private final Blockchain producerChain = Blockchain.open(new InMemoryChainStore(), Genesis.dev());
    private final Blockchain chain = Blockchain.open(new InMemoryChainStore(), Genesis.dev());
    private final BlockExecutor executor = new BlockExecutor(chain.chainId(), chain.forks(), NativeContracts.NONE, TransactionAdmission.OPEN);
    private final TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain),
            TransactionAdmission.OPEN);
    private final ChainIdentity identity = new ChainIdentity(chain.chainId(), chain.genesisHeader().hash());

    @AfterEach
    void close() {
        pool.close();
        chain.close();
        producerChain.close();
    }

    /** The next block of the producer's chain, with one transfer, appended there. */
    private Block produce(int account, long nonce) {
        BlockExecutor.Built built = executor.build(producerChain.head(), producerChain.nodes(), producerChain.blockHashes(),
                List.of(TestCluster.transfer(account, nonce)),
                new BlockExecutor.Proposal(Address.fromLong(0xc0ffee), producerChain.head().timestamp() + 1, new byte[0]));
        producerChain.append(built.block());
        return built.block().block();
    }

    private BlockApplier applier(OptionalLong corruptAt) {
        return new BlockApplier(chain, executor, pool, identity, corruptAt);
    }

    @Test
    void appendsAFollowingBlockWithItsLogPositionInTheSameWrite() {
        BlockApplier applier = applier(OptionalLong.empty());
        Block b1 = produce(0, 0);
        BlockApplier.Outcome outcome = applier.apply(new BlockApplier.Position(2, 7), new ClusterMessages.BlockEntry(identity, b1));
        assertThat(outcome).isInstanceOf(BlockApplier.Outcome.Appended.class);
        assertThat(chain.head().hash()).isEqualTo(b1.hash());
        assertThat(applier.durablePosition()).isEqualTo(new BlockApplier.Position(2, 7));
        assertThat(applier.positionOf(1)).contains(new BlockApplier.Position(2, 7));
    }

    @Test
    void aBlockWhoseParentIsNotTheHeadIsANoOp() {
        BlockApplier applier = applier(OptionalLong.empty());
        Block b1 = produce(0, 0);
        Block b2 = produce(0, 1);
        // A deposed leader's block (or one applied again after a restart) does not follow the head: nothing changes.
        BlockApplier.Outcome skipped = applier.apply(new BlockApplier.Position(1, 3), new ClusterMessages.BlockEntry(identity, b2));
        assertThat(skipped).isInstanceOf(BlockApplier.Outcome.Stale.class);
        assertThat(chain.head().number()).isZero();
        assertThat(applier.durablePosition().index()).isEqualTo(-1);
        applier.apply(new BlockApplier.Position(1, 4), new ClusterMessages.BlockEntry(identity, b1));
        BlockApplier.Outcome again = applier.apply(new BlockApplier.Position(1, 5), new ClusterMessages.BlockEntry(identity, b1));
        assertThat(again).isInstanceOf(BlockApplier.Outcome.Stale.class);
        assertThat(chain.head().hash()).isEqualTo(b1.hash());
        assertThat(applier.halted()).isEmpty();
    }

    @Test
    void anEntryOfAnotherChainHaltsNamingBothGenesisHashes() {
        BlockApplier applier = applier(OptionalLong.empty());
        ChainIdentity other = new ChainIdentity(375, Hash.fromHex("0x" + "ab".repeat(32)));
        BlockApplier.Outcome outcome = applier.apply(new BlockApplier.Position(1, 1), new ClusterMessages.BlockEntry(other, produce(0, 0)));
        assertThat(outcome).isInstanceOf(BlockApplier.Outcome.Halted.class);
        assertThat(applier.halted().orElseThrow()).contains(other.genesisHash().toString(), identity.genesisHash().toString(),
                "chain id 375", "chain id " + chain.chainId());
        assertThat(chain.head().number()).isZero();
    }

    @Test
    void aCorruptedStateWriteIsReportedAsDivergenceNamingBothRootsAndStopsApplication() {
        BlockApplier applier = applier(OptionalLong.of(2));
        Block b1 = produce(0, 0);
        Block b2 = produce(0, 1);
        Block b3 = produce(0, 2);
        assertThat(applier.apply(new BlockApplier.Position(1, 1), new ClusterMessages.BlockEntry(identity, b1)))
                .isInstanceOf(BlockApplier.Outcome.Appended.class);
        BlockApplier.Outcome outcome = applier.apply(new BlockApplier.Position(1, 2), new ClusterMessages.BlockEntry(identity, b2));
        assertThat(outcome).isInstanceOf(BlockApplier.Outcome.Halted.class);
        String reason = applier.halted().orElseThrow();
        assertThat(reason).startsWith("diverged at block 2").contains("state root", b2.header().stateRoot().toString());
        // Stopped for good: the next block is not applied either.
        assertThat(applier.apply(new BlockApplier.Position(1, 3), new ClusterMessages.BlockEntry(identity, b3)))
                .isInstanceOf(BlockApplier.Outcome.Halted.class);
        assertThat(chain.head().number()).isEqualTo(1);
    }
}
