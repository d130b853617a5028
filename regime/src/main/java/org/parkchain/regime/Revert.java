package org.parkchain.regime;

/**
 * A refusal by the park's rules, carrying the reason a person reads ("offering: non-qualified limit exceeded").
 * Thrown inside a native call and turned into {@code Error(string)} revert data at the call's edge; it never
 * leaves the regime module. No stack trace: it is control flow, not a bug.
 */
final class Revert extends RuntimeException {
    Revert(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
