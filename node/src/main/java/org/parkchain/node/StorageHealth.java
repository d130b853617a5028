package org.parkchain.node;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.parkchain.rpc.HealthCheck;

/**
 * {@code /health}'s "storage" check, and the pool's door while storage cannot take blocks: failing after RocksDB
 * reported a read or write error (corrupt files, an I/O error), and while the disk holding the chain has less than
 * {@code minFreeBytes} free — then new transactions are refused with a clear error until space returns, rather
 * than accepted into a pool whose blocks cannot be written.
 */
final class StorageHealth implements HealthCheck {
    private final Path directory;
    private final Supplier<Optional<String>> fault;
    private final LongSupplier usableBytes;
    private final long minFreeBytes;

    StorageHealth(Path directory, Supplier<Optional<String>> fault, LongSupplier usableBytes, long minFreeBytes) {
        this.directory = directory;
        this.fault = fault;
        this.usableBytes = usableBytes;
        this.minFreeBytes = minFreeBytes;
    }

    /** How long a reading of the free space is reused: admission asks on every transaction. */
    static final long FREE_SPACE_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * The free bytes of the file system holding {@code directory}; unknown (max) when it cannot be read. The pool's
     * door asks on every transaction, so the file store is resolved once (finding it parses the mount table: that
     * was a third of the node's CPU under load) and its free space is read at most every 100 ms.
     */
    static LongSupplier usableSpace(Path directory) {
        return new FreeSpace(directory, System::nanoTime, FREE_SPACE_REFRESH_NANOS);
    }

    /** A cached reading of the free space of {@code directory}'s file store, refreshed after {@code refreshNanos}. */
    static final class FreeSpace implements LongSupplier {
        private record Reading(long bytes, long atNanos) {}

        private final Path directory;
        private final LongSupplier nanoClock;
        private final long refreshNanos;
        private volatile FileStore store;
        private volatile Reading last;

        FreeSpace(Path directory, LongSupplier nanoClock, long refreshNanos) {
            this.directory = directory;
            this.nanoClock = nanoClock;
            this.refreshNanos = refreshNanos;
        }

        @Override
        public long getAsLong() {
            long now = nanoClock.getAsLong();
            Reading reading = last;
            if (reading == null || now - reading.atNanos() >= refreshNanos) {
                reading = new Reading(read(), now);
                last = reading;
            }
            return reading.bytes();
        }

        private long read() {
            try {
                FileStore s = store;
                if (s == null) {
                    s = Files.getFileStore(directory);
                    store = s;
                }
                return s.getUsableSpace();
            } catch (IOException | RuntimeException e) {
                store = null; // resolve it again next time: the mount may have changed
                return Long.MAX_VALUE;
            }
        }
    }

    /** Why transactions must be refused now, if they must: the disk is (nearly) full. */
    Optional<String> refusal() {
        long free = usableBytes.getAsLong();
        return free < minFreeBytes ? Optional.of(diskFull(free)) : Optional.empty();
    }

    private String diskFull(long free) {
        return "disk full: " + free / (1024 * 1024) + " MiB free for the chain in " + directory + " (at least "
                + minFreeBytes / (1024 * 1024) + " MiB needed); transactions are refused until space returns";
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public Status check() {
        long free = usableBytes.getAsLong();
        Map<String, Object> facts = Map.of("freeBytes", free);
        Optional<String> error = fault.get();
        if (error.isPresent()) {
            return Status.failing("storage error: " + error.get(), facts);
        }
        if (free < minFreeBytes) {
            return Status.failing(diskFull(free), facts);
        }
        return Status.ok(facts);
    }
}
