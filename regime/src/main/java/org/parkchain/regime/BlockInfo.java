package org.parkchain.regime;

/** What the system contracts need of the block they run in: its number and its timestamp in unix seconds. */
public record BlockInfo(long number, long timestamp) {
    public BlockInfo {
        if (number < 0 || timestamp < 0) {
            throw new IllegalArgumentException("block number and timestamp are non-negative");
        }
    }
}
