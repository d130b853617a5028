package org.parkchain.regime;

import java.math.BigInteger;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;

/**
 * IOfferings at 0x…1002: a resident's token placement with escrow. Payments (native coin in this contract's
 * balance, or a park token held by this address) stay here until finalize pays the issuer less the levy, or the
 * subscribers take them back as refunds. Tokens are minted to subscribers when they claim, from room under the
 * token's cap reserved when the offering was created.
 */
final class Offerings extends SystemContract {
    static final Hash OFFERING_CREATED = eventTopic("OfferingCreated(uint256,address,address,address)");
    static final Hash OFFERING_APPROVED = eventTopic("OfferingApproved(uint256,address)");
    static final Hash OFFERING_CANCELLED = eventTopic("OfferingCancelled(uint256)");
    static final Hash SUBSCRIBED = eventTopic("Subscribed(uint256,address,uint256,uint256)");
    static final Hash OFFERING_FINALIZED = eventTopic("OfferingFinalized(uint256,bool,uint256,uint256,uint256)");
    static final Hash CLAIMED = eventTopic("Claimed(uint256,address,uint256)");
    static final Hash REFUNDED = eventTopic("Refunded(uint256,address,uint256)");

    // --- storage layout (0x…1002) ---
    static final UInt256 COUNT = Slots.root(0);
    /** id → the Offering struct's fields, in the interface's order, one slot each. */
    static final UInt256 OFFERING = Slots.root(1);
    /** id → investor → {tokenAmount, paid, claimed}. */
    static final UInt256 SUBSCRIPTION = Slots.root(2);
    static final long TOKEN = 0, ISSUER = 1, ORGANISER = 2, PAYMENT_ASSET = 3, PRICE = 4, SOFT_CAP = 5, HARD_CAP = 6,
            START = 7, END = 8, NON_QUALIFIED_LIMIT = 9, WHITE_PAPER_HASH = 10, STATE = 11, SOLD = 12, RAISED = 13;
    static final long S_TOKEN_AMOUNT = 0, S_PAID = 1, S_CLAIMED = 2;

    private final ParkToken tokens;

    Offerings(ParkToken tokens) {
        super("offering");
        this.tokens = tokens;
        function("createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)", this::create);
        function("approveOffering(uint256)", this::approve);
        function("cancelOffering(uint256)", this::cancel);
        payable("subscribe(uint256,uint256)", this::subscribe);
        function("finalize(uint256)", this::finalize);
        function("claim(uint256)", this::claim);
        function("offeringCount()", (f, a) -> returnsUint(f.storage().load(COUNT)));
        function("getOffering(uint256)", this::getOffering);
        function("subscriptionOf(uint256,address)", (f, a) -> {
            long id = existing(f, a.uint256(0));
            Address investor = a.address(1);
            var s = f.storage();
            return Tuple.builder()
                    .uint256(s.load(subscription(id, investor, S_TOKEN_AMOUNT)))
                    .uint256(s.load(subscription(id, investor, S_PAID)))
                    .bool(s.flag(subscription(id, investor, S_CLAIMED)))
                    .build().encode();
        });
    }

    static UInt256 field(long id, long field) {
        return Slots.field(Slots.mapping(OFFERING, id), field);
    }

    static UInt256 subscription(long id, Address investor, long field) {
        return Slots.field(Slots.mapping(Slots.mapping(SUBSCRIPTION, id), investor), field);
    }

    private long existing(Frame f, UInt256 rawId) {
        require(rawId.fitsLong() && rawId.toLong() >= 1 && rawId.toLong() <= f.storage().small(COUNT), "no offering " + rawId);
        return rawId.toLong();
    }

    private OfferingState state(Frame f, long id) {
        return OfferingState.of(f.storage().small(field(id, STATE)));
    }

    /** The frame in which this contract acts on a park token: the token's storage, this contract as the caller. */
    private static Frame onToken(Frame f, Address token) {
        return f.callInto(token);
    }

