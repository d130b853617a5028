package org.parkchain.chain.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.parkchain.chain.ExecutableTransaction;
import org.parkchain.chain.TransactionAdmission;
import org.parkchain.primitives.tx.InvalidTransaction;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.tx.InvalidTransactionException;
import org.parkchain.primitives.tx.StatelessRules;
import org.parkchain.primitives.tx.Transaction;

/**
 * The transaction pool: validation at the door, then per-sender nonce order and selection of the best-paying
 * executable transactions for the next block.
 *
 * <h2>Admission</h2>
 * A raw transaction is decoded, checked without state (size, type, chain id, replay protection, signature, intrinsic
 * gas, fees against the head's gas limit and base fee and the pool's minimum tip) and its sender recovered — once, on
 * the submitting thread, or on a pool of threads for {@link #submitAll}. It is then checked against the head state
 * and the pool (already known, admission policy, nonce too low or too far ahead, replacement price, per-sender and
 * total limits, funds for every transaction the sender has in the pool) and inserted. Every refusal is a
 * {@link TransactionRejectedException} whose message is geth's wording, and a refused transaction changes nothing.
 *
 * <h2>Order</h2>
 * Each sender's transactions are kept by nonce: from the account nonce on, without a gap, they are <em>pending</em>;
 * the rest are <em>queued</em> until the gap fills ({@link #pendingNonce} is one past the last pending one). A block
 * takes pending transactions best effective tip first across senders and in nonce order within each
 * ({@link #select}).
 *
 * <h2>Concurrency</h2>
 * Reads never lock: {@link #get}, {@link #contains} and {@link #pendingNonce} read a concurrent hash index and a
 * volatile field. Admissions of different senders run in parallel: each holds the shared side of a read-write lock
 * and the monitor of its sender's queue. The exclusive side is taken only by what touches many senders at once: a new
 * head ({@link #onNewHead}), removals ({@link #remove}) and eviction when the pool is full, so an admission always
 * sees one consistent head. Block selection holds the shared side while it copies each sender's pending run, then
 * orders the copy without any lock. Listeners are called after all locks are released, on the admitting thread.
 */
