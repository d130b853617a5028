package org.parkchain.regime;

import static org.parkchain.regime.TokenLayout.*;

import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;

/**
 * IParkToken: every park token, at its own address (the frame's {@code self}). ERC-20 with the park's rules: both
 * sides of a movement verified, neither blocked nor frozen; mint by the issuer within the cap; freezing and forced
 * transfers by the board. The offerings contract uses the package-private methods as internal calls, which apply
 * the same rules.
 */
final class ParkToken extends SystemContract {
    static final Hash TRANSFER = eventTopic("Transfer(address,address,uint256)");
    static final Hash APPROVAL = eventTopic("Approval(address,address,uint256)");
    static final Hash FROZEN = eventTopic("Frozen(address,bool)");
    static final Hash FORCED_TRANSFER = eventTopic("ForcedTransfer(address,address,uint256)");

    ParkToken() {
        super("token");
        function("name()", (f, a) -> Tuple.builder().bytes(f.storage().bytes(NAME)).build().encode());
        function("symbol()", (f, a) -> Tuple.builder().bytes(f.storage().bytes(SYMBOL)).build().encode());
        function("decimals()", (f, a) -> returnsUint(f.storage().load(DECIMALS)));
        function("totalSupply()", (f, a) -> returnsUint(f.storage().load(TOTAL_SUPPLY)));
        function("balanceOf(address)", (f, a) -> returnsUint(balance(f.storage().load(holder(a.address(0))))));
        function("allowance(address,address)", (f, a) -> returnsUint(f.storage().load(allowance(a.address(0), a.address(1)))));
        function("transfer(address,uint256)", (f, a) -> {
            Address to = a.address(0);
            UInt256 amount = a.uint256(1);
            move(f, f.caller, to, amount);
            return returnsBool(true);
        });
        function("approve(address,uint256)", (f, a) -> {
            Address spender = a.address(0);
            UInt256 amount = a.uint256(1);
            f.requireWritable();
            require(!spender.equals(Address.ZERO), "approve to the zero address");
            f.storage().store(allowance(f.caller, spender), amount);
            f.emit(APPROVAL, List.of(Slots.topic(f.caller), Slots.topic(spender)), returnsUint(amount));
            return returnsBool(true);
        });
        function("transferFrom(address,address,uint256)", (f, a) -> {
            transferFrom(f, a.address(0), a.address(1), a.uint256(2));
            return returnsBool(true);
        });
        function("issuer()", (f, a) -> returnsAddress(f.storage().address(ISSUER)));
        function("cap()", (f, a) -> returnsUint(f.storage().load(CAP)));
        function("kind()", (f, a) -> returnsUint(f.storage().load(KIND)));
        function("whitePaperHash()", (f, a) -> returnsUint(f.storage().load(WHITE_PAPER_HASH)));
        function("mint(address,uint256)", (f, a) -> {
            Address to = a.address(0);
            UInt256 amount = a.uint256(1);
            f.requireWritable();
            Address issuer = f.storage().address(ISSUER);
            require(f.registry().activeResidentOf(f.caller).equals(issuer), "only the issuer, an active resident, can mint");
            var s = f.storage();
            require(!exceeds(s.load(TOTAL_SUPPLY).toBigInteger().add(s.load(RESERVED).toBigInteger()).add(amount.toBigInteger()), s.load(CAP)),
                    "mint exceeds the cap (room promised to offerings included)");
            mint(f, to, amount);
            return NOTHING;
        });
        function("burn(uint256)", (f, a) -> {
            UInt256 amount = a.uint256(0);
            f.requireWritable();
            var s = f.storage();
            UInt256 word = s.load(holder(f.caller));
            require(!isFrozen(word), "account is frozen; only the board can move its tokens");
            require(balance(word).compareTo(amount) >= 0, "burn amount exceeds balance");
            s.store(holder(f.caller), word.sub(amount));
            s.store(TOTAL_SUPPLY, s.load(TOTAL_SUPPLY).sub(amount));
            f.emit(TRANSFER, List.of(Slots.topic(f.caller), Slots.topic(Address.ZERO)), returnsUint(amount));
            return NOTHING;
        });
        function("setFrozen(address,bool)", (f, a) -> {
            Address account = a.address(0);
            boolean frozen = a.bool(1);
            requireBoard(f);
            require(!account.equals(Address.ZERO), "cannot freeze the zero address");
            var s = f.storage();
            UInt256 word = s.load(holder(account));
            s.store(holder(account), frozen ? word.or(FROZEN_BIT) : word.and(BALANCE_MASK));
            f.emit(FROZEN, List.of(Slots.topic(account)), returnsBool(frozen));
            return NOTHING;
        });
        function("forcedTransfer(address,address,uint256)", (f, a) -> {
            Address from = a.address(0);
            Address to = a.address(1);
            UInt256 amount = a.uint256(2);
            requireBoard(f);
            // A court order moves tokens out of a frozen account, so neither the freeze nor the sender's verification
            // applies; the recipient still may not be the zero address or a blocked one.
            require(!to.equals(Address.ZERO), "transfer to the zero address");
            require(!f.registry().isBlocked(to), "transfer to a blocked address");
            debitCredit(f, from, to, amount, true);
            f.emit(FORCED_TRANSFER, List.of(Slots.topic(from), Slots.topic(to)), returnsUint(amount));
            return NOTHING;
        });
        function("isFrozen(address)", (f, a) -> returnsBool(isFrozen(f.storage().load(holder(a.address(0))))));
    }

    private void requireBoard(Frame f) {
        require(f.caller.equals(SystemAddresses.REGISTRY), "board-only function, call it through a registry proposal");
    }

    static UInt256 balance(UInt256 holderWord) {
        return holderWord.and(BALANCE_MASK);
    }

