package org.parkchain.explorer.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.RocksDbChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.NativeContracts;
import org.parkchain.explorer.abi.ParkAbiCatalog;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hex;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

/**
 * The index on a plain dev chain (no park) with a minimal ERC-20 stand-in: a contract whose every call emits
 * Transfer(caller, to, value) for call data (to, value). Blocks are built and appended directly, as the sequencer does.
 */
class ChainIndexTest {
    private static final List<PrivateKey> KEYS = Genesis.devKeys();
    private static final PrivateKey ALICE = KEYS.get(1);
    private static final PrivateKey BOB = KEYS.get(2);
    private static final Address CAROL = KEYS.get(3).address();
    /** Init code that returns the runtime: LOG3(mem[0..32] = calldata[32..64], Transfer, CALLER, calldata[0..32]). */
    private static final byte[] EMITTER = Hex.decode("0x6031600c60003960316000f3" + "602035600052600035337f" + ParkAbiCatalog.TRANSFER.toHex().substring(2) + "60206000a300");

    @TempDir
    Path dir;

    private final BlockExecutor executor = new BlockExecutor(Genesis.DEV_CHAIN_ID, Genesis.dev().forks(), NativeContracts.NONE,
            TransactionAdmission.OPEN);
    private final Map<Address, Long> nonces = new LinkedHashMap<>();

