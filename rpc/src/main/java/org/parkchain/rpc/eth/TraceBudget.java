package org.parkchain.rpc.eth;

/** The bytes one trace request may produce, shared by the loggers of a block's transactions. */
final class TraceBudget {
    private final long maxBytes;
    private long used;

    TraceBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @throws TraceAbandoned once the request's output passes the budget */
    void charge(long bytes) {
        used += bytes;
        if (used > maxBytes) throw TraceAbandoned.tooLarge(maxBytes);
    }
}