    static boolean isFrozen(UInt256 holderWord) {
        return holderWord.testBit(255);
    }

    private static boolean exceeds(java.math.BigInteger value, UInt256 cap) {
        return value.compareTo(cap.toBigInteger()) > 0;
    }

    // --- movements, also the internal calls of the offerings --------------------------------------------------

    /** ERC-20 transferFrom with {@code f.caller} as the spender. */
    void transferFrom(Frame f, Address from, Address to, UInt256 amount) {
        f.requireWritable();
        var s = f.storage();
        UInt256 slot = allowance(from, f.caller);
        UInt256 allowed = s.load(slot);
        require(allowed.compareTo(amount) >= 0, "transfer amount exceeds allowance");
        // An allowance of 2^256-1 is "unlimited" and not spent down, as in OpenZeppelin's ERC-20.
        if (!allowed.equals(UInt256.MAX)) {
            s.store(slot, allowed.sub(amount));
        }
        move(f, from, to, amount);
    }

    /** A transfer under the park's rules: both sides may hold tokens, neither frozen, enough balance. */
    void move(Frame f, Address from, Address to, UInt256 amount) {
        f.requireWritable();
        require(!to.equals(Address.ZERO), "transfer to the zero address");
        requireMayHold(f, from, "sender");
        requireMayHold(f, to, "recipient");
        debitCredit(f, from, to, amount, false);
    }

    /**
     * Gives tokens a system contract holds for {@code to} back to it (an exchange order's lock): {@code to} may not
     * be blocked or frozen, but need not still be verified, since the tokens were its own.
     */
    void giveBack(Frame f, Address from, Address to, UInt256 amount) {
        f.requireWritable();
        require(!f.registry().isBlocked(to), "transfer to a blocked address");
        debitCredit(f, from, to, amount, false);
    }

    boolean isFrozen(Frame f, Address account) {
        return isFrozen(f.storage().load(holder(account)));
    }

    /** Mints {@code amount} to {@code to}; the caller has checked the authority and the cap. */
    void mint(Frame f, Address to, UInt256 amount) {
        f.requireWritable();
        require(!to.equals(Address.ZERO), "mint to the zero address");
        requireMayHold(f, to, "recipient");
        var s = f.storage();
        UInt256 word = s.load(holder(to));
        require(!isFrozen(word), "recipient account is frozen");
        s.store(TOTAL_SUPPLY, s.load(TOTAL_SUPPLY).add(amount));
        s.store(holder(to), word.add(amount));
        f.emit(TRANSFER, List.of(Slots.topic(Address.ZERO), Slots.topic(to)), returnsUint(amount));
    }

    /** Room under the cap not yet minted nor promised to an offering. */
    UInt256 room(Frame f) {
        var s = f.storage();
        java.math.BigInteger room = s.load(CAP).toBigInteger()
                .subtract(s.load(TOTAL_SUPPLY).toBigInteger())
                .subtract(s.load(RESERVED).toBigInteger());
        return room.signum() <= 0 ? UInt256.ZERO : UInt256.of(room);
    }

    void reserve(Frame f, UInt256 amount) {
        var s = f.storage();
        s.store(RESERVED, s.load(RESERVED).add(amount));
    }

    void release(Frame f, UInt256 amount) {
        var s = f.storage();
        s.store(RESERVED, s.load(RESERVED).sub(amount));
    }

    UInt256 decimals(Frame f) {
        return f.storage().load(DECIMALS);
    }

    Address issuer(Frame f) {
        return f.storage().address(ISSUER);
    }

    /**
     * Who may hold and move park tokens: a verified account (IParkRegistry.isVerified), the park's own system
     * contracts that exist (the offerings hold payments in escrow) and the treasury (it receives the levy) — never a
     * blocked one, nor an empty reserved address. Minting, transfers and payouts all go through here.
     */
    private void requireMayHold(Frame f, Address account, String side) {
        if (SystemAddresses.isReserved(account)) {
            // Only a system contract that exists can use what it holds; tokens sent to an empty reserved address
            // (0x…10ff) would be stranded for ever.
            require(f.contracts.isSystemContract(f.world, account), side + " " + account
                    + " is a reserved address without a system contract and cannot hold park tokens");
            return;
        }
        RegistryView rules = f.registry();
        if (rules.isBlocked(account)) {
            throw refuse(side.equals("recipient") ? "transfer to a blocked address" : "transfer from a blocked address");
        }
        boolean verified = rules.isBoardMember(account) || rules.isCurrentClient(account, f.now())
                || !rules.activeResidentOf(account).equals(Address.ZERO) || account.equals(rules.treasury());
        require(verified, side + " " + account + " is not verified");
    }

    /** Moves the balance; the frozen flags of both sides are checked here, in the same word as the balance. */
    private void debitCredit(Frame f, Address from, Address to, UInt256 amount, boolean forced) {
        var s = f.storage();
        UInt256 fromWord = s.load(holder(from));
        require(forced || !isFrozen(fromWord), "sender account is frozen");
        require(balance(fromWord).compareTo(amount) >= 0, "transfer amount exceeds balance");
        if (from.equals(to)) {
            f.emit(TRANSFER, List.of(Slots.topic(from), Slots.topic(to)), returnsUint(amount));
            return;
        }
        UInt256 toWord = s.load(holder(to));
        require(forced || !isFrozen(toWord), "recipient account is frozen");
        s.store(holder(from), fromWord.sub(amount));
        // Cannot overflow into the frozen bit: the total supply, and so every balance, stays below the cap < 2^255.
        s.store(holder(to), toWord.add(amount));
        f.emit(TRANSFER, List.of(Slots.topic(from), Slots.topic(to)), returnsUint(amount));
    }
}
