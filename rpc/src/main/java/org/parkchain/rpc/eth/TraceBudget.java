package org.parkchain.rpc.eth;

/**
 * The bytes one trace request may produce, shared by the loggers of a block's transactions (the explorer charges its
 * call trees to one too).
 */
public final class TraceBudget {
    /** What one trace may grow to before it is abandoned (a struct log of a 30M-gas loop would be gigabytes). */
    public static final long MAX_BYTES = 64L << 20;

    private final long maxBytes;
    private long used;

    public TraceBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @throws TraceAbandoned once the request's output passes the budget */
    public void charge(long bytes) {
        used += bytes;
        if (used > maxBytes) throw TraceAbandoned.tooLarge(maxBytes);
    }
}
