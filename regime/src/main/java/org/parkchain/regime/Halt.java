package org.parkchain.regime;

/** An exceptional halt as the EVM has them (out of gas, a write in a static call): all gas is consumed. */
final class Halt extends RuntimeException {
    Halt(String reason) {
        super(reason, null, false, false);
    }
}
