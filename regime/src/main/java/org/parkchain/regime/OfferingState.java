package org.parkchain.regime;

/** IOfferings.State, in the order of the Solidity enum. */
public enum OfferingState {
    DRAFT, APPROVED, SUCCEEDED, FAILED, CANCELLED;

    static OfferingState of(long ordinal) {
        return ordinal >= 0 && ordinal < values().length ? values()[(int) ordinal] : DRAFT;
    }
}
