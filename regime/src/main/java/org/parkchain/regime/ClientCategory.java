package org.parkchain.regime;

/** IParkRegistry.Category, in the order of the Solidity enum. */
public enum ClientCategory {
    NONE, NON_QUALIFIED, QUALIFIED;

    static ClientCategory of(long ordinal) {
        return ordinal < values().length && ordinal >= 0 ? values()[(int) ordinal] : NONE;
    }
}