    private Transaction tx(PrivateKey from, Optional<Address> to, byte[] data) {
        long nonce = nonces.merge(from.address(), 1L, Long::sum) - 1;
        Transaction.Builder b = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID)
                .nonce(nonce).maxPriorityFeePerGas(UInt256.of(1_000_000_000L))
                .maxFeePerGas(UInt256.of(100_000_000_000L)).gasLimit(200_000).data(data);
        to.ifPresent(b::to);
        return b.sign(from);
    }

    private static byte[] transfer(Address to, long value) {
        byte[] data = new byte[64];
        System.arraycopy(to.toWord(), 0, data, 0, 32);
        System.arraycopy(UInt256.of(value).toBytes32(), 0, data, 32, 32);
        return data;
    }

    private void append(Blockchain chain, List<Transaction> txs) {
        BlockExecutor.Built built = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), txs,
                new BlockExecutor.Proposal(Address.ZERO, chain.head().timestamp() + 12, new byte[0]));
        assertThat(built.skipped()).isEmpty();
        chain.append(built.block());
    }

    /** Deploys the emitter, then: alice→bob 5 and 7 in one block, bob→carol 12, plus coin transfers; returns the token. */
    private Address play(Blockchain chain, int extraBlocks) {
        Address token = ContractAddress.forCreate(ALICE.address(), 0);
        append(chain, List.of(tx(ALICE, Optional.empty(), EMITTER)));
        append(chain, List.of(tx(ALICE, Optional.of(token), transfer(BOB.address(), 5)),
                tx(ALICE, Optional.of(token), transfer(BOB.address(), 7))));
        append(chain, List.of(tx(BOB, Optional.of(token), transfer(CAROL, 12))));
        for (int i = 0; i < extraBlocks; i++) {
            append(chain, List.of(tx(KEYS.get(4), Optional.of(CAROL), new byte[0]), tx(KEYS.get(5), Optional.of(CAROL), new byte[0])));
        }
        return token;
    }

    private static void awaitComplete(ChainIndex index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!index.progress().complete() || index.progress().rebuilding()) {
            assertThat(System.nanoTime()).as("index caught up in time: " + index.progress()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static Map<String, String> stored(Blockchain chain) {
        Map<String, String> last = new LinkedHashMap<>();
        ChainIndex.recompute(chain, chain.head().number())
                .forEach(e -> last.put(HexFormat.of().formatHex(e.key()), HexFormat.of().formatHex(e.value())));
        Map<String, String> actual = new LinkedHashMap<>();
        last.keySet().forEach(k -> actual.put(k, chain.aux(HexFormat.of().parseHex(k)).map(HexFormat.of()::formatHex).orElse("missing")));
        assertThat(actual).isEqualTo(last);
        return actual;
    }

    @Test
    void holdersAndTransfersFollowTheEventsWithinABlockAndAcrossBlocks() {
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(dir.resolve("c")), Genesis.dev());
             ChainIndex index = ChainIndex.attach(chain)) {
            Address token = play(chain, 0);
            awaitComplete(index);
            IndexReader reader = index.reader();
            // Bob got 5 + 7 in one block and passed all 12 on: he drops out of the holders, Carol holds 12.
            assertThat(reader.holders(token, Optional.empty(), 10).items())
                    .containsExactly(new IndexReader.Balance(token, CAROL, UInt256.of(12)));
            assertThat(reader.holderCount(token)).isEqualTo(1);
            assertThat(reader.holdings(BOB.address(), Optional.empty(), 10).items()).isEmpty();
            assertThat(reader.transfersOfToken(token, Optional.empty(), 10).items()).extracting(IndexedTransfer::value)
                    .containsExactly(UInt256.of(12), UInt256.of(7), UInt256.of(5));
            assertThat(reader.transactionsOf(BOB.address(), Optional.empty(), 10).items()).hasSize(3);
            assertThat(reader.tokens(Optional.empty(), 10).items()).containsExactly(token);
            stored(chain);
        }
    }

    @Test
    void aChainThatRanWithoutTheIndexIsRebuiltWhileNewBlocksArriveAndThenKeptInTheirBatches() throws Exception {
        Path data = dir.resolve("c");
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), Genesis.dev())) {
            play(chain, 150);
        }
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), Genesis.dev())) {
            assertThat(ChainIndex.storedHead(chain)).isEmpty();
            nonces.clear();
            nonces.put(KEYS.get(4).address(), 150L);
            nonces.put(KEYS.get(5).address(), 150L);
            try (ChainIndex index = ChainIndex.attach(chain)) {
                // Blocks keep arriving while the rebuild runs; none waits for it and none is missed.
                for (int i = 0; i < 20; i++) {
                    append(chain, List.of(tx(KEYS.get(4), Optional.of(CAROL), new byte[0])));
                }
                awaitComplete(index);
                assertThat(index.progress().indexedUpTo()).isEqualTo(chain.head().number());
                stored(chain);
                assertThat(index.reader().transactions(Optional.empty(), 500).items()).hasSize(4 + 300 + 20);
            }
        }
        // Reopened, the index is complete at once: nothing to rebuild.
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(data), Genesis.dev())) {
            assertThat(ChainIndex.storedHead(chain)).contains(chain.head().number());
        }
    }

    @Test
    void afterADevChainRewindTheIndexGoesOnFromTheNewBlocks() {
        try (Blockchain chain = Blockchain.open(new org.parkchain.chain.InMemoryChainStore(), Genesis.dev());
             ChainIndex index = ChainIndex.attach(chain)) {
            play(chain, 3);
            awaitComplete(index);
            chain.rewindTo(3);
            nonces.put(KEYS.get(4).address(), 0L);
            Transaction again = tx(KEYS.get(4), Optional.of(CAROL), new byte[0]);
            append(chain, List.of(again));
            append(chain, List.of(tx(KEYS.get(4), Optional.of(CAROL), new byte[0])));
            assertThat(index.progress().indexedUpTo()).isEqualTo(chain.head().number()).isEqualTo(5);
            assertThat(index.reader().transactions(Optional.empty(), 2).items()).extracting(IndexedTx::blockNumber)
                    .containsExactly(5L, 4L);
            assertThat(index.reader().transactionsOfBlock(4, Optional.empty(), 10).items()).extracting(IndexedTx::hash)
                    .contains(again.hash());
        }
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrOverlap() {
        try (Blockchain chain = Blockchain.open(RocksDbChainStore.open(dir.resolve("c")), Genesis.dev());
             ChainIndex index = ChainIndex.attach(chain)) {
            play(chain, 30);
            awaitComplete(index);
            List<IndexedTx> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                IndexReader.Page<IndexedTx> page = index.reader().transactionsOf(CAROL, cursor, 7);
                all.addAll(page.items());
                cursor = page.next();
            } while (cursor.isPresent());
            assertThat(all).hasSize(61).doesNotHaveDuplicates();
            assertThat(all).isSortedAccordingTo((a, b) -> a.blockNumber() != b.blockNumber()
                    ? Long.compare(b.blockNumber(), a.blockNumber()) : Integer.compare(b.index(), a.index()));
            assertThat(index.reader().transactionsOf(CAROL, Optional.empty(), 61).next()).isEmpty();
        }
    }
}