    private byte[] create(Frame f, Tuple a) {
        Address token = a.address(0);
        Address organiser = a.address(1);
        Address paymentAsset = a.address(2);
        UInt256 price = a.uint256(3);
        UInt256 softCap = a.uint256(4);
        UInt256 hardCap = a.uint256(5);
        long start = a.uint64(6);
        long end = a.uint64(7);
        UInt256 nonQualifiedLimit = a.uint256(8);
        Hash whitePaperHash = a.bytes32(9);
        f.requireWritable();
        require(TokenFactory.isToken(f.world, token), token + " is not a park token");
        Frame onToken = onToken(f, token);
        Address issuer = tokens.issuer(onToken);
        RegistryView rules = f.registry();
        require(rules.activeResidentOf(f.caller).equals(issuer), "only the token's issuer, an active resident, can offer it");
        require(rules.hasRole(issuer, Role.TOKEN_ISSUER), "the issuer lacks role TOKEN_ISSUER");
        require(rules.residentOf(organiser).equals(organiser) && rules.hasRole(organiser, Role.ICO_ORGANISER),
                "organiser " + organiser + " is not an active resident with role ICO_ORGANISER");
        require(paymentAsset.equals(Address.ZERO) || (TokenFactory.isToken(f.world, paymentAsset) && !paymentAsset.equals(token)),
                "payment asset must be the native coin (address 0) or another park token");
        require(!price.isZero(), "price must be above zero");
        require(Long.compareUnsigned(start, end) < 0, "start must be before end");
        require(Long.compareUnsigned(end, f.now()) > 0, "end is already past");
        require(!hardCap.isZero(), "hard cap must be above zero");
        require(softCap.compareTo(hardCap) <= 0, "soft cap must not exceed hard cap");
        require(hardCap.compareTo(tokens.room(onToken)) <= 0, "hard cap exceeds the room left under the token's cap");
        tokens.reserve(onToken, hardCap);

        var s = f.storage();
        long id = s.small(COUNT) + 1;
        s.store(COUNT, id);
        s.store(field(id, TOKEN), token);
        s.store(field(id, ISSUER), issuer);
        s.store(field(id, ORGANISER), organiser);
        s.store(field(id, PAYMENT_ASSET), paymentAsset);
        s.store(field(id, PRICE), price);
        s.store(field(id, SOFT_CAP), softCap);
        s.store(field(id, HARD_CAP), hardCap);
        s.store(field(id, START), start);
        s.store(field(id, END), end);
        s.store(field(id, NON_QUALIFIED_LIMIT), nonQualifiedLimit);
        s.store(field(id, WHITE_PAPER_HASH), whitePaperHash);
        s.store(field(id, STATE), OfferingState.DRAFT.ordinal());
        f.emit(OFFERING_CREATED, List.of(Slots.topic(id), Slots.topic(token), Slots.topic(issuer)), organiser.toWord());
        return returnsUint(id);
    }

    private byte[] approve(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        f.requireWritable();
        var s = f.storage();
        Address organiser = s.address(field(id, ORGANISER));
        RegistryView rules = f.registry();
        require(rules.activeResidentOf(f.caller).equals(organiser) && rules.hasRole(organiser, Role.ICO_ORGANISER),
                "only the named organiser, an active ICO organiser, can approve");
        require(state(f, id) == OfferingState.DRAFT, "offering " + id + " is not a draft");
        require(Long.compareUnsigned(f.now(), s.small(field(id, END))) < 0, "offering " + id + " has already ended");
        s.store(field(id, STATE), OfferingState.APPROVED.ordinal());
        f.emit(OFFERING_APPROVED, List.of(Slots.topic(id), Slots.topic(organiser)), NOTHING);
        return NOTHING;
    }

    private byte[] cancel(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        f.requireWritable();
        var s = f.storage();
        OfferingState state = state(f, id);
        require(state == OfferingState.DRAFT || state == OfferingState.APPROVED, "offering " + id + " is already finalized or cancelled");
        if (!f.caller.equals(SystemAddresses.REGISTRY)) {
            require(f.registry().residentOf(f.caller).equals(s.address(field(id, ISSUER))),
                    "only the issuer, or the board through a proposal, can cancel");
            require(Long.compareUnsigned(f.now(), s.small(field(id, START))) < 0,
                    "the issuer can cancel only before the start; after it only the board can");
        }
        s.store(field(id, STATE), OfferingState.CANCELLED.ordinal());
        tokens.release(onToken(f, s.address(field(id, TOKEN))), s.load(field(id, HARD_CAP)));
        f.emit(OFFERING_CANCELLED, List.of(Slots.topic(id)), NOTHING);
        return NOTHING;
    }

