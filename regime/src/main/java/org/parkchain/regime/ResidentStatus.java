package org.parkchain.regime;

/** IParkRegistry.Status, in the order of the Solidity enum (its ordinal is the ABI value). */
public enum ResidentStatus {
    NONE, APPLICANT, RESIDENT, SUSPENDED, REVOKED;

    static ResidentStatus of(long ordinal) {
        return ordinal < values().length && ordinal >= 0 ? values()[(int) ordinal] : NONE;
    }
}
