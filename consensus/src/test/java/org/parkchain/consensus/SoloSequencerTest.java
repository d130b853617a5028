package org.parkchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.Block;
import org.parkchain.chain.BlockExecutor;
import org.parkchain.chain.Blockchain;
import org.parkchain.chain.ChainStore;
import org.parkchain.chain.StoreException;
import org.parkchain.state.NodeStore;
import java.util.concurrent.atomic.AtomicInteger;
import org.parkchain.chain.Genesis;
import org.parkchain.chain.InMemoryChainStore;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.ChainPoolHead;
import org.parkchain.chain.pool.PoolConfig;
import org.parkchain.chain.pool.TransactionPool;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;

class SoloSequencerTest {
    private static final UInt256 GWEI = UInt256.of(1_000_000_000L);
    private static final Address COINBASE = Address.fromLong(0xc0ffee);
    private static final Address RECIPIENT = Address.fromLong(0xbeef);
    private final List<PrivateKey> keys = Genesis.devKeys();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Blockchain chain;
    private TransactionPool pool;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private SoloSequencer sequencer(Genesis genesis, SequencerConfig config) {
        return sequencer(genesis, config, TransactionAdmission.OPEN);
    }

    /** A chain from {@code genesis}, a pool on it and a sequencer whose executor applies {@code blockRule}. */
    private SoloSequencer sequencer(Genesis genesis, SequencerConfig config, TransactionAdmission blockRule) {
        return sequencer(new InMemoryChainStore(), genesis, config, blockRule);
    }

    private SoloSequencer sequencer(ChainStore store, Genesis genesis, SequencerConfig config, TransactionAdmission blockRule) {
        chain = Blockchain.open(store, genesis);
        open.add(chain);
        pool = new TransactionPool(PoolConfig.DEFAULT, chain.chainId(), ChainPoolHead.of(chain), TransactionAdmission.OPEN);
        open.add(pool);
        BlockExecutor executor = new BlockExecutor(chain.chainId(), NativeContracts.NONE, blockRule);
        SoloSequencer sequencer = new SoloSequencer(chain, executor, pool, config);
        open.add(sequencer);
        return sequencer;
    }

    private Transaction transfer(int account, long nonce, UInt256 maxFee, UInt256 tip) {
        return transfer(account, nonce, maxFee, tip, 21_000);
    }

    /** A plain transfer (it uses 21,000 gas) that declares {@code gasLimit}, as wallets add a margin. */
    private Transaction transfer(int account, long nonce, UInt256 maxFee, UInt256 tip, long gasLimit) {
        return Transaction.builder(TransactionType.DYNAMIC_FEE)
                .chainId(Genesis.DEV_CHAIN_ID)
                .nonce(nonce)
                .maxFeePerGas(maxFee)
                .maxPriorityFeePerGas(tip)
                .gasLimit(gasLimit)
                .to(RECIPIENT)
                .value(UInt256.ONE)
                .sign(keys.get(account));
    }

    private Transaction transfer(int account, long nonce) {
        return transfer(account, nonce, GWEI.mul(UInt256.of(10)), GWEI);
    }

    private Hash submit(Transaction tx) {
        return pool.submit(tx.encode());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    private List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (long n = 1; n <= chain.head().number(); n++) {
            out.add(chain.block(n).orElseThrow());
        }
        return out;
    }

    /** The dev genesis with another gas limit, to make blocks fill up with a few transfers. */
    private static Genesis devWithGasLimit(long gasLimit) {
        StringBuilder alloc = new StringBuilder();
        for (Address a : Genesis.devAccounts()) {
            alloc.append(alloc.isEmpty() ? "" : ",").append('"').append(a.toHex()).append("\":{\"balance\":\"")
                    .append(Genesis.DEV_BALANCE.toBigInteger()).append("\"}");
        }
        return Genesis.parse("{\"chainId\":" + Genesis.DEV_CHAIN_ID + ",\"gasLimit\":" + gasLimit + ",\"baseFeePerGas\":\"1000000000\",\"alloc\":{" + alloc + "}}");
    }

    // ------------------------------------------------------------------------------------------------ instant