    private byte[] subscribe(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        UInt256 tokenAmount = a.uint256(1);
        f.requireWritable();
        var s = f.storage();
        require(state(f, id) == OfferingState.APPROVED, "offering " + id + " is not open (not approved, or settled)");
        long now = f.now();
        require(Long.compareUnsigned(now, s.small(field(id, START))) >= 0, "offering " + id + " has not started");
        require(Long.compareUnsigned(now, s.small(field(id, END))) < 0, "offering " + id + " has ended");
        require(!tokenAmount.isZero(), "token amount must be above zero");
        UInt256 sold = s.load(field(id, SOLD));
        BigInteger newSold = sold.toBigInteger().add(tokenAmount.toBigInteger());
        require(newSold.compareTo(s.load(field(id, HARD_CAP)).toBigInteger()) <= 0, "subscription exceeds the hard cap");

        Address investor = f.caller;
        RegistryView rules = f.registry();
        require(rules.isVerified(investor, now), "investor " + investor + " is not verified");
        Address token = s.address(field(id, TOKEN));
        UInt256 cost = cost(tokenAmount, s.load(field(id, PRICE)), tokens.decimals(onToken(f, token)));
        UInt256 paidBefore = s.load(subscription(id, investor, S_PAID));
        BigInteger paidAfter = paidBefore.toBigInteger().add(cost.toBigInteger());
        if (rules.clientCategory(investor) == ClientCategory.NON_QUALIFIED) {
            UInt256 limit = s.load(field(id, NON_QUALIFIED_LIMIT));
            require(!limit.isZero(), "non-qualified clients are excluded from offering " + id);
            require(paidAfter.compareTo(limit.toBigInteger()) <= 0, "non-qualified limit exceeded");
        }
        Address asset = s.address(field(id, PAYMENT_ASSET));
        if (asset.equals(Address.ZERO)) {
            require(f.value.equals(cost), "msg.value must equal the cost, " + cost + " wei");
        } else {
            require(f.value.isZero(), "offering " + id + " is paid in a park token; send no coin");
            tokens.transferFrom(onToken(f, asset), investor, f.self, cost);
        }
        s.store(subscription(id, investor, S_TOKEN_AMOUNT), s.load(subscription(id, investor, S_TOKEN_AMOUNT)).add(tokenAmount));
        s.store(subscription(id, investor, S_PAID), UInt256.of(paidAfter));
        s.store(field(id, SOLD), UInt256.of(newSold));
        s.store(field(id, RAISED), s.load(field(id, RAISED)).add(cost));
        f.emit(SUBSCRIBED, List.of(Slots.topic(id), Slots.topic(investor)),
                Tuple.builder().uint256(tokenAmount).uint256(cost).build().encode());
        return NOTHING;
    }

    /** IOfferings: cost = ceil(tokenAmount * price / 10^decimals), in payment units. */
    private UInt256 cost(UInt256 tokenAmount, UInt256 price, UInt256 decimals) {
        BigInteger unit = BigInteger.TEN.pow((int) decimals.u0);
        BigInteger[] qr = tokenAmount.toBigInteger().multiply(price.toBigInteger()).divideAndRemainder(unit);
        BigInteger cost = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        require(cost.bitLength() <= 256, "cost does not fit in 256 bits");
        return UInt256.of(cost);
    }

