package org.parkchain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.ChainFixture.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.BlockExecutor.SkipCause;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.evm.ContractAddress;
import org.parkchain.evm.NativeContracts;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;
import org.parkchain.primitives.tx.TransactionType;
import org.parkchain.state.WorldState;

class BlockExecutorTest {
    private final Blockchain chain = Blockchain.open(new InMemoryChainStore(), genesis());
    private final BlockExecutor executor = executor();

    private BlockExecutor.Built build(List<Transaction> candidates) {
        return executor.build(chain.head(), chain.nodes(), chain.blockHashes(), candidates, proposal(1_000));
    }

    @Test
    void buildsABlockOfTransfersCallsAndCreationsThatReplaysToTheSameRoots() {
        Transaction pay = transfer(ALICE, 0, CAROL, 5);
        Transaction log = call(ALICE, 1, LOGGER, 50_000);
        Transaction deploy = create(BOB, 0, DEPLOY_STOP);
        BlockExecutor.Built built = build(List.of(pay, log, deploy));

        assertThat(built.skipped()).isEmpty();
        ExecutedBlock executed = built.block();
        BlockHeader h = executed.block().header();
        assertThat(executed.block().transactions()).containsExactly(pay, log, deploy);
        assertThat(h.number()).isEqualTo(1);
        assertThat(h.parentHash()).isEqualTo(chain.head().hash());
        assertThat(h.timestamp()).isEqualTo(1_000);
        assertThat(h.baseFeePerGas()).isEqualTo(FeeMarket.nextBaseFee(chain.head()));
        assertThat(h.gasUsed()).isEqualTo(executed.receipts().get(2).cumulativeGasUsed());
        assertThat(executed.receipts()).allMatch(Receipt::success);
        assertThat(executed.receipts().get(0).type()).isEqualTo(TransactionType.DYNAMIC_FEE);
        assertThat(executed.receipts().get(1).logs()).hasSize(1);
        assertThat(executed.receipts().get(1).logs().get(0).topics()).containsExactly(Hash.fromHex("0x" + "00".repeat(31) + "aa"));
        assertThat(h.logsBloom().mayContain(LOGGER.toArray())).isTrue();
        assertThat(h.withdrawalsRoot()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
        assertThat(h.parentBeaconBlockRoot()).isEqualTo(Hash.ZERO);

        ExecutedBlock replayed = executor.replay(chain.head(), chain.nodes(), chain.blockHashes(), executed.block());
        assertThat(replayed.receipts()).isEqualTo(executed.receipts());
        // The block survives its own encoding.
        assertThat(Block.decode(executed.block().encode()).hash()).isEqualTo(h.hash());

        chain.append(executed);
        WorldState state = chain.state(chain.head());
        assertThat(state.balance(CAROL)).isEqualTo(UInt256.of(5));
        assertThat(state.nonce(ALICE.address())).isEqualTo(2);
        assertThat(state.code(ContractAddress.forCreate(BOB.address(), 0))).containsExactly(0);
        assertThat(state.balance(COINBASE)).isEqualTo(UInt256.of(0)
                .add(tip(pay, h, executed.receipts().get(0).cumulativeGasUsed()))
                .add(tip(log, h, executed.receipts().get(1).cumulativeGasUsed() - executed.receipts().get(0).cumulativeGasUsed()))
                .add(tip(deploy, h, executed.receipts().get(2).cumulativeGasUsed() - executed.receipts().get(1).cumulativeGasUsed())));
    }

    private static UInt256 tip(Transaction tx, BlockHeader h, long gas) {
        return tx.effectiveGasPrice(h.baseFeePerGas()).sub(h.baseFeePerGas()).mul(UInt256.of(gas));
    }

    @Test
    void skipsInvalidTransactionsWithTheirReasonsAndKeepsTheValidOnes() {
        Transaction good = transfer(ALICE, 0, CAROL, 1);
        Transaction gap = transfer(ALICE, 5, CAROL, 1);
        Transaction replayOfGood = transfer(ALICE, 0, CAROL, 2);
        Transaction otherChain = Transaction.builder(TransactionType.DYNAMIC_FEE).chainId(1).nonce(0)
                .maxFeePerGas(GWEI.mul(UInt256.of(3))).maxPriorityFeePerGas(GWEI).gasLimit(21_000).to(CAROL).sign(BOB);
        Transaction tooPoor = transfer(BOB, 0, CAROL, Long.MAX_VALUE).toBuilder()
                .value(Genesis.DEV_BALANCE).sign(BOB);
        Transaction underpriced = Transaction.builder(TransactionType.LEGACY).chainId(Genesis.DEV_CHAIN_ID).nonce(0)
                .gasPrice(UInt256.ONE).gasLimit(21_000).to(CAROL).sign(BOB);
        Transaction alsoGood = transfer(BOB, 0, CAROL, 3);

        BlockExecutor.Built built = build(List.of(good, gap, replayOfGood, otherChain, tooPoor, underpriced, alsoGood));

        assertThat(built.block().block().transactions()).containsExactly(good, alsoGood);
        assertThat(built.skipped()).extracting(BlockExecutor.Skipped::transaction)
                .containsExactly(gap, replayOfGood, otherChain, tooPoor, underpriced);
        assertThat(built.skipped()).allMatch(s -> s.cause() == SkipCause.REJECTED);
        assertThat(built.skipped()).extracting(s -> s.rejection().orElseThrow()).containsExactly(
                InvalidTransaction.NONCE_TOO_HIGH, InvalidTransaction.NONCE_TOO_LOW, InvalidTransaction.INVALID_CHAIN_ID,
                InvalidTransaction.INSUFFICIENT_FUNDS, InvalidTransaction.FEE_CAP_TOO_LOW);
        assertThat(built.skipped().get(0).detail()).isEqualTo("nonce 5, account has 1");
    }

    @Test
    void admissionPolicyRefusalsAreSkippedAndMakeAReplayFail() {
        TransactionAdmission noBob = (state, block, tx) -> tx.sender().equals(BOB.address())
                ? Optional.of("bob is blocked") : Optional.empty();
        BlockExecutor strict = new BlockExecutor(Genesis.DEV_CHAIN_ID, Genesis.DEFAULT_FORKS, NativeContracts.NONE, noBob);
        Transaction fromAlice = transfer(ALICE, 0, CAROL, 1);
        Transaction fromBob = transfer(BOB, 0, CAROL, 1);

        BlockExecutor.Built built = strict.build(chain.head(), chain.nodes(), chain.blockHashes(),
                List.of(fromBob, fromAlice), proposal(1_000));
        assertThat(built.block().block().transactions()).containsExactly(fromAlice);
        assertThat(built.skipped()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(SkipCause.NOT_ADMITTED);
            assertThat(s.detail()).isEqualTo("bob is blocked");
        });

        // A block the open executor built with Bob's transfer is refused by a node enforcing the policy.
        Block withBob = build(List.of(fromBob)).block().block();
        assertThatThrownBy(() -> strict.replay(chain.head(), chain.nodes(), chain.blockHashes(), withBob))
                .isInstanceOf(InvalidBlockException.class).hasMessageContaining("not admitted: bob is blocked");
    }

