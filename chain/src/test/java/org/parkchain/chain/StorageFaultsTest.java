package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.ChainFixture.*;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.primitives.Hash;

/**
 * Storage faults are loud: a damaged chain database is refused with a one-line error naming what is wrong — never
 * silently a new chain, never a deleted file — and a log that lost its last block says so.
 */
class StorageFaultsTest {
    @TempDir
    Path dir;

    private final BlockExecutor executor = executor();

    private Path chainWithBlocks(int blocks) {
        Path data = dir.resolve("chain");
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), genesis())) {
            for (int i = 0; i < blocks; i++) {
                chain.append(BlockchainTest.next(chain, executor, List.of(transfer(ALICE, i, CAROL, 10))));
            }
        }
        return data;
    }

    private static List<String> files(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDatabaseWithoutItsCurrentFileIsRefusedAndLeftAsItWas() throws IOException {
        Path data = chainWithBlocks(2);
        Files.delete(data.resolve("CURRENT"));
        try (Stream<Path> logs = Files.list(data)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
        List<String> before = files(data);
        assertThatThrownBy(() -> RocksDbChainStore.open(data)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged: its CURRENT file is missing").hasMessageContaining("nothing was changed");
        assertThat(files(data)).isEqualTo(before);
    }

    @Test
    void aLogThatLostItsLastBlockIsReportedWithTheBlockItRecoveredTo() throws IOException {
        Path data = chainWithBlocks(3);
        Path log;
        try (Stream<Path> logs = Files.list(data)) {
            log = logs.filter(p -> p.toString().endsWith(".log")).max(Comparator.naturalOrder()).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(file.length() - 40); // the last record (block 3) is cut short
        }
        try (RocksDbChainStore store = RocksDbChainStore.open(data)) {
            assertThat(store.recoveredFromDamagedLog()).isTrue();
            Blockchain chain = Blockchain.open(store, genesis());
            assertThat(chain.head().number()).isEqualTo(2);
        }
        // A clean reopen afterwards has nothing to report.
        try (RocksDbChainStore store = RocksDbChainStore.open(data)) {
            assertThat(store.recoveredFromDamagedLog()).isFalse();
        }
    }

    @Test
    void aSoundStoreChecksClean() {
        Path data = chainWithBlocks(3);
        try (RocksDbChainStore store = RocksDbChainStore.openReadOnly(data)) {
            ChainCheck.Report report = ChainCheck.full(store);
            assertThat(report.problems()).isEmpty();
            assertThat(report.headNumber()).isEqualTo(3);
            assertThat(report.blocksChecked()).isEqualTo(4);
            assertThat(report.stateEntries()).isPositive();
        }
    }

    @Test
    void aHeadWithoutItsStateOrParentIsFound() {
        InMemoryChainStore store = new InMemoryChainStore();
        Blockchain chain = Blockchain.open(store, genesis());
        BlockHeader genesisHeader = chain.head();
        // A block whose state root and parent are nowhere in the store, written as the head.
        BlockHeader orphan = new BlockHeader(Hash.wrap(new byte[32]), BlockHeader.EMPTY_OMMERS_HASH, COINBASE,
                Hash.wrap(filled(7)), genesisHeader.transactionsRoot(), genesisHeader.receiptsRoot(),
                genesisHeader.logsBloom(), genesisHeader.difficulty(), 5, genesisHeader.gasLimit(), 0,
                genesisHeader.timestamp() + 5, new byte[0], genesisHeader.mixHash(), 0, genesisHeader.baseFeePerGas(),
                genesisHeader.withdrawalsRoot(), 0, 0, genesisHeader.parentBeaconBlockRoot());
        Block block = new Block(orphan, List.of());
        store.write(new ChainStore.BlockWrite(orphan.hash(), 5, orphan.encode(), block.encodeBody(),
                Blockchain.encodeReceipts(List.of()), List.of(), new org.parkchain.state.WriteBatch()));
        assertThat(ChainCheck.quick(store).problems()).singleElement().asString()
                .contains("the state root 0x0707").contains("of the head block 5 is missing");
        assertThat(ChainCheck.full(store).problems()).anySatisfy(p -> assertThat(p).contains("block 5's parent"));
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }
}
