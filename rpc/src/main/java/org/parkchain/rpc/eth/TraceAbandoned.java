package org.parkchain.rpc.eth;

import java.time.Duration;

/** Thrown by a tracer to give up a trace that grew too large or ran out of time; the caller answers its message. */
public final class TraceAbandoned extends RuntimeException {
    private TraceAbandoned(String message) {
        super(message, null, false, false);
    }

    static TraceAbandoned tooLarge(long maxBytes) {
        return new TraceAbandoned("trace too large: over " + maxBytes + " bytes (trace fewer steps with \"limit\","
                + " leave out the stack with \"disableStack\", or use the callTracer)");
    }

    /** geth's words, with the limit that ran out. */
    static TraceAbandoned timedOut(Duration timeout) {
        return new TraceAbandoned("execution timeout: the trace ran longer than " + timeout.toMillis() + " ms");
    }
}
