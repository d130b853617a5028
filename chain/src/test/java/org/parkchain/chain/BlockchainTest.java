package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.ChainFixture.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.evm.ContractAddress;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;

class BlockchainTest {
    @TempDir
    Path dir;

    private final BlockExecutor executor = executor();

    static ExecutedBlock next(Blockchain chain, BlockExecutor executor, List<Transaction> txs) {
        BlockExecutor.Built built = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), txs,
                proposal(chain.head().timestamp() + 12));
        assertThat(built.skipped()).isEmpty();
        return built.block();
    }

    @Test
    void appendedBlocksAreFoundByNumberHashAndTransactionWithJsonRpcReceiptFields() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis());
        List<Blockchain.NewBlock> heard = new ArrayList<>();
        chain.addListener(heard::add);
        Transaction pay = transfer(ALICE, 0, CAROL, 7);
        Transaction log1 = call(ALICE, 1, LOGGER, 50_000);
        Transaction log2 = call(BOB, 0, LOGGER, 50_000);
        Transaction deploy = create(BOB, 1, DEPLOY_STOP);
        ExecutedBlock executed = next(chain, executor, List.of(pay, log1, log2, deploy));
        chain.append(executed);
        Block block = executed.block();

        assertThat(chain.head()).isEqualTo(block.header());
        assertThat(chain.header(1)).contains(block.header());
        assertThat(chain.header(2)).isEmpty();
        assertThat(chain.block(block.hash()).orElseThrow().transactions()).containsExactly(pay, log1, log2, deploy);
        assertThat(chain.block(0).orElseThrow().header()).isEqualTo(chain.genesisHeader());

        ChainTransaction found = chain.transaction(log2.hash()).orElseThrow();
        assertThat(found.transaction()).isEqualTo(log2);
        assertThat(found.blockHash()).isEqualTo(block.hash());
        assertThat(found.blockNumber()).isEqualTo(1);
        assertThat(found.index()).isEqualTo(2);

        TransactionReceipt r2 = chain.receipt(log2.hash()).orElseThrow();
        TransactionReceipt r1 = chain.receipt(log1.hash()).orElseThrow();
        assertThat(r2.transactionIndex()).isEqualTo(2);
        assertThat(r2.from()).isEqualTo(BOB.address());
        assertThat(r2.to()).contains(LOGGER);
        assertThat(r2.gasUsed()).isEqualTo(r2.cumulativeGasUsed() - r1.cumulativeGasUsed());
        assertThat(r2.effectiveGasPrice()).isEqualTo(log2.effectiveGasPrice(block.header().baseFeePerGas()));
        // Log indexes count across the block: log1's log is 0, log2's is 1.
        assertThat(r1.logs()).singleElement().satisfies(l -> assertThat(l.logIndex()).isZero());
        assertThat(r2.logs()).singleElement().satisfies(l -> {
            assertThat(l.logIndex()).isEqualTo(1);
            assertThat(l.transactionHash()).isEqualTo(log2.hash());
            assertThat(l.blockNumber()).isEqualTo(1);
        });
        TransactionReceipt rDeploy = chain.receipt(deploy.hash()).orElseThrow();
        assertThat(rDeploy.contractAddress()).contains(ContractAddress.forCreate(BOB.address(), 1));
        assertThat(chain.receipt(pay.hash()).orElseThrow().contractAddress()).isEmpty();
        assertThat(chain.receipt(Hash.ZERO)).isEmpty();
        assertThat(chain.transactionReceipts(block.hash()).orElseThrow()).hasSize(4);

        assertThat(heard).singleElement().satisfies(e -> {
            assertThat(e.block().hash()).isEqualTo(block.hash());
            assertThat(e.receipts()).hasSize(4);
        });
        assertThat(chain.state(chain.head()).balance(CAROL)).isEqualTo(UInt256.of(7));
        // The state at an older block is still there.
        assertThat(chain.state(chain.genesisHeader()).balance(CAROL)).isEqualTo(UInt256.ZERO);
    }

    @Test
    void appendRefusesABlockThatDoesNotFollowTheHead() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis());
        ExecutedBlock first = next(chain, executor, List.of(transfer(ALICE, 0, CAROL, 1)));
        chain.append(first);
        assertThatThrownBy(() -> chain.append(first)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not follow the head 1");
        assertThat(chain.head()).isEqualTo(first.block().header());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheChain() {
        Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis());
        chain.addListener(e -> {
            throw new IllegalStateException("subscriber bug");
        });
        chain.append(next(chain, executor, List.of()));
        assertThat(chain.head().number()).isEqualTo(1);
    }

    @Test
    void rocksDbReopensAtTheSameHeadWithTheSameStateAndReceipts() {
        Path data = dir.resolve("chain");
        Hash head;
        Hash stateRoot;
        List<Transaction> sent = new ArrayList<>();
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            for (int i = 0; i < 3; i++) {
                Transaction tx = transfer(ALICE, i, CAROL, 10 + i);
                Transaction log = call(BOB, i, LOGGER, 50_000);
                sent.add(tx);
                sent.add(log);
                chain.append(next(chain, executor, List.of(tx, log)));
            }
            head = chain.head().hash();
            stateRoot = chain.head().stateRoot();
        }
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            assertThat(chain.head().hash()).isEqualTo(head);
            assertThat(chain.head().number()).isEqualTo(3);
            assertThat(chain.head().stateRoot()).isEqualTo(stateRoot);
            assertThat(chain.state(chain.head()).balance(CAROL)).isEqualTo(UInt256.of(10 + 11 + 12));
            for (Transaction tx : sent) {
                assertThat(chain.receipt(tx.hash())).as("receipt of %s", tx.hash()).hasValueSatisfying(r -> assertThat(r.success()).isTrue());
            }
            // The chain goes on from where it stopped, and a fresh replay of every block gives the same roots.
            chain.append(next(chain, executor, List.of(transfer(ALICE, 3, CAROL, 1))));
            assertThat(chain.head().number()).isEqualTo(4);
            Blockchain fresh = Blockchain.open(new InMemoryChainStore(), genesis());
            for (long n = 1; n <= chain.head().number(); n++) {
                Block block = chain.block(n).orElseThrow();
                fresh.append(executor.replay(fresh.head(), fresh.nodes(), fresh.blockHashes(), block));
            }
            assertThat(fresh.head().hash()).isEqualTo(chain.head().hash());
        }
    }

    @Test
    void aStoreStartedFromAnotherGenesisIsRefused() {
        Path data = dir.resolve("chain");
        Blockchain.open(RocksDbChainStore.open(data), genesis()).close();
        RocksDbChainStore store = RocksDbChainStore.open(data);
        try {
            assertThatThrownBy(() -> Blockchain.open(store, Genesis.dev()))
                    .isInstanceOf(GenesisException.class).hasMessageContaining("was started from genesis");
        } finally {
            store.close();
        }
    }

    @Test
    void aBlockWhoseBatchWasNeverCommittedLeavesTheOldHead() {
        Path data = dir.resolve("chain");
        Hash firstHead;
        ExecutedBlock second;
        try (RocksDbChainStore store = RocksDbChainStore.open(data)) {
            Blockchain chain = Blockchain.open(store, genesis());
            chain.append(next(chain, executor, List.of(transfer(ALICE, 0, CAROL, 1))));
            firstHead = chain.head().hash();
            second = next(chain, executor, List.of(transfer(ALICE, 1, CAROL, 2)));
            Block b = second.block();
            // A crash between preparing the block's batch and writing it: the batch is dropped.
            try (org.rocksdb.WriteBatch unwritten = store.prepare(new ChainStore.BlockWrite(b.hash(), b.number(),
                    b.header().encode(), b.encodeBody(), Blockchain.encodeReceipts(second.receipts()),
                    List.of(b.transactions().get(0).hash()), second.stateNodes()))) {
                assertThat(unwritten.count()).isGreaterThan(5);
            }
        }
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            assertThat(chain.head().hash()).isEqualTo(firstHead);
            assertThat(chain.block(second.block().hash())).isEmpty();
            assertThat(chain.transaction(second.block().transactions().get(0).hash())).isEmpty();
            // The same block can be written now, in full.
            chain.append(second);
            assertThat(chain.head().number()).isEqualTo(2);
        }
    }

    @Test
    void aLockedDataFolderGivesAClearError() {
        Path data = dir.resolve("chain");
        try (RocksDbChainStore first = RocksDbChainStore.open(data)) {
            assertThatThrownBy(() -> RocksDbChainStore.open(data)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot open the chain database in " + data);
        }
    }

    @Test
    void auxEntriesOfIndexersAndCallersLandWithTheirBlockAndSurviveAReopen() {
        Path data = dir.resolve("chain");
        byte[] applied = ascii("raft/applied");
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            chain.addIndexer((block, receipts) -> List.of(
                    new ChainStore.AuxEntry(ascii("idx/block/" + block.number()), ascii(block.transactions().size() + " txs"))));
            chain.append(next(chain, executor, List.of(transfer(ALICE, 0, CAROL, 1))),
                    List.of(new ChainStore.AuxEntry(applied, ascii("1"))));
            chain.append(next(chain, executor, List.of()), List.of(new ChainStore.AuxEntry(applied, ascii("2"))));
            chain.writeAux(List.of(new ChainStore.AuxEntry(ascii("idx/built"), ascii("yes"))));
        }
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            assertThat(chain.aux(applied)).hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("2")));
            assertThat(chain.auxRange(ascii("idx/block/"), ascii("idx/block/"), 10))
                    .extracting(e -> new String(e.value(), java.nio.charset.StandardCharsets.US_ASCII))
                    .containsExactly("1 txs", "0 txs");
            // Ranges stop at the prefix's end and at the limit, and start at "from".
            assertThat(chain.auxRange(ascii("idx/"), ascii("idx/"), 10)).hasSize(3);
            assertThat(chain.auxRange(ascii("idx/"), ascii("idx/block/2"), 10)).hasSize(2);
            assertThat(chain.auxRange(ascii("idx/"), ascii("idx/"), 1)).hasSize(1);
            assertThat(chain.aux(ascii("raft/missing"))).isEmpty();
        }
    }

    @Test
    void inMemoryStoreOrdersAuxKeysAsRocksDbDoes() {
        InMemoryChainStore store = new InMemoryChainStore();
        store.writeAux(List.of(new ChainStore.AuxEntry(new byte[] {1, (byte) 0x80}, new byte[] {2}),
                new ChainStore.AuxEntry(new byte[] {1, 0x7f}, new byte[] {1}),
                new ChainStore.AuxEntry(new byte[] {2}, new byte[] {3})));
        // Unsigned byte order: 0x7f before 0x80, and the prefix 0x01 excludes 0x02.
        assertThat(store.auxRange(new byte[] {1}, new byte[] {1}, 10)).extracting(e -> e.value()[0])
                .containsExactly((byte) 1, (byte) 2);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
