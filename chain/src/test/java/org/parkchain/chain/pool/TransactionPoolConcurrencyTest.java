package org.parkchain.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.chain.pool.Signer.CHAIN_ID;
import static org.parkchain.chain.pool.Signer.gwei;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.chain.pool.TransactionPool.Submission;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.Transaction;

class TransactionPoolConcurrencyTest {
    private static final UInt256 RICH = UInt256.of(Long.MAX_VALUE);
    private static final int SENDERS = 40;
    private static final int PER_SENDER = 25;

    private static TestHead fundedHead(List<Signer> signers) {
        TestHead head = new TestHead(0, 30_000_000, gwei(1));
        signers.forEach(s -> head.fund(s.address, RICH));
        return head;
    }

    private static List<Signer> signers() {
        List<Signer> out = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            out.add(Signer.of(1000 + i));
        }
        return out;
    }

    /** Every sender's nonces 0..PER_SENDER-1, shuffled so that gaps open and fill in every order. */
    private static List<Transaction> shuffledTransfers(List<Signer> signers, Random random) {
        List<Transaction> txs = new ArrayList<>();
        for (Signer s : signers) {
            for (int n = 0; n < PER_SENDER; n++) {
                txs.add(s.transfer(n, gwei(10), gwei(1 + random.nextInt(5))));
            }
        }
        Collections.shuffle(txs, random);
        return txs;
    }

    @Test
    void submitAllReportsEachOutcomeInInputOrder() {
        List<Signer> signers = signers();
        TestHead head = fundedHead(signers);
        try (TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, CHAIN_ID, head, TransactionAdmission.OPEN)) {
            List<Transaction> txs = shuffledTransfers(signers, new Random(1));
            List<byte[]> batch = new ArrayList<>();
            txs.forEach(t -> batch.add(t.encode()));
            batch.add(5, new byte[] {(byte) 0xc0});                   // garbage
            batch.add(17, txs.get(3).encode());                        // a duplicate of an earlier one
            batch.add(18, signers.get(0).dynamic(0, gwei(10), gwei(1)).chainId(1).sign(signers.get(0).key).encode());

            List<Submission> out = pool.submitAll(batch);

            assertThat(out).hasSize(batch.size());
            assertThat(out.get(5)).isInstanceOfSatisfying(Submission.Rejected.class,
                    r -> assertThat(r.error().reason()).isEqualTo(InvalidTransaction.MALFORMED));
            assertThat(out.get(17)).isInstanceOfSatisfying(Submission.Rejected.class,
                    r -> assertThat(r.error().reason()).isEqualTo(InvalidTransaction.ALREADY_KNOWN));
            assertThat(out.get(18)).isInstanceOfSatisfying(Submission.Rejected.class,
                    r -> assertThat(r.error().reason()).isEqualTo(InvalidTransaction.INVALID_CHAIN_ID));
            List<Hash> accepted = out.stream().filter(s -> s instanceof Submission.Accepted)
                    .map(s -> ((Submission.Accepted) s).hash()).toList();
            assertThat(accepted).containsExactlyElementsOf(txs.stream().map(Transaction::hash).toList());
            assertThat(pool.pendingCount()).isEqualTo(SENDERS * PER_SENDER);
            signers.forEach(s -> assertThat(pool.pendingNonce(s.address)).isEqualTo(PER_SENDER));
        }
    }

    @Test
    void parallelAdmissionsOfInterleavedNoncesEndConsistent() throws Exception {
        List<Signer> signers = signers();
        TestHead head = fundedHead(signers);
        Random random = new Random(7);
        List<Transaction> txs = shuffledTransfers(signers, random);
        // Every tenth transaction is sent twice, from two threads: exactly one copy may be admitted.
        List<Transaction> work = new ArrayList<>(txs);
        for (int i = 0; i < txs.size(); i += 10) {
            work.add(txs.get(i));
        }
        Collections.shuffle(work, random);

        try (TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, CHAIN_ID, head, TransactionAdmission.OPEN)) {
            Set<Hash> announced = ConcurrentHashMap.newKeySet();
            AtomicInteger announcements = new AtomicInteger();
            pool.onPending(tx -> {
                announced.add(tx.hash());
                announcements.incrementAndGet();
            });
            int threads = 8;
            ExecutorService exec = Executors.newFixedThreadPool(threads + 1);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger alreadyKnown = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                futures.add(exec.submit(() -> {
                    start.await();
                    for (int i = me; i < work.size(); i += threads) {
                        try {
                            pool.submit(work.get(i).encode());
                            accepted.incrementAndGet();
                        } catch (TransactionRejectedException e) {
                            assertThat(e.reason()).isEqualTo(InvalidTransaction.ALREADY_KNOWN);
                            alreadyKnown.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            // A reader selecting blocks all along must only ever see nonce-contiguous runs from zero.
            Future<?> reader = exec.submit(() -> {
                start.await();
                while (!done.get()) {
                    Map<Address, Long> next = new HashMap<>();
                    for (PooledTransaction tx : pool.select(Long.MAX_VALUE, gwei(1))) {
                        long expected = next.getOrDefault(tx.sender(), 0L);
                        assertThat(tx.nonce()).isEqualTo(expected);
                        next.put(tx.sender(), expected + 1);
                    }
                    for (Signer s : signers) {
                        assertThat(pool.pendingNonce(s.address)).isBetween(0L, (long) PER_SENDER);
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            done.set(true);
            reader.get(60, TimeUnit.SECONDS);
            exec.shutdown();

            assertThat(accepted.get()).isEqualTo(txs.size());
            assertThat(alreadyKnown.get()).isEqualTo(work.size() - txs.size());
            assertThat(pool.size()).isEqualTo(txs.size());
            assertThat(pool.pendingCount()).isEqualTo(txs.size());
            assertThat(pool.queuedCount()).isZero();
            for (Signer s : signers) {
                assertThat(pool.pendingNonce(s.address)).isEqualTo(PER_SENDER);
                assertThat(pool.pending(s.address)).extracting(PooledTransaction::nonce)
                        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, PER_SENDER).boxed().toList());
            }
            txs.forEach(t -> assertThat(pool.contains(t.hash())).isTrue());
            assertThat(announcements.get()).isEqualTo(txs.size());
            assertThat(announced).hasSize(txs.size());
        }
    }

    @Test
    void admissionsRacingNewHeadsLoseNothingAndMineEachTransactionOnce() throws Exception {
        List<Signer> signers = signers();
        TestHead genesis = fundedHead(signers);
        List<Transaction> txs = shuffledTransfers(signers, new Random(11));
        try (TransactionPool pool = new TransactionPool(PoolConfig.DEFAULT, CHAIN_ID, genesis, TransactionAdmission.OPEN)) {
            ExecutorService exec = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean submitted = new AtomicBoolean();
            List<Future<?>> submitters = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int me = t;
                submitters.add(exec.submit(() -> {
                    start.await();
                    for (int i = me; i < txs.size(); i += 3) {
                        pool.submit(txs.get(i).encode()); // each exactly once: no refusal is expected
                    }
                    return null;
                }));
            }
            // The "sequencer": selects, mines by advancing nonces in a new head, and tells the pool.
            Future<List<Hash>> miner = exec.submit(() -> {
                start.await();
                List<Hash> mined = new ArrayList<>();
                TestHead h = genesis;
                while (!submitted.get() || pool.size() > 0) {
                    List<PooledTransaction> block = pool.select(2_100_000, gwei(1));
                    TestHead next = h.next(gwei(1));
                    Set<Address> senders = new HashSet<>();
                    for (PooledTransaction tx : block) {
                        assertThat(tx.nonce()).isEqualTo(next.nonce(tx.sender()));
                        next.nonce(tx.sender(), tx.nonce() + 1);
                        senders.add(tx.sender());
                        mined.add(tx.hash());
                    }
                    pool.onNewHead(next, senders);
                    h = next;
                }
                return mined;
            });
            start.countDown();
            for (Future<?> f : submitters) {
                f.get(60, TimeUnit.SECONDS);
            }
            submitted.set(true);
            List<Hash> mined = miner.get(60, TimeUnit.SECONDS);
            exec.shutdown();

            assertThat(mined).doesNotHaveDuplicates();
            assertThat(mined).containsExactlyInAnyOrderElementsOf(txs.stream().map(Transaction::hash).toList());
            assertThat(pool.size()).isZero();
            assertThat(pool.pendingCount()).isZero();
            signers.forEach(s -> assertThat(pool.pendingNonce(s.address)).isEqualTo(PER_SENDER));
        }
    }
}
