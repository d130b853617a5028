package org.parkchain.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The leader's side of "no transaction silently dropped on a failover": every transaction a client sends straight to
 * the leader is copied, in batches every few milliseconds, into each follower's pool. Should the leader die before
 * putting it in a block, the next leader (one of those followers) has it. Followers forward their own clients'
 * transactions and keep those copies themselves ({@link TransactionForwarder}). A follower that cannot be reached
 * misses its copies; they are a safety net, not a replication protocol (the log is that).
 */
final class FollowerCopies implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FollowerCopies.class.getName());
    private static final int MAX_BATCH = 256;

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>(100_000);
    private final Supplier<List<String>> followers;
    private final BiConsumer<String, List<byte[]>> send;
    private final Thread sender;
    private volatile boolean running = true;

    /**
     * @param followers the ids of the members to copy to (everyone but this member)
     * @param send delivers one batch to one follower; may throw when it is unreachable
     */
    FollowerCopies(Supplier<List<String>> followers, BiConsumer<String, List<byte[]>> send) {
        this.followers = followers;
        this.send = send;
        this.sender = new Thread(this::run, "raft-copies");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues a copy of a transaction this leader admitted from a client. */
    void copy(byte[] raw) {
        if (!queue.offer(raw)) {
            LOG.log(System.Logger.Level.WARNING, "follower copies are falling behind; a transaction is not copied");
        }
    }

    private void run() {
        while (running) {
            List<byte[]> batch = new ArrayList<>();
            try {
                byte[] first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                Thread.sleep(5); // let a burst gather into one batch
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            for (String follower : followers.get()) {
                try {
                    send.accept(follower, batch);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "cannot copy transactions to " + follower + ": " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
    }
}
