package org.parkchain.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parkchain.chain.pool.Signer.CHAIN_ID;
import static org.parkchain.chain.pool.Signer.gwei;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;

class TransactionPoolTest {
    private static final UInt256 RICH = UInt256.of(1_000_000_000_000_000_000L).mul(UInt256.of(1000));
    private final Signer alice = Signer.of(1);
    private final Signer bob = Signer.of(2);
    private final Signer carol = Signer.of(3);
    private TestHead head = new TestHead(0, 30_000_000, gwei(1)).fund(alice.address, RICH).fund(bob.address, RICH).fund(carol.address, RICH);
    private final List<TransactionPool> pools = new ArrayList<>();

    private TransactionPool pool(PoolConfig config) {
        return pool(config, TransactionAdmission.OPEN);
    }

    private TransactionPool pool(PoolConfig config, TransactionAdmission check) {
        TransactionPool p = new TransactionPool(config, CHAIN_ID, head, check);
        pools.add(p);
        return p;
    }

    private TransactionPool pool() {
        return pool(PoolConfig.DEFAULT);
    }

    @AfterEach
    void closePools() {
        pools.forEach(TransactionPool::close);
    }

    private static void assertRefused(Runnable r, InvalidTransaction reason, String messageStart) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith(messageStart);
    }

    // ------------------------------------------------------------------------------------------- at the door

    @Test
    void admitsAValidTransactionFindsItByHashAndAdvancesThePendingNonce() {
        TransactionPool pool = pool();
        Transaction tx = alice.transfer(0);
        Hash hash = pool.submit(tx.encode());
        assertThat(hash).isEqualTo(tx.hash());
        assertThat(pool.get(hash)).hasValueSatisfying(p -> {
            assertThat(p.sender()).isEqualTo(alice.address);
            assertThat(p.transaction()).isEqualTo(tx);
        });
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(1);
        assertThat(pool.pendingNonce(bob.address)).isZero();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.pendingCount()).isEqualTo(1);
    }

    @Test
    void refusesAnEncodingAboveTheSizeLimit() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMaxTransactionSize(200));
        byte[] big = alice.dynamic(0, gwei(10), gwei(1)).gasLimit(100_000).data(new byte[300]).sign(alice.key).encode();
        assertRefused(() -> pool.submit(big), InvalidTransaction.OVERSIZED, "oversized data: transaction size ");
        assertThat(pool.submit(alice.raw(0))).isNotNull();
    }

    @Test
    void refusesBytesThatAreNotATransaction() {
        TransactionPool pool = pool();
        assertRefused(() -> pool.submit(new byte[] {(byte) 0xc1, 0x01}), InvalidTransaction.MALFORMED, "invalid transaction: ");
        assertRefused(() -> pool.submit(new byte[0]), InvalidTransaction.MALFORMED, "invalid transaction: ");
        assertRefused(() -> pool.submit(new byte[] {0x05, (byte) 0xc0}), InvalidTransaction.TYPE_NOT_SUPPORTED, "transaction type not supported");
        assertThat(pool.size()).isZero();
    }

    @Test
    void refusesAnotherChainsTransaction() {
        TransactionPool pool = pool();
        byte[] foreign = alice.dynamic(0, gwei(10), gwei(1)).chainId(1).sign(alice.key).encode();
        assertRefused(() -> pool.submit(foreign), InvalidTransaction.INVALID_CHAIN_ID, "invalid chain id for signer");
        assertThat(pool.size()).isZero();
    }

    @Test
    void refusesUnprotectedLegacyTransactionsUnlessAllowed() {
        byte[] unprotected = alice.legacy(0, gwei(2)).sign(alice.key).encode();
        TransactionPool strict = pool();
        assertRefused(() -> strict.submit(unprotected), InvalidTransaction.UNPROTECTED, "only replay-protected (EIP-155) transactions allowed");
        // EIP-155 legacy transactions are welcome.
        assertThat(strict.submit(alice.legacy(0, gwei(2)).chainId(CHAIN_ID).sign(alice.key).encode())).isNotNull();

        TransactionPool lax = pool(PoolConfig.DEFAULT.withAllowUnprotected(true));
        assertThat(lax.submit(unprotected)).isNotNull();
    }

    @Test
    void refusesANonceBelowTheAccountNonce() {
        head.nonce(alice.address, 3);
        TransactionPool pool = pool();
        assertRefused(() -> pool.submit(alice.raw(1)), InvalidTransaction.NONCE_TOO_LOW, "nonce too low: next nonce 3, tx nonce 1");
        assertThat(pool.submit(alice.raw(3))).isNotNull();
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(4);
    }

    @Test
    void refusesANonceTooFarAheadOfThePendingNonce() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMaxNonceGap(4));
        pool.submit(alice.raw(0));
        assertRefused(() -> pool.submit(alice.raw(5)), InvalidTransaction.NONCE_TOO_HIGH, "nonce too high: next nonce 1, tx nonce 5");
        assertThat(pool.submit(alice.raw(4))).isNotNull(); // 3 ahead of the pending nonce: queued
        assertThat(pool.queuedCount()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheSenderCannotPayIncludingWhatItAlreadyHasInThePool() {
        // Each transfer costs 21,000 gas * 10 gwei + 1 wei; fund two and a half of them.
        UInt256 one = gwei(10).mul(UInt256.of(21_000)).add(UInt256.ONE);
        head.fund(alice.address, one.mul(UInt256.of(2)).add(UInt256.of(5)));
        TransactionPool pool = pool();
        pool.submit(alice.raw(0));
        pool.submit(alice.raw(1));
        assertRefused(() -> pool.submit(alice.raw(2)), InvalidTransaction.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value: balance ");
        assertThat(pool.size()).isEqualTo(2);

        Signer poor = Signer.of(99);
        assertRefused(() -> pool.submit(poor.raw(0)), InvalidTransaction.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value");
    }

    @Test
    void refusesAGasLimitBelowTheIntrinsicGas() {
        TransactionPool pool = pool();
        byte[] tx = alice.dynamic(0, gwei(10), gwei(1)).gasLimit(20_999).sign(alice.key).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low");
    }

    @Test
    void underOsakaRefusesAGasLimitAboveTheEip7825Cap() {
        head.fork = org.parkchain.evm.Fork.OSAKA;
        TransactionPool pool = pool();
        byte[] tx = alice.dynamic(0, gwei(1), gwei(1)).gasLimit(16_777_217).sign(alice.key).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.GAS_LIMIT_ABOVE_CAP, "transaction gas limit too high (cap: 16777216, tx: 16777217)");
        assertThat(pool.submit(alice.dynamic(0, gwei(1), gwei(1)).gasLimit(16_777_216).sign(alice.key).encode())).isNotNull();
    }

    @Test
    void beforePragueRefusesSetCodeTransactions() {
        head.fork = org.parkchain.evm.Fork.CANCUN;
        TransactionPool pool = pool();
        byte[] tx = org.parkchain.primitives.tx.Transaction.builder(org.parkchain.primitives.tx.TransactionType.SET_CODE)
                .chainId(CHAIN_ID).maxFeePerGas(gwei(1)).maxPriorityFeePerGas(gwei(1)).gasLimit(100_000).to(bob.address)
                .authorizationList(List.of(org.parkchain.primitives.tx.Authorization.sign(bob.key, UInt256.ZERO, carol.address, 0)))
                .sign(alice.key).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.TYPE_NOT_SUPPORTED, "transaction type not supported: type 4 is not accepted under Cancun");
        head.fork = org.parkchain.evm.Fork.PRAGUE;
        assertThat(pool().submit(tx)).isNotNull();
    }

    @Test
    void refusesAGasLimitAboveTheBlockGasLimit() {
        TransactionPool pool = pool();
        byte[] tx = alice.dynamic(0, gwei(1), gwei(1)).gasLimit(30_000_001).sign(alice.key).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.GAS_LIMIT_EXCEEDED, "exceeds block gas limit");
        assertThat(pool.submit(alice.dynamic(0, gwei(1), gwei(1)).gasLimit(30_000_000).sign(alice.key).encode())).isNotNull();
    }

    @Test
    void refusesAFeeCapBelowTheBaseFee() {
        TransactionPool pool = pool();
        byte[] tx = alice.transfer(0, gwei(1).sub(UInt256.ONE), UInt256.ZERO).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.FEE_CAP_TOO_LOW, "max fee per gas less than block base fee");
        assertThat(pool.submit(alice.transfer(0, gwei(1), UInt256.ZERO).encode())).isNotNull();
    }

    @Test
    void refusesATipBelowTheConfiguredMinimum() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMinPriorityFee(gwei(1)));
        byte[] cheap = alice.transfer(0, gwei(10), gwei(1).sub(UInt256.ONE)).encode();
        assertRefused(() -> pool.submit(cheap), InvalidTransaction.UNDERPRICED, "transaction underpriced");
        assertThat(pool.submit(alice.transfer(0, gwei(10), gwei(1)).encode())).isNotNull();
    }

    @Test
    void refusesATipAboveTheFeeCap() {
        TransactionPool pool = pool();
        byte[] tx = alice.transfer(0, gwei(2), gwei(3)).encode();
        assertRefused(() -> pool.submit(tx), InvalidTransaction.TIP_ABOVE_FEE_CAP, "max priority fee per gas higher than max fee per gas");
    }

    @Test
    void refusesATransactionAlreadyInThePool() {
        TransactionPool pool = pool();
        pool.submit(alice.raw(0));
        assertRefused(() -> pool.submit(alice.raw(0)), InvalidTransaction.ALREADY_KNOWN, "already known");
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheAdmissionPolicyRefuses() {
        TransactionAdmission onlyAlice = (state, block, tx) -> tx.sender().equals(alice.address)
                ? Optional.empty()
                : Optional.of("permissioning: sender " + tx.sender() + " is not verified");
        TransactionPool pool = pool(PoolConfig.DEFAULT, onlyAlice);
        assertRefused(() -> pool.submit(bob.raw(0)), InvalidTransaction.NOT_PERMITTED, "permissioning: sender " + bob.address);
        assertThat(pool.submit(alice.raw(0))).isNotNull();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void theAdmissionPolicyReadsTheHeadState() {
        UInt256 threshold = RICH;
        TransactionAdmission richOnly = (state, block, tx) -> state.balance(tx.sender()).compareTo(threshold) >= 0
                ? Optional.empty()
                : Optional.of("permissioning: only accounts holding " + threshold + " wei, next block " + block.number());
        head.fund(bob.address, RICH.sub(UInt256.ONE));
        TransactionPool pool = pool(PoolConfig.DEFAULT, richOnly);
        assertRefused(() -> pool.submit(bob.raw(0)), InvalidTransaction.NOT_PERMITTED, "permissioning: only accounts holding");
        assertThat(pool.submit(alice.raw(0))).isNotNull();
    }

    @Test
    void refusesInitCodeAboveTheEip3860Limit() {
        TransactionPool pool = pool();
        Transaction creation = org.parkchain.primitives.tx.Transaction.builder(org.parkchain.primitives.tx.TransactionType.DYNAMIC_FEE)
                .chainId(CHAIN_ID).nonce(0).maxFeePerGas(gwei(10)).maxPriorityFeePerGas(gwei(1)).gasLimit(10_000_000)
                .data(new byte[Transaction.MAX_INIT_CODE_SIZE + 1]).sign(alice.key);
        assertRefused(() -> pool.submit(creation.encode()), InvalidTransaction.INITCODE_TOO_LARGE, "max initcode size exceeded");
    }

    @Test
    void admitsATransactionSignedByTheNodeItself() {
        TransactionPool pool = pool();
        Transaction tx = alice.transfer(0);
        assertThat(pool.submit(tx)).isEqualTo(tx.hash());
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(1);
        assertRefused(() -> pool.submit(tx), InvalidTransaction.ALREADY_KNOWN, "already known");
    }

    @Test
    void replacingAQueuedTransactionAnnouncesNothing() {
        TransactionPool pool = pool();
        pool.submit(alice.transfer(1, gwei(10), gwei(1)).encode());
        List<Hash> announced = new ArrayList<>();
        pool.onPending(tx -> announced.add(tx.hash()));
        Transaction replacement = alice.transfer(1, gwei(20), gwei(2));
        pool.submit(replacement.encode());
        assertThat(announced).isEmpty();
        assertThat(pool.queued(alice.address)).extracting(PooledTransaction::hash).containsExactly(replacement.hash());
    }

    @Test
    void refusesASignatureThatRecoversToNoKey() {
        TransactionPool pool = pool();
        // About half of all r values are not the x of a curve point, so recovery fails for them; any other r
        // recovers to some stranger without funds. Either way nothing may enter the pool.
        int invalidSender = 0;
        for (int r = 1; r <= 16; r++) {
            byte[] raw = alice.dynamic(0, gwei(10), gwei(1))
                    .withSignature(new org.parkchain.primitives.crypto.Signature(0, UInt256.of(r), UInt256.of(7))).encode();
            try {
                pool.submit(raw);
                throw new AssertionError("admitted a transaction signed with r = " + r);
            } catch (TransactionRejectedException e) {
                assertThat(e.reason()).isIn(InvalidTransaction.INVALID_SENDER, InvalidTransaction.INSUFFICIENT_FUNDS);
                if (e.reason() == InvalidTransaction.INVALID_SENDER) {
                    assertThat(e.getMessage()).startsWith("invalid sender");
                    invalidSender++;
                }
            }
        }
        assertThat(invalidSender).isPositive();
        assertThat(pool.size()).isZero();
    }

    // ----------------------------------------------------------------------------------------- replacement

    @Test
    void replacesASameNonceTransactionOnlyForTenPercentMoreOnBothFeeCapAndTip() {
        TransactionPool pool = pool();
        Transaction first = alice.transfer(0, gwei(10), gwei(2));
        pool.submit(first.encode());
        Transaction feeCapOnly = alice.transfer(0, gwei(20), gwei(2));
        assertRefused(() -> pool.submit(feeCapOnly.encode()), InvalidTransaction.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");
        Transaction nineteenPercentShy = alice.transfer(0, gwei(11).sub(UInt256.ONE), gwei(3));
        assertRefused(() -> pool.submit(nineteenPercentShy.encode()), InvalidTransaction.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced");

        List<Hash> announced = new ArrayList<>();
        pool.onPending(tx -> announced.add(tx.hash()));
        Transaction better = alice.transfer(0, gwei(11), gwei(2).mul(UInt256.of(11)).div(UInt256.of(10)));
        pool.submit(better.encode());
        assertThat(pool.get(first.hash())).isEmpty();
        assertThat(pool.get(better.hash())).isPresent();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(1);
        assertThat(announced).containsExactly(better.hash());
    }

    // -------------------------------------------------------------------------------------- queue and promotion

    @Test
    void queuesFutureNoncesAndPromotesThemWhenTheGapFills() {
        TransactionPool pool = pool();
        List<Long> announced = new ArrayList<>();
        pool.onPending(tx -> announced.add(tx.nonce()));
        pool.submit(alice.raw(2));
        pool.submit(alice.raw(1));
        assertThat(pool.pendingCount()).isZero();
        assertThat(pool.queuedCount()).isEqualTo(2);
        assertThat(pool.pendingNonce(alice.address)).isZero();
        assertThat(pool.queued(alice.address)).extracting(PooledTransaction::nonce).containsExactly(1L, 2L);

        pool.submit(alice.raw(0));
        assertThat(pool.pendingCount()).isEqualTo(3);
        assertThat(pool.queuedCount()).isZero();
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(3);
        assertThat(pool.pending(alice.address)).extracting(PooledTransaction::nonce).containsExactly(0L, 1L, 2L);
        assertThat(announced).containsExactly(0L, 1L, 2L);
    }

    // ------------------------------------------------------------------------------------------------ limits

    @Test
    void refusesASendersTransactionBeyondItsLimitButLetsALowerNonceDisplaceItsFurthest() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMaxPerSender(3));
        pool.submit(alice.raw(0));
        pool.submit(alice.raw(1));
        pool.submit(alice.raw(5));
        assertRefused(() -> pool.submit(alice.raw(6)), InvalidTransaction.ACCOUNT_LIMIT_EXCEEDED, "account limit exceeded");
        // Nonce 2 is nearer to executing than 5: it takes 5's place.
        pool.submit(alice.raw(2));
        assertThat(pool.pending(alice.address)).extracting(PooledTransaction::nonce).containsExactly(0L, 1L, 2L);
        assertThat(pool.get(alice.transfer(5).hash())).isEmpty();
        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.submit(bob.raw(0))).isNotNull(); // other senders are not affected
    }

    @Test
    void whenFullEvictsTheCheapestTailForABetterPayingTransactionAndRefusesACheaperOne() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMaxTransactions(3));
        Transaction alice0 = alice.transfer(0, gwei(10), gwei(5));
        Transaction alice1 = alice.transfer(1, gwei(10), gwei(5));
        Transaction bob0 = bob.transfer(0, gwei(10), gwei(2));
        pool.submit(alice0.encode());
        pool.submit(alice1.encode());
        pool.submit(bob0.encode());

        Transaction carolCheap = carol.transfer(0, gwei(10), gwei(1));
        assertRefused(() -> pool.submit(carolCheap.encode()), InvalidTransaction.POOL_FULL, "txpool is full");
        assertThat(pool.size()).isEqualTo(3);

        Transaction carolRich = carol.transfer(0, gwei(10), gwei(3));
        pool.submit(carolRich.encode());
        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.get(bob0.hash())).isEmpty();
        assertThat(pool.pendingNonce(bob.address)).isZero();
        assertThat(pool.get(carolRich.hash())).isPresent();
        assertThat(pool.get(alice0.hash())).isPresent();
        assertThat(pool.get(alice1.hash())).isPresent();
    }

    @Test
    void whenFullEvictsQueuedTransactionsBeforePendingOnes() {
        TransactionPool pool = pool(PoolConfig.DEFAULT.withMaxTransactions(2));
        Transaction aliceQueued = alice.transfer(3, gwei(10), gwei(9));
        Transaction bobPending = bob.transfer(0, gwei(10), gwei(1));
        pool.submit(aliceQueued.encode());
        pool.submit(bobPending.encode());
        // A pending newcomer with a small tip is still worth more than a queued one with a large tip.
        Transaction carolPending = carol.transfer(0, gwei(10), gwei(2));
        pool.submit(carolPending.encode());
        assertThat(pool.get(aliceQueued.hash())).isEmpty();
        assertThat(pool.get(bobPending.hash())).isPresent();
        assertThat(pool.queuedCount()).isZero();
        assertThat(pool.pendingCount()).isEqualTo(2);
    }

    // --------------------------------------------------------------------------------------------- new heads

    @Test
    void aNewHeadRemovesMinedTransactionsAndKeepsTheRest() {
        TransactionPool pool = pool();
        for (int n = 0; n < 4; n++) {
            pool.submit(alice.raw(n));
        }
        pool.submit(bob.raw(0));
        TestHead next = head.next(gwei(1)).nonce(alice.address, 2).nonce(bob.address, 1);
        pool.onNewHead(next, List.of(alice.address, bob.address));
        assertThat(pool.get(alice.transfer(0).hash())).isEmpty();
        assertThat(pool.get(alice.transfer(1).hash())).isEmpty();
        assertThat(pool.pending(alice.address)).extracting(PooledTransaction::nonce).containsExactly(2L, 3L);
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(4);
        assertThat(pool.pendingNonce(bob.address)).isEqualTo(1); // from the state now: bob has nothing left
        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.pendingCount()).isEqualTo(2);
        assertRefused(() -> pool.submit(alice.raw(1)), InvalidTransaction.NONCE_TOO_LOW, "nonce too low: next nonce 2, tx nonce 1");
    }

    @Test
    void aNewHeadPromotesQueuedTransactionsWhenTheAccountNonceCatchesUpFromElsewhere() {
        TransactionPool pool = pool();
        List<Long> announced = new ArrayList<>();
        pool.submit(alice.raw(2));
        pool.submit(alice.raw(3));
        pool.onPending(tx -> announced.add(tx.nonce()));
        // Nonces 0 and 1 were mined from transactions this pool never saw.
        pool.onNewHead(head.next(gwei(1)).nonce(alice.address, 2), List.of(alice.address));
        assertThat(pool.pendingCount()).isEqualTo(2);
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(4);
        assertThat(announced).containsExactly(2L, 3L);
    }

    @Test
    void aNewHeadDropsWhatTheSenderCanNoLongerAfford() {
        TransactionPool pool = pool();
        for (int n = 0; n < 3; n++) {
            pool.submit(alice.raw(n));
        }
        UInt256 one = gwei(10).mul(UInt256.of(21_000)).add(UInt256.ONE);
        // Alice's balance shrank (she spent it elsewhere) to what pays for one transaction; nonce 0 was mined.
        pool.onNewHead(head.next(gwei(1)).nonce(alice.address, 1).fund(alice.address, one), List.of(alice.address));
        assertThat(pool.pending(alice.address)).extracting(PooledTransaction::nonce).containsExactly(1L);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.pendingCount()).isEqualTo(1);
    }

    @Test
    void aNewHeadLetsASenderWhoReceivedCoinsSpendThem() {
        Signer poor = Signer.of(42);
        UInt256 one = gwei(10).mul(UInt256.of(21_000)).add(UInt256.ONE);
        head.fund(poor.address, one);
        TransactionPool pool = pool();
        pool.submit(poor.raw(0));
        assertRefused(() -> pool.submit(poor.raw(1)), InvalidTransaction.INSUFFICIENT_FUNDS, "insufficient funds");
        // Someone else's block paid her: she sent nothing in it, yet her next transaction is now affordable.
        pool.onNewHead(head.next(gwei(1)).fund(poor.address, RICH), List.of(alice.address));
        assertThat(pool.submit(poor.raw(1))).isNotNull();
        assertThat(pool.pendingNonce(poor.address)).isEqualTo(2);
    }

    @Test
    void removingAnInvalidTransactionQueuesTheSendersLaterOnes() {
        TransactionPool pool = pool();
        for (int n = 0; n < 3; n++) {
            pool.submit(alice.raw(n));
        }
        pool.remove(List.of(alice.transfer(1).hash()));
        assertThat(pool.pending(alice.address)).extracting(PooledTransaction::nonce).containsExactly(0L);
        assertThat(pool.queued(alice.address)).extracting(PooledTransaction::nonce).containsExactly(2L);
        assertThat(pool.pendingNonce(alice.address)).isEqualTo(1);
        assertThat(pool.pendingCount()).isEqualTo(1);
        assertThat(pool.size()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------- selection

    @Test
    void selectsBestTipFirstAcrossSendersAndNonceOrderWithinEach() {
        TransactionPool pool = pool();
        Transaction a0 = alice.transfer(0, gwei(10), gwei(1));
        Transaction a1 = alice.transfer(1, gwei(10), gwei(5));
        Transaction b0 = bob.transfer(0, gwei(10), gwei(3));
        Transaction c0 = carol.transfer(0, gwei(10), gwei(2));
        for (Transaction t : List.of(a1, a0, b0, c0)) {
            pool.submit(t.encode());
        }
        List<Hash> chosen = pool.select(30_000_000, gwei(1)).stream().map(PooledTransaction::hash).toList();
        // a1 pays most but must wait for a0, which pays least.
        assertThat(chosen).containsExactly(b0.hash(), c0.hash(), a0.hash(), a1.hash());
    }

    @Test
    void selectionRanksByTheTipTheBaseFeeLeaves() {
        TransactionPool pool = pool();
        // Alice's tip is high but her fee cap leaves only 1 gwei above a base fee of 4 gwei; Bob's leaves 2.
        Transaction a = alice.transfer(0, gwei(5), gwei(4));
        Transaction b = bob.transfer(0, gwei(20), gwei(2));
        pool.submit(a.encode());
        pool.submit(b.encode());
        assertThat(pool.select(30_000_000, gwei(1))).extracting(PooledTransaction::hash).containsExactly(a.hash(), b.hash());
        assertThat(pool.select(30_000_000, gwei(4))).extracting(PooledTransaction::hash).containsExactly(b.hash(), a.hash());
        // Above Alice's fee cap she waits.
        assertThat(pool.select(30_000_000, gwei(6))).extracting(PooledTransaction::hash).containsExactly(b.hash());
    }

    @Test
    void selectionStopsAtTheGasLimitAndPassesOverASenderWhoseNextDoesNotFit() {
        TransactionPool pool = pool();
        Transaction big = alice.dynamic(0, gwei(10), gwei(9)).gasLimit(50_000).sign(alice.key);
        Transaction after = alice.transfer(1, gwei(10), gwei(9));
        Transaction small1 = bob.transfer(0, gwei(10), gwei(1));
        Transaction small2 = bob.transfer(1, gwei(10), gwei(1));
        for (Transaction t : List.of(big, after, small1, small2)) {
            pool.submit(t.encode());
        }
        assertThat(pool.select(45_000, gwei(1))).extracting(PooledTransaction::hash).containsExactly(small1.hash(), small2.hash());
        assertThat(pool.select(71_000, gwei(1))).extracting(PooledTransaction::hash).containsExactly(big.hash(), after.hash());
        assertThat(pool.select(20_999, gwei(1))).isEmpty();
    }

    @Test
    void selectionIgnoresQueuedTransactions() {
        TransactionPool pool = pool();
        pool.submit(alice.raw(1));
        pool.submit(bob.raw(0));
        assertThat(pool.select(30_000_000, gwei(1))).extracting(PooledTransaction::sender).containsExactly(bob.address);
    }

    @Test
    void aPendingNonceForAnUnknownSenderIsTheAccountNonce() {
        head.nonce(carol.address, 7);
        TransactionPool pool = pool();
        assertThat(pool.pendingNonce(carol.address)).isEqualTo(7);
        assertThat(pool.pendingNonce(Address.fromLong(12345))).isZero();
    }

    @Test
    void aFailingListenerDoesNotBreakAdmission() {
        TransactionPool pool = pool();
        List<Hash> seen = new ArrayList<>();
        pool.onPending(tx -> {
            throw new IllegalStateException("listener bug");
        });
        pool.onPending(tx -> seen.add(tx.hash()));
        Hash h = pool.submit(alice.raw(0));
        assertThat(seen).containsExactly(h);
    }

    @Test
    void aClosedListenerHearsNothingMore() throws Exception {
        TransactionPool pool = pool();
        List<Hash> seen = new ArrayList<>();
        AutoCloseable subscription = pool.onPending(tx -> seen.add(tx.hash()));
        pool.submit(alice.raw(0));
        subscription.close();
        pool.submit(alice.raw(1));
        assertThat(seen).hasSize(1);
    }
}
