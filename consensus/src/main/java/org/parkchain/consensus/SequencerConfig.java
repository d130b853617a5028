package org.parkchain.consensus;

import java.util.Objects;
import org.parkchain.primitives.Address;

/**
 * How the solo sequencer makes blocks.
 *
 * @param blockTimeMs 0 for instant mode (a block as soon as transactions wait, batching all that wait up to the gas
 *     limit); otherwise one block every this many milliseconds ({@code --block-time MS})
 * @param emptyBlocks in fixed-period mode, whether a period with nothing to include still produces a block. Instant
 *     mode never makes empty blocks, except to lower the base fee under transactions that wait for it
 * @param coinbase who receives the priority fees
 * @param extraData the header's extra data (at most 32 bytes)
 */
public record SequencerConfig(long blockTimeMs, boolean emptyBlocks, Address coinbase, byte[] extraData) {
    public SequencerConfig {
        if (blockTimeMs < 0) {
            throw new IllegalArgumentException("block time must be 0 (instant) or positive, got " + blockTimeMs + " ms");
        }
        Objects.requireNonNull(coinbase, "coinbase");
        extraData = extraData.clone();
        if (extraData.length > 32) {
            throw new IllegalArgumentException("extra data is " + extraData.length + " bytes, at most 32");
        }
    }

    /** Instant mode, the {@code --dev} default. */
    public static SequencerConfig instant(Address coinbase) {
        return new SequencerConfig(0, false, coinbase, new byte[0]);
    }

    /**
     * A block every {@code blockTimeMs}, empty or not: a fixed period is a clock, and the park's rules read it
     * (offering deadlines, expiring client identifications), so time on the ledger must advance while nobody
     * transacts, as it does on Clique/QBFT networks and with Hardhat's interval mining.
     */
    public static SequencerConfig period(long blockTimeMs, Address coinbase) {
        if (blockTimeMs <= 0) {
            throw new IllegalArgumentException("a fixed block period must be positive, got " + blockTimeMs + " ms");
        }
        return new SequencerConfig(blockTimeMs, true, coinbase, new byte[0]);
    }

    public SequencerConfig withEmptyBlocks(boolean value) {
        return new SequencerConfig(blockTimeMs, value, coinbase, extraData);
    }

    public boolean instant() {
        return blockTimeMs == 0;
    }

    @Override
    public byte[] extraData() {
        return extraData.clone();
    }
}
