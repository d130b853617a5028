package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/**
 * Where the registry (0x…1000) keeps its state. Root slots are numbered like Solidity state variables; mapping
 * entries are at keccak(key . root); struct fields follow at consecutive slots. README.md shows the same table.
 */
final class RegistryLayout {
    static final UInt256 THRESHOLD = Slots.root(0);
    /** address[] of board members. */
    static final UInt256 BOARD = Slots.root(1);
    /** member → index in BOARD plus one (0 = not a member), so membership is one read and removal is a swap. */
    static final UInt256 BOARD_INDEX = Slots.root(2);
    static final UInt256 PROPOSAL_COUNT = Slots.root(3);
    /** id → {proposer, target, approvals, executed, call (bytes)}. */
    static final UInt256 PROPOSALS = Slots.root(4);
    /** id → member → approved. */
    static final UInt256 APPROVED = Slots.root(5);
    /** address[] of residents' primary accounts, in order of application. */
    static final UInt256 RESIDENTS = Slots.root(6);
    /** primary → {status, roles, name, registrationNo, businessProjectHash, appliedAt, admittedAt}. */
    static final UInt256 RESIDENT = Slots.root(7);
    /** account → the primary account it acts for (a primary account maps to itself). */
    static final UInt256 RESIDENT_OF = Slots.root(8);
    /** account → {category, legalEntity, country, kycHash, verifiedBy, verifiedAt, expiresAt}. */
    static final UInt256 CLIENT = Slots.root(9);
    /** account → blocked. */
    static final UInt256 BLOCKED = Slots.root(10);
    static final UInt256 TREASURY = Slots.root(11);
    static final UInt256 LEVY_RATE_BPS = Slots.root(12);
    /** resident → asset → total levy paid. */
    static final UInt256 LEVY_PAID = Slots.root(13);

    static final long P_PROPOSER = 0, P_TARGET = 1, P_APPROVALS = 2, P_EXECUTED = 3, P_CALL = 4;
    static final long R_STATUS = 0, R_ROLES = 1, R_NAME = 2, R_REGISTRATION_NO = 3, R_PROJECT_HASH = 4,
            R_APPLIED_AT = 5, R_ADMITTED_AT = 6;
    static final long C_CATEGORY = 0, C_LEGAL_ENTITY = 1, C_COUNTRY = 2, C_KYC_HASH = 3, C_VERIFIED_BY = 4,
            C_VERIFIED_AT = 5, C_EXPIRES_AT = 6;

    private RegistryLayout() {}

    static UInt256 proposal(long id, long field) {
        return Slots.field(Slots.mapping(PROPOSALS, id), field);
    }

    static UInt256 approved(long id, Address member) {
        return Slots.mapping(Slots.mapping(APPROVED, id), member);
    }

    static UInt256 resident(Address primary, long field) {
        return Slots.field(Slots.mapping(RESIDENT, primary), field);
    }

    static UInt256 client(Address account, long field) {
        return Slots.field(Slots.mapping(CLIENT, account), field);
    }

    static UInt256 levyPaid(Address resident, Address asset) {
        return Slots.mapping(Slots.mapping(LEVY_PAID, resident), asset);
    }
}
