package org.parkchain.regime;

import static org.parkchain.regime.ExchangeLayout.*;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiType;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.exchange.BookViews;
import org.parkchain.regime.exchange.MarketTerms;
import org.parkchain.regime.exchange.MatchingEngine;
import org.parkchain.regime.exchange.Order;
import org.parkchain.regime.exchange.OrderRefused;
import org.parkchain.regime.exchange.Side;
import org.parkchain.regime.exchange.TimeInForce;
import org.parkchain.regime.exchange.Trade;

/**
 * IExchange at 0x…1003: order books run by park residents. This class holds the park's rules (who may open a market,
 * who may trade in it, where locks come from and go back to, the levy on the operator's fee revenue); the matching
 * itself is {@link MatchingEngine}'s, over the market's {@link StorageBook}.
 */
final class Exchange extends SystemContract {
    static final Hash MARKET_CREATED = eventTopic("MarketCreated(uint256,address,address,address,bool)");
    static final Hash MARKET_HALTED = eventTopic("MarketHalted(uint256,bool)");
    static final Hash FEES_CHANGED = eventTopic("FeesChanged(uint256,uint256,uint256)");
    static final Hash ORDER_PLACED = eventTopic("OrderPlaced(uint256,uint256,address,uint8,uint256,uint256,uint8)");
    static final Hash TRADE = eventTopic("Trade(uint256,uint256,uint256,address,address,uint256,uint256,uint256,uint256)");
    static final Hash ORDER_CLOSED = eventTopic("OrderClosed(uint256,uint256,bool)");

    private static final AbiType UINT_ARRAY = AbiType.parse("uint256[]");
    /** 10**77 is the largest power of ten below 2^256. */
    private static final int MAX_DECIMALS = 77;

    private final ParkToken tokens;

    Exchange(ParkToken tokens) {
        super("exchange");
        this.tokens = tokens;
        function("createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)", this::createMarket);
        function("setFees(uint256,uint256,uint256)", this::setFees);
        function("setHalted(uint256,bool)", this::setHalted);
        payable("placeOrder(uint256,uint8,uint256,uint256,uint8)", this::placeOrder);
        function("cancelOrder(uint256)", this::cancelOrder);
        function("marketCount()", (f, a) -> returnsUint(UInt256.of(marketCount(f.storage().load(COUNTS)))));
        function("getMarket(uint256)", this::getMarket);
        function("getOrder(uint256)", this::getOrder);
        function("openOrders(uint256,address)", this::openOrders);
        function("depth(uint256,uint8,uint256)", this::depth);
    }

    /** A market as the rules read it; {@code terms} is null when it was read without them (for a cancel). */
    private record Market(long id, Address operator, Address base, Address quote, boolean counterparty,
                          boolean ownClientsOnly, boolean halted, MarketTerms terms) {
        long role() {
            return counterparty ? Role.EXCHANGE_OFFICE : Role.PLATFORM_OPERATOR;
        }

        Address lockedAsset(Side side) {
            return side == Side.BUY ? quote : base;
        }
    }

    private long existingMarket(Frame f, UInt256 rawId) {
        require(rawId.fitsLong() && rawId.toLong() >= 1 && rawId.toLong() <= marketCount(f.storage().load(COUNTS)),
                "no market " + rawId);
        return rawId.toLong();
    }

    /** The book holding order {@code rawId}, that order read; an order exists when its record does. */
    private StorageBook bookOf(Frame f, UInt256 rawId) {
        require(rawId.fitsLong() && rawId.toLong() >= 1 && rawId.toLong() <= OrderRecord.MAX_ID, "no order " + rawId);
        StorageBook book = StorageBook.holding(f.storage(), rawId.toLong());
        require(book != null, "no order " + rawId);
        return book;
    }

    private Market loadMarket(Frame f, long id) {
        return loadMarket(f, id, true);
    }

