package org.parkchain.node;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries events from the thread that produces (or applies) blocks to the thread that tells subscribers and
 * filters about them, so block production never waits for clients: the producer only appends to a bounded queue.
 *
 * <p>When the queue is full the consumer has fallen {@code capacity} events behind; the producer still does not
 * wait. The queued events are dropped and {@code onLost} runs on the relay's thread before the next event, so that
 * the listeners can end what now has a gap (subscriptions are closed with a reason, filters removed) rather than
 * let clients believe they saw every block.
 *
 * @param <E> the event
 */
final class ChainEventRelay<E> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChainEventRelay.class.getName());

    private final BlockingQueue<E> queue;
    private final Consumer<E> consumer;
    private final Runnable onLost;
    private final Thread thread;
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean lostPending;
    private volatile boolean running = true;

    ChainEventRelay(String name, int capacity, Consumer<E> consumer, Runnable onLost) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.onLost = onLost;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code event}; never blocks. */
    void publish(E event) {
        if (!queue.offer(event)) {
            int dropped = queue.size();
            queue.clear();
            lost.addAndGet(dropped + 1L);
            lostPending = true;
            LOG.log(System.Logger.Level.WARNING, "event listeners fell " + dropped + " events behind block "
                    + "production; dropping them and ending subscriptions and filters that would miss them");
            queue.offer(event);
        }
    }

    /** Events dropped because the listeners fell behind, since start. */
    long lost() {
        return lost.get();
    }

    /** Events waiting for the listeners. */
    int backlog() {
        return queue.size();
    }

    private void run() {
        while (running) {
            E event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (lostPending) {
                lostPending = false;
                guard(onLost::run);
            }
            if (event != null) {
                guard(() -> consumer.accept(event));
            }
        }
    }

    /** A listener's failure, even an Error such as running out of memory, costs its event, not the relay. */
    private static void guard(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "chain event listener failed", e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