public final class TransactionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionPool.class.getName());
    /** Batches below this size are recovered on the caller's thread: handing work over costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 8;
    /** No transaction costs less than the base 21,000 gas: below that, a block is full. */
    private static final long MIN_TRANSACTION_GAS = 21_000;

    private final PoolConfig config;
    private final long chainId;
    private final TransactionAdmission admission;
    private final ReentrantReadWriteLock headLock = new ReentrantReadWriteLock();
    private final ConcurrentHashMap<Address, SenderQueue> senders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Hash, PooledTransaction> byHash = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger pendingSize = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final CopyOnWriteArrayList<Consumer<PooledTransaction>> pendingListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService recovery;
    private final int recoveryThreads;
    private volatile PoolHead head;
    /** Counts heads; a sender queue whose {@code epoch} differs re-reads its balance (it may have received coins). */
    private long epoch;

    /**
     * @param chainId the chain's id: transactions signed for another are refused
     * @param head the current head; replaced by {@link #onNewHead}
     * @param admission the permission check every transaction passes before it is admitted (the same the block
     *     executor applies, so what the pool admits the next block will not refuse unless the state changes)
     */
    public TransactionPool(PoolConfig config, long chainId, PoolHead head, TransactionAdmission admission) {
        this.config = Objects.requireNonNull(config, "config");
        this.chainId = chainId;
        this.head = Objects.requireNonNull(head, "head");
        this.admission = Objects.requireNonNull(admission, "admission");
        this.recoveryThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.recovery = Executors.newFixedThreadPool(recoveryThreads, r -> {
            Thread t = new Thread(r, "pool-recovery");
            t.setDaemon(true);
            return t;
        });
    }

    public PoolConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------- admission

    /**
     * Decodes, validates and admits one raw transaction.
     *
     * @return its hash
     * @throws TransactionRejectedException when refused; the pool is then unchanged
     */
    public Hash submit(byte[] raw) {
        return admit(prepare(raw));
    }

    /** Validates and admits a transaction already decoded (one signed by the node for a dev account). */
    public Hash submit(Transaction tx) {
        return admit(prepare(tx));
    }

    /**
     * Admits a batch: decoding and sender recovery (the expensive part) run on a pool of threads, then the
     * transactions are admitted in the batch's order, so one sender's consecutive nonces arrive in order.
     *
     * @return one outcome per input, in the same order; a refusal does not stop the rest
     */
    public List<Submission> submitAll(List<byte[]> raws) {
        int n = raws.size();
        Object[] prepared = new Object[n];
        if (n < PARALLEL_THRESHOLD || recoveryThreads == 1) {
            prepareRange(raws, prepared, 0, n);
        } else {
            int chunks = recoveryThreads;
            int chunk = (n + chunks - 1) / chunks;
            List<Future<?>> futures = new ArrayList<>(chunks);
            // The caller prepares the first chunk itself rather than idling while the threads work.
            for (int from = chunk; from < n; from += chunk) {
                int start = from;
                int end = Math.min(n, from + chunk);
                futures.add(recovery.submit(() -> prepareRange(raws, prepared, start, end)));
            }
            prepareRange(raws, prepared, 0, Math.min(n, chunk));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while recovering senders", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("sender recovery failed", e.getCause());
                }
            }
        }
        List<Submission> out = new ArrayList<>(n);
        for (Object p : prepared) {
            if (p instanceof TransactionRejectedException e) {
                out.add(new Submission.Rejected(e));
                continue;
            }
            try {
                out.add(new Submission.Accepted(admit((Transaction) p)));
            } catch (TransactionRejectedException e) {
                out.add(new Submission.Rejected(e));
            }
        }
        return out;
    }

    /** The outcome of one transaction of {@link #submitAll}. */
    public sealed interface Submission {
        record Accepted(Hash hash) implements Submission {}

        record Rejected(TransactionRejectedException error) implements Submission {}
    }

    private void prepareRange(List<byte[]> raws, Object[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                out[i] = prepare(raws.get(i));
            } catch (TransactionRejectedException e) {
                out[i] = e;
            }
        }
    }

    /** Decoding and every check that needs neither state nor the pool, including sender recovery. */
    private Transaction prepare(byte[] raw) {
        if (raw.length > config.maxTransactionSize()) {
            throw new TransactionRejectedException(InvalidTransaction.OVERSIZED,
                    "oversized data: transaction size " + raw.length + ", limit " + config.maxTransactionSize());
        }
        Transaction tx;
        try {
            tx = Transaction.decode(raw, config.maxTransactionSize());
        } catch (InvalidTransactionException e) {
            throw refusal(e);
        }
        return prepare(tx);
    }

    private Transaction prepare(Transaction tx) {
        try {
            org.parkchain.evm.Fork fork = head.fork();
            if (!fork.transactionTypes().contains(tx.type())) {
                throw new TransactionRejectedException(InvalidTransaction.TYPE_NOT_SUPPORTED, "transaction type not supported: type "
                        + tx.type().id() + " is not accepted under " + fork.name() + ", the fork of the next block");
            }
            // the same rules execution applies before it consults the state, then the signature
            Optional<StatelessRules.Refusal> refused =
                    StatelessRules.check(tx, UInt256.of(chainId), fork.intrinsicGas(), fork.gas().maxInitCodeSize());
            if (refused.isPresent()) {
                throw new TransactionRejectedException(refused.get().reason(), refused.get().detail());
            }
            tx.sender();
        } catch (InvalidTransactionException e) {
            throw refusal(e);
        }
        if (!tx.isReplayProtected() && !config.allowUnprotected()) {
            throw new TransactionRejectedException(InvalidTransaction.UNPROTECTED,
                    "only replay-protected (EIP-155) transactions allowed over RPC");
        }
        tx.hash(); // computed here, off the admission path, like the sender
        return tx;
    }

    /** The decoder's refusal, for the same reason, geth's text prefixed to the decoder's precise detail. */
    private static TransactionRejectedException refusal(InvalidTransactionException e) {
        return new TransactionRejectedException(e.reason(), e.getMessage(), e);
    }

    private Hash admit(Transaction tx) {
        Hash hash = tx.hash();
        if (byHash.containsKey(hash)) {
            throw new TransactionRejectedException(InvalidTransaction.ALREADY_KNOWN, "already known");
        }
        List<PooledTransaction> promoted;
        headLock.readLock().lock();
        try {
            PoolHead h = head;
            checkAgainstHead(tx, h);
            promoted = insert(tx, h, false);
        } finally {
            headLock.readLock().unlock();
        }
        if (promoted == null) {
            // The pool is full: eviction touches other senders, so it runs alone.
            headLock.writeLock().lock();
            try {
                PoolHead h = head;
                checkAgainstHead(tx, h);
                promoted = insert(tx, h, true);
            } finally {
                headLock.writeLock().unlock();
            }
        }
        notifyPending(promoted);
        return hash;
    }

    /** The checks against the head block: its gas limit, its base fee, the pool's minimum tip, the admission policy. */
    private void checkAgainstHead(Transaction tx, PoolHead h) {
        long cap = h.fork().maxTransactionGas();
        if (Long.compareUnsigned(tx.gasLimit(), cap) > 0) { // EIP-7825
            throw new TransactionRejectedException(InvalidTransaction.GAS_LIMIT_ABOVE_CAP, "transaction gas limit too high (cap: " + cap
                    + ", tx: " + Long.toUnsignedString(tx.gasLimit()) + ")");
        }
        if (Long.compareUnsigned(tx.gasLimit(), h.gasLimit()) > 0) {
            throw new TransactionRejectedException(InvalidTransaction.GAS_LIMIT_EXCEEDED, "exceeds block gas limit: gas limit "
                    + Long.toUnsignedString(tx.gasLimit()) + ", block gas limit " + h.gasLimit());
        }
        if (tx.maxPriorityFeePerGas().compareTo(config.minPriorityFee()) < 0) {
            throw new TransactionRejectedException(InvalidTransaction.UNDERPRICED, "transaction underpriced: gas tip cap "
                    + tx.maxPriorityFeePerGas() + ", minimum needed " + config.minPriorityFee());
        }
        if (tx.maxFeePerGas().compareTo(h.baseFee()) < 0) {
            throw new TransactionRejectedException(InvalidTransaction.FEE_CAP_TOO_LOW, "max fee per gas less than block base fee: address "
                    + tx.sender() + ", maxFeePerGas: " + tx.maxFeePerGas() + ", baseFee: " + h.baseFee());
        }
        if (admission != TransactionAdmission.OPEN) {
            Optional<String> refused = admission.refusal(h.state(), h.nextBlock(), ExecutableTransaction.of(tx));
            if (refused.isPresent()) {
                throw new TransactionRejectedException(InvalidTransaction.NOT_PERMITTED, refused.get());
            }
        }
    }

    /**
     * Inserts under the sender's monitor (the caller holds the head lock, shared or exclusive).
     *
     * @param mayEvict true when the caller holds the head lock exclusively, so other senders may be touched
     * @return the transactions that became pending (possibly empty), or null when the pool is full and
     *     {@code mayEvict} is false
     */
    private List<PooledTransaction> insert(Transaction tx, PoolHead h, boolean mayEvict) {
        Address sender = tx.sender();
        while (true) {
            SenderQueue q = senders.computeIfAbsent(sender, SenderQueue::new);
            synchronized (q) {
                if (q.retired) {
                    continue; // emptied and unlinked by another thread after we found it: take the fresh one
                }
                try {
                    return insertLocked(tx, q, h, mayEvict);
                } finally {
                    retireIfEmpty(q);
                }
            }
        }
    }

    private List<PooledTransaction> insertLocked(Transaction tx, SenderQueue q, PoolHead h, boolean mayEvict) {
        refresh(q, h);
        long nonce = tx.nonce();
        if (Long.compareUnsigned(nonce, q.stateNonce) < 0) {
            throw new TransactionRejectedException(InvalidTransaction.NONCE_TOO_LOW, "nonce too low: next nonce " + q.stateNonce
                    + ", tx nonce " + Long.toUnsignedString(nonce));
        }
        PooledTransaction existing = q.byNonce.get(nonce);
        PooledTransaction evictOwnTail = null;
        if (existing != null) {
            if (existing.hash().equals(tx.hash())) {
                throw new TransactionRejectedException(InvalidTransaction.ALREADY_KNOWN, "already known");
            }
            if (!outbids(tx, existing)) {
                throw new TransactionRejectedException(InvalidTransaction.REPLACEMENT_UNDERPRICED, "replacement transaction underpriced: "
                        + "fee cap and tip must both be at least " + config.priceBumpPercent() + "% above "
                        + existing.maxFeePerGas() + " and " + existing.maxPriorityFeePerGas());
            }
        } else {
            if (Long.compareUnsigned(nonce, q.pendingNonce) >= 0
                    && Long.compareUnsigned(nonce - q.pendingNonce, config.maxNonceGap()) >= 0) {
                throw new TransactionRejectedException(InvalidTransaction.NONCE_TOO_HIGH, "nonce too high: next nonce " + q.pendingNonce
                        + ", tx nonce " + Long.toUnsignedString(nonce) + ", at most " + (config.maxNonceGap() - 1) + " ahead");
            }
            if (q.size() >= config.maxPerSender()) {
                // A lower nonce is worth more than the sender's furthest one: it is nearer to executing.
                PooledTransaction tail = q.tail();
                if (nonce > tail.nonce()) {
                    throw new TransactionRejectedException(InvalidTransaction.ACCOUNT_LIMIT_EXCEEDED, "account limit exceeded: "
                            + q.size() + " transactions from " + q.sender + " in the pool, at most " + config.maxPerSender());
                }
                evictOwnTail = tail;
            }
        }
        UInt256 cost = PooledTransaction.worstCaseCost(tx);
        UInt256 held = q.totalCost;
        if (existing != null) {
            held = held.sub(existing.cost());
        }
        if (evictOwnTail != null) {
            held = held.sub(evictOwnTail.cost());
        }
        // The sender must afford this and everything else it has in the pool, all at their fee caps.
        UInt256 needed = cost == null ? null : held.add(cost);
        if (cost == null || needed.compareTo(held) < 0 || needed.compareTo(q.balance) > 0) {
            java.math.BigInteger txCost = new java.math.BigInteger(Long.toUnsignedString(tx.gasLimit()))
                    .multiply(tx.maxFeePerGas().toBigInteger()).add(tx.value().toBigInteger());
            java.math.BigInteger overshot = txCost.add(held.toBigInteger()).subtract(q.balance.toBigInteger());
            throw new TransactionRejectedException(InvalidTransaction.INSUFFICIENT_FUNDS, "insufficient funds for gas * price + value: "
                    + "balance " + q.balance + ", tx cost " + txCost + ", overshot " + overshot
                    + (held.isZero() ? "" : " (counting " + held + " for the sender's other transactions in the pool)"));
        }
        if (existing == null && evictOwnTail == null && size.incrementAndGet() > config.maxTransactions()) {
            size.decrementAndGet();
            if (!mayEvict) {
                return null;
            }
            makeRoomFor(tx, q, h);
            size.incrementAndGet();
        }
        PooledTransaction pooled = new PooledTransaction(tx, q.sender, cost, sequence.getAndIncrement());
        if (evictOwnTail != null) {
            dropLocked(q, evictOwnTail);
        }
        if (existing != null) {
            byHash.remove(existing.hash(), existing);
        }
        byHash.put(pooled.hash(), pooled);
        q.put(pooled);
        if (existing != null && q.isPending(nonce)) {
            return List.of(pooled); // a pending transaction replaced: subscribers see the new one
        }
        int before = q.pendingCount();
        List<PooledTransaction> promoted = q.promote();
        pendingSize.addAndGet(q.pendingCount() - before);
        return promoted;
    }

    /** Unlinks an empty queue so refused or mined-out senders do not accumulate; callers hold its monitor. */
    private void retireIfEmpty(SenderQueue q) {
        if (q.byNonce.isEmpty() && !q.retired) {
            q.retired = true;
            senders.remove(q.sender, q);
        }
    }

    /** Whether {@code tx} may replace {@code old}: both fee cap and tip at least the configured bump above. */
    private boolean outbids(Transaction tx, PooledTransaction old) {
        return atLeastBumped(tx.maxFeePerGas(), old.maxFeePerGas()) && atLeastBumped(tx.maxPriorityFeePerGas(), old.maxPriorityFeePerGas());
    }

    private boolean atLeastBumped(UInt256 offered, UInt256 old) {
        // offered * 100 >= old * (100 + bump), in BigInteger because fees may use all 256 bits.
        return offered.toBigInteger().multiply(java.math.BigInteger.valueOf(100))
                .compareTo(old.toBigInteger().multiply(java.math.BigInteger.valueOf(100L + config.priceBumpPercent()))) >= 0;
    }

    /**
     * Reads the account on first sight, and its balance again when the head moved since (it may have received
     * coins). The nonce of an account changes only through its own transactions, which {@link #onNewHead} handles.
     */
    private void refresh(SenderQueue q, PoolHead h) {
        if (q.epoch < 0) {
            q.stateNonce = h.nonce(q.sender);
            q.pendingNonce = q.stateNonce;
        }
        if (q.epoch != epoch) {
            q.balance = h.balance(q.sender);
            q.epoch = epoch;
        }
    }

    /**
     * Frees one slot for {@code tx} (the caller holds the head lock exclusively and {@code own}'s monitor): evicts the
     * least valuable transaction whose removal opens no gap — a sender's highest nonce — queued ones before pending
     * ones, then the lowest tip at the current base fee, then the most recent. The newcomer must be worth more.
     */
    private void makeRoomFor(Transaction tx, SenderQueue own, PoolHead h) {
        Comparator<PooledTransaction> worth = evictionOrder(h.baseFee());
        PooledTransaction victim = null;
        for (SenderQueue q : senders.values()) {
            PooledTransaction tail = q == own ? own.tail() : tailOf(q);
            if (tail != null && (victim == null || worth.compare(tail, victim) < 0)) {
                victim = tail;
            }
        }
        PooledTransaction candidate = new PooledTransaction(tx, tx.sender(), UInt256.ZERO, Long.MAX_VALUE);
        boolean candidatePending = tx.nonce() == own.pendingNonce;
        boolean victimPending = victim != null && senders.get(victim.sender()).isPending(victim.nonce());
        boolean better = victim != null
                && !(victim.sender().equals(tx.sender()) && victim.nonce() < tx.nonce())
                && (candidatePending && !victimPending
                        || candidatePending == victimPending && candidate.effectiveTip(h.baseFee()).compareTo(victim.effectiveTip(h.baseFee())) > 0);
        if (!better) {
            throw new TransactionRejectedException(InvalidTransaction.POOL_FULL, "txpool is full: " + size.get()
                    + " transactions, and none pays less than this one");
        }
        SenderQueue vq = senders.get(victim.sender());
        synchronized (vq) {
            dropLocked(vq, victim);
            if (vq != own) {
                retireIfEmpty(vq);
            }
        }
        size.decrementAndGet();
        PooledTransaction evicted = victim;
        LOG.log(System.Logger.Level.DEBUG, () -> "pool full: evicted " + evicted.hash() + " for " + tx.hash());
    }

    private static PooledTransaction tailOf(SenderQueue q) {
        synchronized (q) {
            return q.tail();
        }
    }

    /** Queued before pending, then lower tip, then newer: the first is evicted first. */
    private Comparator<PooledTransaction> evictionOrder(UInt256 baseFee) {
        return Comparator.<PooledTransaction>comparingInt(t -> senders.get(t.sender()).isPending(t.nonce()) ? 1 : 0)
                .thenComparing(t -> t.effectiveTip(baseFee))
                .thenComparing(Comparator.comparingLong(PooledTransaction::sequence).reversed());
    }

    /** Removes one transaction from its queue and the hash index, keeping the pending count true; not the size. */
    private void dropLocked(SenderQueue q, PooledTransaction tx) {
        int before = q.pendingCount();
        q.remove(tx);
        byHash.remove(tx.hash(), tx);
        pendingSize.addAndGet(q.pendingCount() - before);
    }

    // ------------------------------------------------------------------------------------------------ new heads

    /**
     * Moves the pool to a new head: every sender with a transaction in the new block(s) is re-read, its mined and
     * now-stale transactions (nonce below the account's) are dropped, those it can no longer afford are dropped, and
     * queued ones that became contiguous are promoted (and announced). Other senders re-read their balance lazily.
     *
     * @param senders the senders of the transactions the new blocks included (from anywhere, not only this pool)
     */
    public void onNewHead(PoolHead newHead, Collection<Address> senders) {
        Objects.requireNonNull(newHead, "newHead");
        List<PooledTransaction> promoted = new ArrayList<>();
        headLock.writeLock().lock();
        try {
            head = newHead;
            epoch++;
            for (Address sender : senders) {
                SenderQueue q = this.senders.get(sender);
                if (q == null) {
                    continue;
                }
                moveToHead(q, newHead, promoted);
            }
        } finally {
            headLock.writeLock().unlock();
        }
        notifyPending(promoted);
    }

    /**
     * One sender of the new head's blocks (the caller holds the head lock exclusively): re-read, stale and unaffordable
     * transactions dropped, the pending run recomputed; what became pending is added to {@code promoted}. Kept apart
     * from the loop for the JIT: as one method they made 60 KB of compiled code, compiled four times in a
     * 30,000-transfer run.
     */
    private void moveToHead(SenderQueue q, PoolHead newHead, List<PooledTransaction> promoted) {
        synchronized (q) {
            int before = q.pendingCount();
            long pendingBefore = q.pendingNonce;
            q.stateNonce = newHead.nonce(q.sender);
            q.balance = newHead.balance(q.sender);
            q.epoch = epoch;
            // Mined, or another transaction with the same nonce was mined: stale either way.
            Map<Long, PooledTransaction> stale = q.byNonce.headMap(q.stateNonce);
            int dropped = stale.size();
            for (PooledTransaction tx : stale.values()) {
                byHash.remove(tx.hash(), tx);
                q.totalCost = q.totalCost.sub(tx.cost());
            }
            stale.clear();
            // What the sender held before need not be what it holds now: drop what it can no longer pay for.
            UInt256 running = UInt256.ZERO;
            for (PooledTransaction tx : new ArrayList<>(q.byNonce.values())) {
                UInt256 next = running.add(tx.cost());
                if (next.compareTo(q.balance) > 0) {
                    q.byNonce.remove(tx.nonce());
                    q.totalCost = q.totalCost.sub(tx.cost());
                    byHash.remove(tx.hash(), tx);
                    dropped++;
                    LOG.log(System.Logger.Level.DEBUG, () -> "dropped unaffordable " + tx.hash());
                } else {
                    running = next;
                }
            }
            size.addAndGet(-dropped);
            // The pending run is recomputed from the new account nonce; only what lies past the old
            // frontier is newly pending (the rest was announced when it became pending).
            q.pendingNonce = q.stateNonce;
            for (PooledTransaction tx : q.promote()) {
                if (tx.nonce() >= pendingBefore) {
                    promoted.add(tx);
                }
            }
            pendingSize.addAndGet(q.pendingCount() - before);
            retireIfEmpty(q);
        }
    }

    /**
     * Removes transactions that turned out invalid at execution (the sequencer reports them); the sender's later
     * nonces become queued until the gap is filled again.
     */
    public void remove(Collection<Hash> hashes) {
        headLock.writeLock().lock();
        try {
            for (Hash hash : hashes) {
                PooledTransaction tx = byHash.get(hash);
                if (tx == null) {
                    continue;
                }
                SenderQueue q = senders.get(tx.sender());
                synchronized (q) {
                    dropLocked(q, tx);
                    size.decrementAndGet();
                    retireIfEmpty(q);
                }
            }
        } finally {
            headLock.writeLock().unlock();
        }
    }

    // ----------------------------------------------------------------------------------------------- selection

    /**
     * The transactions for the next block: pending ones whose fee cap reaches {@code baseFee}, best effective tip
     * first across senders (earlier admission first among equals), nonce order within each sender, as long as their
     * gas limits fit in {@code gasLimit}. A sender whose next transaction does not fit is passed over entirely (its
     * later nonces could not execute without it); smaller transactions of others may still fill the block.
     */
    public List<PooledTransaction> select(long gasLimit, UInt256 baseFee) {
        // Walks the live queues lazily, so a block costs O(senders + chosen · log senders) however much is pending.
        // The shared lock keeps removals and eviction out meanwhile: a pending run can only grow (admissions) or
        // have a transaction replaced, and a cursor takes whatever holds its next nonce when it gets there.
        headLock.readLock().lock();
        try {
            PriorityQueue<Cursor> heads = new PriorityQueue<>(Math.max(1, senders.size()), Cursor.BEST);
            for (SenderQueue q : senders.values()) {
                Cursor c = new Cursor(q, baseFee);
                if (c.current != null) {
                    heads.add(c);
                }
            }
            List<PooledTransaction> chosen = new ArrayList<>();
            long gasLeft = gasLimit;
            Cursor c;
            while (gasLeft >= MIN_TRANSACTION_GAS && (c = heads.poll()) != null) {
                PooledTransaction tx = c.current;
                if (Long.compareUnsigned(tx.gasLimit(), gasLeft) > 0) {
                    continue; // this sender is done for this block: its later nonces cannot go before this one
                }
                chosen.add(tx);
                gasLeft -= tx.gasLimit();
                if (c.advance()) {
                    heads.add(c);
                }
            }
            return chosen;
        } finally {
            headLock.readLock().unlock();
        }
    }

    /** One sender's pending run during a selection, positioned on the next transaction it offers. */
    private static final class Cursor {
        /** Best effective tip first; among equals, the earlier admitted. */
        static final Comparator<Cursor> BEST = (a, b) -> {
            int byTip = b.tip.compareTo(a.tip);
            return byTip != 0 ? byTip : Long.compare(a.current.sequence(), b.current.sequence());
        };

        private final SenderQueue queue;
        private final UInt256 baseFee;
        PooledTransaction current;
        UInt256 tip;

        Cursor(SenderQueue queue, UInt256 baseFee) {
            this.queue = queue;
            this.baseFee = baseFee;
            synchronized (queue) {
                position(queue.pendingCount() > 0 ? queue.byNonce.get(queue.stateNonce) : null);
            }
        }

        /** Moves to the sender's next nonce; false when its pending run ends or stops paying the base fee. */
        boolean advance() {
            long next = current.nonce() + 1;
            synchronized (queue) {
                position(queue.isPending(next) ? queue.byNonce.get(next) : null);
            }
            return current != null;
        }

        private void position(PooledTransaction tx) {
            current = tx != null && tx.payableAt(baseFee) ? tx : null;
            tip = current == null ? null : current.effectiveTip(baseFee);
        }
    }

    // ---------------------------------------------------------------------------------------------------- reads

    /** The transaction with this hash, pending or queued. */
    public Optional<PooledTransaction> get(Hash hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    public boolean contains(Hash hash) {
        return byHash.containsKey(hash);
    }

    /**
     * The nonce the sender's next transaction should carry: one past its last pending transaction, or the account
     * nonce when it has none ({@code eth_getTransactionCount(address, "pending")}).
     */
    public long pendingNonce(Address sender) {
        SenderQueue q = senders.get(sender);
        long nonce = q == null ? -1 : q.pendingNonce;
        return nonce >= 0 ? nonce : head.nonce(sender);
    }

    /** One sender's pending transactions, in nonce order. */
    public List<PooledTransaction> pending(Address sender) {
        SenderQueue q = senders.get(sender);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            return q.pending();
        }
    }

    /** One sender's queued transactions (waiting for a nonce gap to fill), in nonce order. */
    public List<PooledTransaction> queued(Address sender) {
        SenderQueue q = senders.get(sender);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            return new ArrayList<>(q.byNonce.tailMap(q.pendingNonce).values());
        }
    }

    /** The senders that have transactions here, pending or queued (a copy). */
    public java.util.Set<Address> senders() {
        return java.util.Set.copyOf(senders.keySet());
    }

    /** Transactions held, pending and queued. */
    public int size() {
        return size.get();
    }

    public int pendingCount() {
        return pendingSize.get();
    }

    public int queuedCount() {
        return size.get() - pendingSize.get();
    }

    public PoolHead head() {
        return head;
    }

    // ----------------------------------------------------------------------------------------------- listeners

    /**
     * Calls {@code listener} with every transaction that becomes pending (new, promoted from the queue, or a
     * replacement), on the thread that caused it, after the pool's locks are released; it must be quick.
     *
     * @return closing it removes the listener
     */
    public AutoCloseable onPending(Consumer<PooledTransaction> listener) {
        pendingListeners.add(listener);
        return () -> pendingListeners.remove(listener);
    }

    private void notifyPending(List<PooledTransaction> txs) {
        if (txs.isEmpty() || pendingListeners.isEmpty()) {
            return;
        }
        for (PooledTransaction tx : txs) {
            for (Consumer<PooledTransaction> l : pendingListeners) {
                try {
                    l.accept(tx);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "pending-transaction listener failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        recovery.shutdownNow();
        try {
            recovery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