    @Test
    void instantModeMinesASubmittedTransaction() throws Exception {
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.instant(COINBASE));
        sequencer.start();
        Hash hash = submit(transfer(0, 0));
        await("the transfer has a receipt", () -> chain.receipt(hash).isPresent());
        assertThat(chain.receipt(hash).orElseThrow().success()).isTrue();
        assertThat(chain.head().number()).isEqualTo(1);
        assertThat(chain.head().coinbase()).isEqualTo(COINBASE);
        await("the pool forgot it", () -> pool.size() == 0);
        assertThat(pool.pendingNonce(keys.get(0).address())).isEqualTo(1);
        // Nothing else waits: no further (empty) blocks.
        Thread.sleep(100);
        assertThat(chain.head().number()).isEqualTo(1);
    }

    @Test
    void instantModeBatchesEverythingWaitingIntoOneBlock() throws Exception {
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.instant(COINBASE));
        List<Hash> hashes = new ArrayList<>();
        for (int account = 0; account < 5; account++) {
            for (int nonce = 0; nonce < 10; nonce++) {
                hashes.add(submit(transfer(account, nonce)));
            }
        }
        sequencer.start();
        await("all 50 are mined", () -> hashes.stream().allMatch(h -> chain.receipt(h).isPresent()));
        assertThat(chain.head().number()).isEqualTo(1);
        assertThat(chain.block(1L).orElseThrow().transactions()).hasSize(50);
    }

    @Test
    void instantModeSplitsWhatDoesNotFitOneBlockAcrossSeveral() throws Exception {
        // Room for four transfers per block.
        SoloSequencer sequencer = sequencer(devWithGasLimit(100_000), SequencerConfig.instant(COINBASE));
        List<Hash> hashes = new ArrayList<>();
        for (int nonce = 0; nonce < 10; nonce++) {
            hashes.add(submit(transfer(1, nonce, GWEI.mul(UInt256.of(100)), GWEI)));
        }
        sequencer.start();
        await("all 10 are mined", () -> hashes.stream().allMatch(h -> chain.receipt(h).isPresent()));
        assertThat(blocks()).extracting(b -> b.transactions().size()).containsExactly(4, 4, 2);
    }

    @Test
    void instantModeFillsBlocksByGasUsedNotByDeclaredLimits() throws Exception {
        // Each transfer declares 42,000 but uses 21,000. Counting declared limits, two fit a 100,000 block; by gas
        // used, three do (the fourth needs its whole 42,000 and only 37,000 are left, as in any EVM chain).
        SoloSequencer sequencer = sequencer(devWithGasLimit(100_000), SequencerConfig.instant(COINBASE));
        List<Hash> hashes = new ArrayList<>();
        for (int nonce = 0; nonce < 10; nonce++) {
            hashes.add(submit(transfer(1, nonce, GWEI.mul(UInt256.of(100)), GWEI, 42_000)));
        }
        sequencer.start();
        await("all 10 are mined", () -> hashes.stream().allMatch(h -> chain.receipt(h).isPresent()));
        assertThat(blocks()).extracting(b -> b.transactions().size()).containsExactly(3, 3, 3, 1);
    }

    @Test
    void aTransactionThatDoesNotFitTheRoomLeftKeepsItsSendersLaterNoncesPooled() throws Exception {
        SoloSequencer sequencer = sequencer(devWithGasLimit(100_000), SequencerConfig.instant(COINBASE));
        UInt256 maxFee = GWEI.mul(UInt256.of(100));
        List<Hash> hashes = new ArrayList<>();
        for (int nonce = 0; nonce < 3; nonce++) { // 63,000 of the block, best tip: first
            hashes.add(submit(transfer(1, nonce, maxFee, GWEI.mul(UInt256.of(5)))));
        }
        // Declares 50,000 with 37,000 left: deferred to the next block, and its successor with it.
        hashes.add(submit(transfer(2, 0, maxFee, GWEI, 50_000)));
        hashes.add(submit(transfer(2, 1, maxFee, GWEI)));
        sequencer.start();
        await("all 5 are mined", () -> hashes.stream().allMatch(h -> chain.receipt(h).isPresent()));
        assertThat(blocks()).extracting(b -> b.transactions().size()).containsExactly(3, 2);
    }

    @Test
    void instantModeMakesEmptyBlocksOnlyToBringTheBaseFeeDownToAWaitingTransaction() throws Exception {
        SoloSequencer sequencer = sequencer(devWithGasLimit(100_000), SequencerConfig.instant(COINBASE));
        // Block 1's base fee is 0.875 gwei (genesis used no gas). Four well-paying transfers fill it beyond its target
        // (50,000 gas), so block 2's rises to 0.949 gwei, above the 0.9 gwei fee cap of a fifth transfer that did not
        // fit: it must wait for an empty block to bring the base fee down again.
        for (int nonce = 0; nonce < 4; nonce++) {
            submit(transfer(2, nonce, GWEI.mul(UInt256.of(100)), GWEI.mul(UInt256.of(2))));
        }
        UInt256 feeCap = UInt256.of(900_000_000L);
        Hash patient = submit(transfer(3, 0, feeCap, UInt256.ZERO));
        sequencer.produceBlock(false);
        assertThat(chain.head().gasUsed()).isEqualTo(84_000);
        assertThat(chain.receipt(patient)).isEmpty();

        sequencer.start();
        await("the patient transfer is mined", () -> chain.receipt(patient).isPresent());
        List<Block> blocks = blocks();
        assertThat(blocks.get(1).transactions()).isEmpty();
        assertThat(blocks.getLast().transactions()).extracting(Transaction::hash).containsExactly(patient);
        assertThat(blocks.get(1).header().baseFeePerGas()).isGreaterThan(feeCap);
        assertThat(blocks.getLast().header().baseFeePerGas()).isLessThanOrEqualTo(feeCap);
        Thread.sleep(100);
        assertThat(chain.head().number()).isEqualTo(blocks.size()); // and then it stops
    }

    @Test
    void aTransactionTheBlockRefusesIsLeftOutAndProductionGoesOn() throws Exception {
        Address banned = keys.get(4).address();
        UInt256 forbidden = UInt256.of(2);
        TransactionAdmission blockRule = (state, block, tx) -> tx.value().equals(forbidden)
                ? Optional.of("permissioning: no transfers of 2 wei")
                : Optional.empty();
        // The pool admitted it (the rule allowed it then); by the time of the block it does not.
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.instant(COINBASE), blockRule);
        Hash refused = submit(Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(Genesis.DEV_CHAIN_ID).nonce(0)
                .maxFeePerGas(GWEI.mul(UInt256.of(10))).maxPriorityFeePerGas(GWEI).gasLimit(21_000).to(RECIPIENT)
                .value(forbidden).sign(keys.get(4)));
        Hash later = submit(transfer(4, 1));
        Hash fine = submit(transfer(5, 0));
        sequencer.start();
        await("the good transfer is mined", () -> chain.receipt(fine).isPresent());
        await("the refused one left the pool", () -> !pool.contains(refused));
        assertThat(chain.receipt(refused)).isEmpty();
        // Its successor cannot run before it: it waits in the queue.
        assertThat(pool.queued(banned)).extracting(p -> p.hash()).containsExactly(later);
        assertThat(pool.pendingCount()).isZero();

        Hash next = submit(transfer(5, 1));
        await("production continued", () -> chain.receipt(next).isPresent());
        assertThat(sequencer.isRunning()).isTrue();
    }

    @Test
    void aFailedBlockWriteIsRetriedAndNothingIsLost() throws Exception {
        FailingStore store = new FailingStore(new InMemoryChainStore());
        SoloSequencer sequencer = sequencer(store, Genesis.dev(), SequencerConfig.instant(COINBASE), TransactionAdmission.OPEN);
        store.failures.set(2); // the disk refuses the next two writes
        Hash first = submit(transfer(0, 0));
        Hash second = submit(transfer(0, 1));
        sequencer.start();
        await("both are mined after the store recovers", () -> chain.receipt(second).isPresent());
        assertThat(chain.receipt(first)).isPresent();
        assertThat(store.failures.get()).isZero();
        // The state the sequencer carries was rebuilt from the store: block 1 holds both, once, and the balances agree.
        assertThat(chain.head().number()).isEqualTo(1);
        assertThat(chain.state(chain.head()).balance(RECIPIENT)).isEqualTo(UInt256.of(2));
        assertThat(sequencer.isRunning()).isTrue();
    }

    /** A store whose writes fail while {@code failures} is positive, as a full disk would. */
    private static final class FailingStore implements ChainStore {
        final AtomicInteger failures = new AtomicInteger();
        private final ChainStore inner;

        FailingStore(ChainStore inner) {
            this.inner = inner;
        }

        @Override
        public void write(BlockWrite block) {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreException("disk full (test)");
            }
            inner.write(block);
        }

        @Override
        public Optional<Hash> head() {
            return inner.head();
        }

        @Override
        public Optional<byte[]> header(Hash blockHash) {
            return inner.header(blockHash);
        }

        @Override
        public Optional<byte[]> body(Hash blockHash) {
            return inner.body(blockHash);
        }

        @Override
        public Optional<byte[]> receipts(Hash blockHash) {
            return inner.receipts(blockHash);
        }

        @Override
        public Optional<Hash> canonicalHash(long number) {
            return inner.canonicalHash(number);
        }

        @Override
        public Optional<TransactionLocation> transactionLocation(Hash txHash) {
            return inner.transactionLocation(txHash);
        }

        @Override
        public NodeStore nodes() {
            return inner.nodes();
        }

        @Override
        public Optional<byte[]> aux(byte[] key) {
            return inner.aux(key);
        }

        @Override
        public java.util.List<AuxEntry> auxRange(byte[] prefix, byte[] from, int limit) {
            return inner.auxRange(prefix, from, limit);
        }

        @Override
        public void writeAux(java.util.List<AuxEntry> entries) {
            inner.writeAux(entries);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    // ------------------------------------------------------------------------------------------ fixed period

    @Test
    void fixedPeriodModeMakesABlockEveryPeriodEmptyOrNot() throws Exception {
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.period(100, COINBASE));
        sequencer.start();
        await("three empty blocks", () -> chain.head().number() >= 3);
        assertThat(blocks()).allSatisfy(b -> assertThat(b.transactions()).isEmpty());
        long emptyHeight = chain.head().number();
        Hash hash = submit(transfer(0, 0));
        await("mined in a later period", () -> chain.receipt(hash).isPresent());
        assertThat(chain.receipt(hash).orElseThrow().blockNumber()).isGreaterThan(emptyHeight);
        long before = chain.head().number();
        await("blocks keep coming", () -> chain.head().number() >= before + 2);
    }

    @Test
    void fixedPeriodModeWithoutEmptyBlocksWaitsForTransactions() throws Exception {
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.period(50, COINBASE).withEmptyBlocks(false));
        sequencer.start();
        Thread.sleep(300);
        assertThat(chain.head().number()).isZero();
        Hash hash = submit(transfer(0, 0));
        await("mined", () -> chain.receipt(hash).isPresent());
        long height = chain.head().number();
        Thread.sleep(300);
        assertThat(chain.head().number()).isEqualTo(height);
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Test
    void stopsCleanlyAndStartingOrStoppingTwiceIsHarmless() throws Exception {
        SoloSequencer sequencer = sequencer(Genesis.dev(), SequencerConfig.instant(COINBASE));
        sequencer.start();
        sequencer.start();
        Hash first = submit(transfer(0, 0));
        await("mined", () -> chain.receipt(first).isPresent());
        sequencer.close();
        sequencer.close();
        assertThat(sequencer.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("sequencer") && t.isAlive());

        Hash second = submit(transfer(0, 1));
        Thread.sleep(100);
        assertThat(chain.receipt(second)).isEmpty();
        assertThat(pool.contains(second)).isTrue();
    }

    @Test
    void rejectsANegativeBlockTime() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SequencerConfig.period(0, COINBASE))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SequencerConfig(-1, false, COINBASE, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