    @Test
    void stopsAtTheGasLimitAndSkipsATransactionThatDoesNotFit() {
        Blockchain small = Blockchain.open(new InMemoryChainStore(), genesisWithGasLimit(50_000));
        Transaction first = transfer(ALICE, 0, CAROL, 1);
        Transaction big = call(BOB, 0, LOGGER, 30_000);
        Transaction second = transfer(ALICE, 1, CAROL, 1);
        Transaction third = transfer(ALICE, 2, CAROL, 1);

        BlockExecutor.Built built = executor.build(small.head(), small.nodes(), small.blockHashes(),
                List.of(first, big, second, third), proposal(1));

        assertThat(built.block().block().transactions()).containsExactly(first, second);
        assertThat(built.block().block().header().gasUsed()).isEqualTo(42_000);
        // The 30,000-gas call did not fit in the 29,000 left; the third transfer was never tried (8,000 left).
        assertThat(built.skipped()).singleElement().satisfies(s -> {
            assertThat(s.transaction()).isEqualTo(big);
            assertThat(s.rejection()).contains(InvalidTransaction.BLOCK_GAS_EXHAUSTED);
        });
    }

    @Test
    void timestampsAlwaysIncrease() {
        BlockExecutor.Built built = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), List.of(),
                proposal(chain.head().timestamp()));
        assertThat(built.block().block().header().timestamp()).isEqualTo(chain.head().timestamp() + 1);
    }

    @Test
    void replayRefusesBlocksWhoseHeaderDoesNotMatchTheirExecution() {
        ExecutedBlock good = build(List.of(transfer(ALICE, 0, CAROL, 5))).block();
        BlockHeader h = good.block().header();
        List<BlockHeader> tampered = List.of(
                withStateRoot(h, Hash.ZERO),
                new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), h.stateRoot(), h.transactionsRoot(),
                        h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed() + 1,
                        h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(),
                        h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash()),
                new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), h.stateRoot(), h.transactionsRoot(),
                        h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(),
                        h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas().add(UInt256.ONE),
                        h.withdrawalsRoot(), h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash()));
        List<String> expected = List.of("state root", "gas used", "base fee");
        for (int i = 0; i < tampered.size(); i++) {
            Block bad = new Block(tampered.get(i), good.block().transactions());
            assertThatThrownBy(() -> executor.replay(chain.head(), chain.nodes(), chain.blockHashes(), bad))
                    .isInstanceOf(InvalidBlockException.class).hasMessageContaining(expected.get(i));
        }
        // The same header with a different transaction list fails on the transactions root or the gas used.
        Block swapped = new Block(h, List.of(transfer(ALICE, 0, CAROL, 6)));
        assertThatThrownBy(() -> executor.replay(chain.head(), chain.nodes(), chain.blockHashes(), swapped))
                .isInstanceOf(InvalidBlockException.class).hasMessageContaining("root");
    }

    @Test
    void aStateCarriedFromBlockToBlockGivesTheSameBlocksAsAFreshOne() {
        Blockchain carried = Blockchain.open(new InMemoryChainStore(), genesis());
        WorldState state = carried.state(carried.head());
        for (int n = 0; n < 3; n++) {
            List<Transaction> txs = List.of(transfer(ALICE, 2 * n, CAROL, n), call(ALICE, 2 * n + 1, LOGGER, 50_000),
                    call(BOB, n, LOGGER, 50_000));
            ExecutedBlock fromCarried = executor.build(carried.head(), state, carried.blockHashes(), txs, proposal(10 * (n + 1))).block();
            ExecutedBlock fromFresh = executor.build(chain.head(), chain.nodes(), chain.blockHashes(), txs, proposal(10 * (n + 1))).block();
            assertThat(fromCarried.block().hash()).isEqualTo(fromFresh.block().hash());
            carried.append(fromCarried);
            chain.append(fromFresh);
        }
        // A state that is not at the parent's root is refused rather than silently building a wrong block.
        WorldState stale = chain.state(chain.genesisHeader());
        assertThatThrownBy(() -> executor.build(chain.head(), stale, chain.blockHashes(), List.of(), proposal(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not at block 3's state root");
    }

    private static BlockHeader withStateRoot(BlockHeader h, Hash root) {
        return new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), root, h.transactionsRoot(),
                h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(), h.timestamp(),
                h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(), h.blobGasUsed(),
                h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash());
    }
}
