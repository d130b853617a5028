package org.parkchain.consensus;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The development chain's clock: the wall clock plus an offset that evm_increaseTime, evm_setNextBlockTimestamp and
 * evm_mine with a timestamp move forward (never back: block times must increase anyway). The sequencer reads it for
 * block timestamps, so every later block keeps the offset, as with Hardhat's node.
 */
public final class DevClock implements LongSupplier {
    private final LongSupplier wallMillis;
    private final AtomicLong offsetMillis = new AtomicLong();

    public DevClock() {
        this(System::currentTimeMillis);
    }

    public DevClock(LongSupplier wallMillis) {
        this.wallMillis = wallMillis;
    }

    @Override
    public long getAsLong() {
        return wallMillis.getAsLong() + offsetMillis.get();
    }

    /** Moves the clock {@code seconds} ahead; answers the total offset in seconds. */
    public long advance(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("time only moves forward, got " + seconds + " s");
        }
        return offsetMillis.addAndGet(Math.multiplyExact(seconds, 1000L)) / 1000;
    }

    /**
     * Sets the clock so that it reads {@code epochSeconds} now: a block built within the next second gets exactly that
     * timestamp, and later ones count on from it.
     */
    public void setNow(long epochSeconds) {
        offsetMillis.set(Math.multiplyExact(epochSeconds, 1000L) - wallMillis.getAsLong());
    }

    public long offsetMillis() {
        return offsetMillis.get();
    }

    /** Restores an offset read with {@link #offsetMillis} (evm_revert returns to a snapshot's clock). */
    public void restoreOffset(long millis) {
        offsetMillis.set(millis);
    }
}
