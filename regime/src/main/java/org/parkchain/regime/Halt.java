package org.parkchain.regime;

import org.parkchain.evm.HaltReason;

/** An exceptional halt as the EVM has them (out of gas, a write in a static call): all gas is consumed. */
final class Halt extends RuntimeException {
    final HaltReason reason;

    Halt(HaltReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }
}
