package org.parkchain.conformance;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/** Counts passes and failures and prints one line per failure. Thread-safe so files may run in parallel. */
public final class Report {
    private final PrintWriter out;
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Report(PrintWriter out) {
        this.out = out;
    }

    public void pass() {
        passed.incrementAndGet();
    }

    /** Records a failure; {@code line} names the file, the case and the first difference. */
    public void fail(String line) {
        failed.incrementAndGet();
        synchronized (out) {
            out.println("FAIL " + line);
        }
    }

    public long passed() {
        return passed.get();
    }

    public long failed() {
        return failed.get();
    }

    /** The closing line every conformance command prints. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