    /** A market's record; its terms (tick and lot sizes, which a cancel does not need) only {@code withTerms}. */
    private Market loadMarket(Frame f, long id, boolean withTerms) {
        var s = f.storage();
        UInt256 slot = market(s, id);
        MarketHead head = MarketHead.of(s.load(slot));
        Address base = s.address(Slots.field(slot, M_BASE));
        Address quote = head.coinQuote() ? Address.ZERO : s.address(Slots.field(slot, M_QUOTE));
        UInt256 tickSize, lotSize;
        if (!withTerms) {
            return new Market(id, head.operator(), base, quote, head.counterparty(), head.ownClientsOnly(), head.halted(), null);
        }
        if (head.packedSteps()) {
            UInt256 steps = s.load(Slots.field(slot, M_TICK));
            tickSize = OrderRecord.bits(steps, 0, 128);
            lotSize = steps.shr(128);
        } else {
            tickSize = s.load(Slots.field(slot, M_TICK));
            lotSize = s.load(Slots.field(slot, M_LOT));
        }
        MarketTerms terms = new MarketTerms(tickSize, lotSize, unit(head.decimals()), head.makerFeeBps(), head.takerFeeBps());
        return new Market(id, head.operator(), base, quote, head.counterparty(), head.ownClientsOnly(), head.halted(), terms);
    }

    private static String roleName(long role) {
        return role == Role.EXCHANGE_OFFICE ? "EXCHANGE_OFFICE" : "PLATFORM_OPERATOR";
    }

    /** A fee rate argument: at most 1000 bps. */
    private long feeBps(UInt256 raw, String which) {
        require(raw.compareTo(UInt256.of(MarketTerms.MAX_FEE_BPS)) <= 0, which + " fee must be at most 1000 bps (10%)");
        return raw.toLong();
    }

    // --- markets -------------------------------------------------------------------------------------------------

    private byte[] createMarket(Frame f, Tuple a) {
        Address base = a.address(0);
        Address quote = a.address(1);
        UInt256 tickSize = a.uint256(2);
        UInt256 lotSize = a.uint256(3);
        boolean counterparty = a.bool(6);
        boolean ownClientsOnly = a.bool(7);
        f.requireWritable();
        long role = counterparty ? Role.EXCHANGE_OFFICE : Role.PLATFORM_OPERATOR;
        RegistryView rules = f.registry();
        require(rules.hasRole(f.caller, role), "only an account of an active resident with role " + roleName(role)
                + " can create " + (counterparty ? "a counterparty" : "an ordinary") + " market");
        Address operator = rules.activeResidentOf(f.caller);
        require(TokenFactory.isToken(f.world, base), "base " + base + " is not a park token");
        require(quote.equals(Address.ZERO) || (TokenFactory.isToken(f.world, quote) && !quote.equals(base)),
                "quote must be the native coin (address 0) or a park token other than the base");
        long makerFee = feeBps(a.uint256(4), "maker");
        long takerFee = feeBps(a.uint256(5), "taker");
        long decimals = tokens.decimals(f.callInto(base)).u0;
        require(decimals <= MAX_DECIMALS, "the base token's decimals leave no room for a price");
        BigInteger unit = BigInteger.TEN.pow((int) decimals);
        String refusal = MarketTerms.refusal(tickSize, lotSize, unit);
        require(refusal == null, refusal);

        var s = f.storage();
        UInt256 counts = s.load(COUNTS);
        long id = marketCount(counts) + 1;
        s.store(COUNTS, counts(id, orderCount(counts)));
        boolean packedSteps = stepsFit(tickSize, lotSize);
        boolean coinQuote = quote.equals(Address.ZERO);
        UInt256 slot = market(s, id);
        s.store(slot, new MarketHead(operator, makerFee, takerFee, counterparty, ownClientsOnly, false,
                packedSteps, coinQuote, (int) decimals).word());
        s.store(Slots.field(slot, M_BASE), base);
        if (!coinQuote) {
            s.store(Slots.field(slot, M_QUOTE), quote);
        }
        if (packedSteps) {
            s.store(Slots.field(slot, M_TICK), tickSize.or(lotSize.shl(128)));
        } else {
            s.store(Slots.field(slot, M_TICK), tickSize);
            s.store(Slots.field(slot, M_LOT), lotSize);
        }
        f.emit(MARKET_CREATED, List.of(Slots.topic(id), Slots.topic(operator), Slots.topic(base)),
                Tuple.builder().address(quote).bool(counterparty).build().encode());
        return returnsUint(id);
    }

