package org.parkchain.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.chain.pool.Signer.CHAIN_ID;
import static org.parkchain.chain.pool.Signer.gwei;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;

/**
 * Random admissions, blocks and removals against small limits (so that eviction, account limits and the nonce gap
 * all bite), checking after every step the pool's invariants through its public reads, and every block selection
 * against a naive one written for clarity, not speed.
 */
class TransactionPoolModelTest {
    private static final int SENDERS = 6;
    private static final PoolConfig SMALL = PoolConfig.DEFAULT.withMaxTransactions(15).withMaxPerSender(5).withMaxNonceGap(6);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void invariantsHoldAndSelectionMatchesTheNaiveOne(long seed) {
        Random random = new Random(seed);
        List<Signer> signers = new ArrayList<>();
        TestHead head = new TestHead(0, 30_000_000, gwei(1));
        for (int i = 0; i < SENDERS; i++) {
            Signer s = Signer.of(500 + i);
            signers.add(s);
            // Some senders can afford only a few transactions at the highest fee caps.
            head.fund(s.address, i % 2 == 0 ? UInt256.of(Long.MAX_VALUE) : gwei(20).mul(UInt256.of(21_000 * 3)));
        }
        try (TransactionPool pool = new TransactionPool(SMALL, CHAIN_ID, head, TransactionAdmission.OPEN)) {
            for (int step = 0; step < 400; step++) {
                int op = random.nextInt(10);
                if (op < 7) {
                    Signer s = signers.get(random.nextInt(SENDERS));
                    long nonce = Math.max(0, head.nonce(s.address) + random.nextInt(8) - 1);
                    UInt256 baseFee = head.baseFee();
                    UInt256 maxFee = baseFee.add(gwei(random.nextInt(20)));
                    UInt256 tip = gwei(random.nextInt(12));
                    if (tip.compareTo(maxFee) > 0) {
                        tip = maxFee;
                    }
                    try {
                        Hash h = pool.submit(s.transfer(nonce, maxFee, tip).encode());
                        assertThat(pool.get(h)).isPresent();
                    } catch (TransactionRejectedException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                } else if (op < 9) {
                    long gasLimit = 21_000L * random.nextInt(9);
                    UInt256 baseFee = head.baseFee();
                    List<PooledTransaction> chosen = pool.select(gasLimit, baseFee);
                    assertThat(chosen).extracting(PooledTransaction::hash)
                            .containsExactlyElementsOf(naiveSelect(pool, signers, gasLimit, baseFee));
                    // Mine them: nonces advance, each pays 21,000 gas at its effective price plus 1 wei. The base
                    // fee moves within the range every fee cap still reaches or above it, so some wait.
                    TestHead next = head.next(random.nextBoolean() ? baseFee : gwei(1 + random.nextInt(3)));
                    Set<Address> senders = new HashSet<>();
                    for (PooledTransaction tx : chosen) {
                        UInt256 price = baseFee.add(tx.effectiveTip(baseFee));
                        next.nonce(tx.sender(), tx.nonce() + 1);
                        next.fund(tx.sender(), next.balance(tx.sender()).sub(price.mul(UInt256.of(21_000))).sub(UInt256.ONE));
                        senders.add(tx.sender());
                    }
                    pool.onNewHead(next, senders);
                    head = next;
                } else {
                    List<PooledTransaction> all = new ArrayList<>();
                    signers.forEach(s -> {
                        all.addAll(pool.pending(s.address));
                        all.addAll(pool.queued(s.address));
                    });
                    if (!all.isEmpty()) {
                        pool.remove(List.of(all.get(random.nextInt(all.size())).hash()));
                    }
                }
                checkInvariants(pool, signers, head);
            }
        }
    }

    private static void checkInvariants(TransactionPool pool, List<Signer> signers, TestHead head) {
        int pending = 0;
        int queued = 0;
        for (Signer s : signers) {
            long stateNonce = head.nonce(s.address);
            List<PooledTransaction> p = pool.pending(s.address);
            List<PooledTransaction> q = pool.queued(s.address);
            for (int i = 0; i < p.size(); i++) {
                assertThat(p.get(i).nonce()).isEqualTo(stateNonce + i);
            }
            long pendingNonce = pool.pendingNonce(s.address);
            assertThat(pendingNonce).isEqualTo(stateNonce + p.size());
            long previous = pendingNonce;
            for (PooledTransaction tx : q) {
                assertThat(tx.nonce()).isGreaterThan(previous);
                previous = tx.nonce();
            }
            assertThat(p.size() + q.size()).isLessThanOrEqualTo(SMALL.maxPerSender());
            UInt256 held = UInt256.ZERO;
            for (PooledTransaction tx : concat(p, q)) {
                assertThat(pool.get(tx.hash())).contains(tx);
                assertThat(tx.sender()).isEqualTo(s.address);
                held = held.add(tx.cost());
            }
            assertThat(held).isLessThanOrEqualTo(head.balance(s.address));
            pending += p.size();
            queued += q.size();
        }
        assertThat(pool.pendingCount()).isEqualTo(pending);
        assertThat(pool.queuedCount()).isEqualTo(queued);
        assertThat(pool.size()).isEqualTo(pending + queued).isLessThanOrEqualTo(SMALL.maxTransactions());
    }

    private static List<PooledTransaction> concat(List<PooledTransaction> a, List<PooledTransaction> b) {
        List<PooledTransaction> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Repeatedly takes, among every sender's next pending transaction, the best-paying one that fits. */
    private static List<Hash> naiveSelect(TransactionPool pool, List<Signer> signers, long gasLimit, UInt256 baseFee) {
        Map<Address, List<PooledTransaction>> runs = new HashMap<>();
        signers.forEach(s -> runs.put(s.address, new ArrayList<>(pool.pending(s.address))));
        List<Hash> chosen = new ArrayList<>();
        long left = gasLimit;
        while (left >= 21_000) {
            PooledTransaction best = null;
            for (List<PooledTransaction> run : runs.values()) {
                if (run.isEmpty() || !run.get(0).payableAt(baseFee)) {
                    continue;
                }
                PooledTransaction c = run.get(0);
                int cmp = best == null ? 1 : c.effectiveTip(baseFee).compareTo(best.effectiveTip(baseFee));
                if (cmp > 0 || cmp == 0 && c.sequence() < best.sequence()) {
                    best = c;
                }
            }
            if (best == null) {
                break;
            }
            List<PooledTransaction> run = runs.get(best.sender());
            if (best.gasLimit() > left) {
                run.clear(); // this sender is done for the block
                continue;
            }
            chosen.add(best.hash());
            left -= best.gasLimit();
            run.remove(0);
        }
        return chosen;
    }
}
