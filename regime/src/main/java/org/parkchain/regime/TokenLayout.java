package org.parkchain.regime;

import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;

/** Where a park token (at its own address) and the token factory (0x…1001) keep their state. */
final class TokenLayout {
    // --- a park token ---
    static final UInt256 NAME = Slots.root(0);
    static final UInt256 SYMBOL = Slots.root(1);
    static final UInt256 DECIMALS = Slots.root(2);
    static final UInt256 CAP = Slots.root(3);
    static final UInt256 KIND = Slots.root(4);
    static final UInt256 WHITE_PAPER_HASH = Slots.root(5);
    static final UInt256 ISSUER = Slots.root(6);
    static final UInt256 TOTAL_SUPPLY = Slots.root(7);
    /** Room under the cap promised to open offerings, so the issuer cannot mint it away before they settle. */
    static final UInt256 RESERVED = Slots.root(8);
    /**
     * holder → one word: the balance in bits 0–254, the frozen flag in bit 255. One slot per holder keeps a
     * transfer's reads at an ordinary ERC-20's; it is why a cap must stay below 2^255.
     */
    static final UInt256 HOLDER = Slots.root(9);
    /** owner → spender → allowance. */
    static final UInt256 ALLOWANCE = Slots.root(10);

    // --- the factory ---
    /** address[] of every token created, in order. */
    static final UInt256 TOKENS = Slots.root(0);
    /** token → issuer (the resident's primary account); zero for an address that is not a park token. */
    static final UInt256 ISSUER_OF = Slots.root(1);

    static final UInt256 FROZEN_BIT = UInt256.ONE.shl(255);
    static final UInt256 BALANCE_MASK = FROZEN_BIT.sub(UInt256.ONE);

    private TokenLayout() {}

    static UInt256 holder(Address account) {
        return Slots.mapping(HOLDER, account);
    }

    static UInt256 allowance(Address owner, Address spender) {
        return Slots.mapping(Slots.mapping(ALLOWANCE, owner), spender);
    }

    static UInt256 issuerOf(Address token) {
        return Slots.mapping(ISSUER_OF, token);
    }
}