    /** Whether {@code account} is one of the market operator's accounts. */
    private static boolean isOperator(Frame f, Market m, Address account) {
        return f.registry().residentOf(account).equals(m.operator());
    }

    private byte[] setFees(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        f.requireWritable();
        Market m = loadMarket(f, id);
        require(isOperator(f, m, f.caller), "only the market's operator can set its fees");
        long makerFee = feeBps(a.uint256(1), "maker");
        long takerFee = feeBps(a.uint256(2), "taker");
        var s = f.storage();
        UInt256 slot = market(s, id);
        s.store(slot, MarketHead.of(s.load(slot)).withFees(makerFee, takerFee).word());
        f.emit(FEES_CHANGED, List.of(Slots.topic(id)), Tuple.builder().uint256(UInt256.of(makerFee)).uint256(UInt256.of(takerFee)).build().encode());
        return NOTHING;
    }

    private byte[] setHalted(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        boolean halted = a.bool(1);
        f.requireWritable();
        Market m = loadMarket(f, id);
        require(f.caller.equals(SystemAddresses.REGISTRY) || isOperator(f, m, f.caller),
                "only the market's operator, or the board through a proposal, can halt or resume it");
        var s = f.storage();
        UInt256 slot = market(s, id);
        s.store(slot, MarketHead.of(s.load(slot)).withHalted(halted).word());
        f.emit(MARKET_HALTED, List.of(Slots.topic(id)), returnsBool(halted));
        return NOTHING;
    }

    // --- who may trade -------------------------------------------------------------------------------------------

    /** Why {@code trader} may not trade in {@code m} at this moment, or null when it may. */
    private String barred(Frame f, Market m, Address trader) {
        RegistryView rules = f.registry();
        if (rules.isBlocked(trader)) {
            return "trader " + trader + " is blocked";
        }
        if (!rules.isVerified(trader, f.now())) {
            return "trader " + trader + " is not verified";
        }
        if (tokens.isFrozen(f.callInto(m.base()), trader)) {
            return "trader " + trader + " is frozen in the base token";
        }
        if (!m.quote().equals(Address.ZERO) && tokens.isFrozen(f.callInto(m.quote()), trader)) {
            return "trader " + trader + " is frozen in the quote token";
        }
        if (m.ownClientsOnly() && !isOperator(f, m, trader)) {
            if (!rules.clientVerifiedBy(trader).equals(m.operator())) {
                return "market " + m.id() + " is for the operator's own clients; " + trader + " is not one";
            }
        }
        return null;
    }

    // --- orders --------------------------------------------------------------------------------------------------

    private byte[] placeOrder(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        Side side = Side.values()[enumMember(a, 1, 2, "Side")];
        UInt256 price = a.uint256(2);
        UInt256 amount = a.uint256(3);
        TimeInForce tif = TimeInForce.values()[enumMember(a, 4, 4, "TimeInForce")];
        f.requireWritable();
        Market m = loadMarket(f, id);
        Address trader = f.caller;
        require(!m.halted(), "market " + id + " is halted");
        require(f.registry().hasRole(m.operator(), m.role()),
                "market " + id + "'s operator is not an active resident with role " + roleName(m.role()));
        String barred = barred(f, m, trader);
        require(barred == null, barred);
        if (m.counterparty() && !isOperator(f, m, trader)) {
            require(!tif.rests(), "only the exchange office's own accounts rest orders in counterparty market " + id
                    + "; others take them (ImmediateOrCancel or FillOrKill)");
        }
        UInt256 lock;
        try {
            m.terms().check(price, amount);
            lock = m.terms().lock(side, price, amount);
        } catch (OrderRefused e) {
            throw refuse(e.getMessage());
        }
        takeLock(f, m, side, trader, lock);

        var s = f.storage();
        UInt256 counts = s.load(COUNTS);
        long orderId = orderCount(counts) + 1;
        require(orderId <= OrderRecord.MAX_ID, "order ids are exhausted");
        s.store(COUNTS, counts(marketCount(counts), orderId));
        Order order = Order.placed(orderId, id, trader, side, price, amount, m.terms().makerFeeBps(), lock, f.now());
        StorageBook book = new StorageBook(s, id);
        book.create(order);
        f.emit(ORDER_PLACED, List.of(Slots.topic(orderId), Slots.topic(id), Slots.topic(trader)),
                Tuple.builder().uint256(UInt256.of(side.ordinal())).uint256(price).uint256(amount)
                        .uint256(UInt256.of(tif.ordinal())).build().encode());
        Map<Address, Boolean> mayTrade = new HashMap<>();
        Settlement settlement = new Settlement(f, m);
        try {
            MatchingEngine.place(book, m.terms(), order, tif,
                    maker -> mayTrade.computeIfAbsent(maker, t -> barred(f, m, t) == null), settlement);
        } catch (OrderRefused e) {
            throw refuse(e.getMessage());
        }
        book.flush();
        settlement.payOut();
        return returnsUint(orderId);
    }