    private byte[] finalize(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        f.requireWritable();
        var s = f.storage();
        OfferingState state = state(f, id);
        UInt256 sold = s.load(field(id, SOLD));
        UInt256 hardCap = s.load(field(id, HARD_CAP));
        boolean ended = Long.compareUnsigned(f.now(), s.small(field(id, END))) >= 0;
        // A draft nobody approved can be closed after its end too, so its reservation under the cap is released.
        require(state == OfferingState.APPROVED || (state == OfferingState.DRAFT && ended),
                "offering " + id + " is not open, so it cannot be finalized");
        require(ended || sold.equals(hardCap), "offering " + id + " runs until its end or until the hard cap is sold");
        Address token = s.address(field(id, TOKEN));
        boolean succeeded = state == OfferingState.APPROVED && sold.compareTo(s.load(field(id, SOFT_CAP))) >= 0;
        UInt256 raised = s.load(field(id, RAISED));
        UInt256 levyAmount = UInt256.ZERO;
        if (succeeded) {
            // The sold tokens stay reserved until their subscribers claim them; the unsold rest is freed.
            tokens.release(onToken(f, token), hardCap.sub(sold));
            s.store(field(id, STATE), OfferingState.SUCCEEDED.ordinal());
            Address issuer = s.address(field(id, ISSUER));
            RegistryView rules = f.registry();
            Levy levy = Levy.on(raised, rules.levyRateBps());
            Address treasury = rules.treasury();
            Address asset = s.address(field(id, PAYMENT_ASSET));
            payOut(f, asset, issuer, levy.net());
            payOut(f, asset, treasury, levy.levy());
            ParkRegistry.recordLevy(f, issuer, asset, raised, levy.levy(), levySource(id));
            levyAmount = levy.levy();
        } else {
            tokens.release(onToken(f, token), hardCap);
            s.store(field(id, STATE), OfferingState.FAILED.ordinal());
        }
        f.emit(OFFERING_FINALIZED, List.of(Slots.topic(id)),
                Tuple.builder().bool(succeeded).uint256(sold).uint256(raised).uint256(levyAmount).build().encode());
        return NOTHING;
    }

    /** LevyPaid's {@code source}: this contract's address in the high 20 bytes, the offering id in the low 12. */
    static Hash levySource(long id) {
        byte[] source = new byte[32];
        System.arraycopy(SystemAddresses.OFFERINGS.bytesUnsafe(), 0, source, 0, Address.SIZE);
        System.arraycopy(UInt256.of(id).toBytes32(), 20, source, 20, 12);
        return Hash.wrap(source);
    }

    /** Pays out of escrow in the offering's payment asset, under the same rules as any payment. */
    private void payOut(Frame f, Address asset, Address to, UInt256 amount) {
        if (amount.isZero()) {
            return;
        }
        if (asset.equals(Address.ZERO)) {
            require(!f.registry().isBlocked(to), "payment to a blocked address " + to);
            f.pay(to, amount, prefix());
        } else {
            tokens.move(onToken(f, asset), f.self, to, amount);
        }
    }

    private byte[] claim(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        f.requireWritable();
        var s = f.storage();
        Address investor = f.caller;
        OfferingState state = state(f, id);
        require(state == OfferingState.SUCCEEDED || state == OfferingState.FAILED || state == OfferingState.CANCELLED,
                "offering " + id + " is not settled yet");
        UInt256 tokenAmount = s.load(subscription(id, investor, S_TOKEN_AMOUNT));
        require(!tokenAmount.isZero(), investor + " has no subscription in offering " + id);
        require(!s.flag(subscription(id, investor, S_CLAIMED)), investor + " has already claimed from offering " + id);
        s.store(subscription(id, investor, S_CLAIMED), true);
        if (state == OfferingState.SUCCEEDED) {
            Frame onToken = onToken(f, s.address(field(id, TOKEN)));
            tokens.release(onToken, tokenAmount);
            tokens.mint(onToken, investor, tokenAmount);
            f.emit(CLAIMED, List.of(Slots.topic(id), Slots.topic(investor)), returnsUint(tokenAmount));
        } else {
            UInt256 paid = s.load(subscription(id, investor, S_PAID));
            payOut(f, s.address(field(id, PAYMENT_ASSET)), investor, paid);
            f.emit(REFUNDED, List.of(Slots.topic(id), Slots.topic(investor)), returnsUint(paid));
        }
        return NOTHING;
    }

    private byte[] getOffering(Frame f, Tuple a) {
        long id = existing(f, a.uint256(0));
        var s = f.storage();
        // Every member of the Offering struct is static, so the struct is encoded in place: 14 words.
        Tuple.Builder out = Tuple.builder();
        for (long field = TOKEN; field <= RAISED; field++) {
            out.uint256(s.load(field(id, field)));
        }
        return out.build().encode();
    }
}
