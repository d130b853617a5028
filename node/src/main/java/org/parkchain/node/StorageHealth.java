package org.parkchain.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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

    /** The free bytes of the file system holding {@code directory}; unknown (max) when it cannot be read. */
    static LongSupplier usableSpace(Path directory) {
        return () -> {
            try {
                return java.nio.file.Files.getFileStore(directory).getUsableSpace();
            } catch (java.io.IOException | RuntimeException e) {
                return Long.MAX_VALUE;
            }
        };
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