    /** Takes an order's lock: coin sent with the call (the excess back at once), or a park token by transferFrom. */
    private void takeLock(Frame f, Market m, Side side, Address trader, UInt256 lock) {
        Address asset = m.lockedAsset(side);
        if (asset.equals(Address.ZERO)) {
            require(f.value.compareTo(lock) >= 0, "msg.value must be at least the order's lock, " + lock + " wei");
            f.pay(trader, f.value.sub(lock), prefix());
        } else {
            require(f.value.isZero(), "this order locks a park token (approve the exchange first); send no coin");
            tokens.transferFrom(f.callInto(asset), trader, f.self, lock);
        }
    }

    private byte[] cancelOrder(Frame f, Tuple a) {
        StorageBook book = bookOf(f, a.uint256(0));   // reverts unless the order exists, so its id fits a long
        long orderId = a.uint256(0).toLong();
        f.requireWritable();
        Order order = book.order(orderId);
        long marketId = order.marketId();
        require(order.open(), "order " + orderId + " is not open");
        Market m = loadMarket(f, marketId, false);
        if (!f.caller.equals(order.trader())) {
            require(m.halted() && (f.caller.equals(SystemAddresses.REGISTRY) || isOperator(f, m, f.caller)),
                    "only the order's trader can cancel it (the operator or the board too while the market is halted)");
        }
        // The lock goes back to the trader, never to an address that may not receive it.
        require(!f.registry().isBlocked(order.trader()), "the lock cannot go back to blocked trader " + order.trader());
        Address asset = m.lockedAsset(order.side());
        require(asset.equals(Address.ZERO) || !tokens.isFrozen(f.callInto(asset), order.trader()),
                "the lock cannot go back to trader " + order.trader() + ", frozen in the locked token");
        Settlement settlement = new Settlement(f, m);
        MatchingEngine.cancel(book, orderId, settlement);
        book.flush();
        settlement.payOut();
        return NOTHING;
    }

    /**
     * What the engine decided, paid: tokens by the park's token rules, coin credited without running code. The events
     * and the levy bookkeeping happen trade by trade; the payments are summed per asset and recipient and made once at
     * the end of the call (a taker filled by ten orders of one seller pays that seller once), which leaves every
     * balance exactly where paying trade by trade would, for less gas.
     */
    private final class Settlement implements MatchingEngine.Settlement {
        /** A payment owed: {@code giveBack} for a returned lock (the recipient need not still be verified). */
        private record Payee(Address asset, Address to, boolean giveBack) {}

        private final Frame f;
        private final Market m;
        private final Map<Payee, UInt256> owed = new java.util.LinkedHashMap<>();

        Settlement(Frame f, Market m) {
            this.f = f;
            this.m = m;
        }

        @Override
        public void trade(Trade t) {
            f.emit(TRADE, List.of(Slots.topic(m.id()), Slots.topic(t.makerOrderId()), Slots.topic(t.takerOrderId())),
                    Tuple.builder().address(t.buyer()).address(t.seller()).uint256(t.price()).uint256(t.amount())
                            .uint256(t.makerFee()).uint256(t.takerFee()).build().encode());
            owe(m.base(), t.buyer(), t.amount(), false);
            owe(m.quote(), t.seller(), t.proceeds(), false);
            UInt256 fees = t.fees();
            if (!fees.isZero()) {
                RegistryView rules = f.registry();
                Levy levy = Levy.on(fees, rules.levyRateBps());
                owe(m.quote(), m.operator(), levy.net(), false);
                owe(m.quote(), rules.treasury(), levy.levy(), false);
                ParkRegistry.recordLevy(f, m.operator(), m.quote(), fees, levy.levy(), levySource(m.id()));
            }
        }

        @Override
        public void closed(Order order, UInt256 refund, boolean cancelled) {
            owe(m.lockedAsset(order.side()), order.trader(), refund, true);
            f.emit(ORDER_CLOSED, List.of(Slots.topic(order.id())),
                    Tuple.builder().uint256(order.filled()).bool(cancelled).build().encode());
        }

        private void owe(Address asset, Address to, UInt256 amount, boolean giveBack) {
            if (!amount.isZero()) {
                owed.merge(new Payee(asset, to, giveBack), amount, UInt256::add);
            }
        }

        /** Makes the payments owed, in the order they were first owed. */
        void payOut() {
            owed.forEach((payee, amount) -> {
                Address asset = payee.asset();
                if (asset.equals(Address.ZERO)) {
                    require(payee.giveBack() || !f.registry().isBlocked(payee.to()), "payment to a blocked address " + payee.to());
                    f.pay(payee.to(), amount, prefix());
                } else if (payee.giveBack()) {
                    tokens.giveBack(f.callInto(asset), f.self, payee.to(), amount);
                } else {
                    tokens.move(f.callInto(asset), f.self, payee.to(), amount);
                }
            });
            owed.clear();
        }
    }

    /** LevyPaid's {@code source}: this contract's address in the high 20 bytes, the market id in the low 12. */
    static Hash levySource(long marketId) {
        byte[] source = new byte[32];
        System.arraycopy(SystemAddresses.EXCHANGE.bytesUnsafe(), 0, source, 0, Address.SIZE);
        System.arraycopy(UInt256.of(marketId).toBytes32(), 20, source, 20, 12);
        return Hash.wrap(source);
    }

    // --- views ---------------------------------------------------------------------------------------------------

    private byte[] getMarket(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        Market m = loadMarket(f, id);
        return Tuple.builder().address(m.operator()).address(m.base()).address(m.quote()).uint256(m.terms().tickSize())
                .uint256(m.terms().lotSize()).uint256(UInt256.of(m.terms().makerFeeBps()))
                .uint256(UInt256.of(m.terms().takerFeeBps())).bool(m.counterparty()).bool(m.ownClientsOnly())
                .bool(m.halted()).build().encode();
    }

    private byte[] getOrder(Frame f, Tuple a) {
        Order o = bookOf(f, a.uint256(0)).order(a.uint256(0).toLong());
        return Tuple.builder().uint256(UInt256.of(o.marketId())).address(o.trader()).uint256(UInt256.of(o.side().ordinal()))
                .uint256(o.price()).uint256(o.amount()).uint256(o.filled()).uint256(UInt256.of(o.makerFeeBps()))
                .uint256(o.locked()).uint256(UInt256.of(o.placedAt())).bool(o.open()).build().encode();
    }

    private byte[] openOrders(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        List<UInt256> ids = BookViews.openOrders(new StorageBook(f.storage(), id), a.address(1)).stream()
                .map(UInt256::of).toList();
        return Tuple.builder().add(UINT_ARRAY, ids).build().encode();
    }

    private byte[] depth(Frame f, Tuple a) {
        long id = existingMarket(f, a.uint256(0));
        Side side = Side.values()[enumMember(a, 1, 2, "Side")];
        UInt256 levels = a.uint256(2);
        long max = levels.fitsLong() ? levels.toLong() : Long.MAX_VALUE;
        List<BookViews.Level> depth = BookViews.depth(new StorageBook(f.storage(), id), side, max);
        return Tuple.builder()
                .add(UINT_ARRAY, depth.stream().map(BookViews.Level::price).toList())
                .add(UINT_ARRAY, depth.stream().map(BookViews.Level::amount).toList())
                .build().encode();
    }
}
