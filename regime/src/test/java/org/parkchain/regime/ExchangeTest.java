package org.parkchain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkchain.regime.Park.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.exchange.Side;
import org.parkchain.regime.exchange.TimeInForce;

/** IExchange's rules, clause by clause, each with the case it refuses. */
class ExchangeTest {
    static final String CREATE = "createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)";
    static final String PLACE = "placeOrder(uint256,uint8,uint256,uint256,uint8)";
    static final Side BUY = Side.BUY, SELL = Side.SELL;
    static final TimeInForce GTC = TimeInForce.GOOD_TILL_CANCEL, IOC = TimeInForce.IMMEDIATE_OR_CANCEL,
            FOK = TimeInForce.FILL_OR_KILL, POST = TimeInForce.POST_ONLY;

    private final Park park = Park.withChair();
    private final Address issuer = park.admit(account(1), "Minsk Software Labs", Role.TOKEN_ISSUER);
    private final Address platform = park.admit(account(2), "Capital Token Organiser", Role.ICO_ORGANISER | Role.PLATFORM_OPERATOR);
    private final Address office = park.admit(account(3), "Exchange Office", Role.EXCHANGE_OFFICE);
    private final Address otherPlatform = park.admit(account(4), "Other Platform", Role.PLATFORM_OPERATOR);
    private final Address kim = account(20);    // the platform's client
    private final Address ivan = account(21);   // the platform's client
    private final Address olga = account(22);   // another platform's client
    private final Address stranger = account(99);
    private final Address msl = park.token(issuer, "MSL", 10_000_000);
    private final Address usd = park.token(issuer, "USD", 10_000_000);

    {
        park.identify(platform, kim, ClientCategory.QUALIFIED, "KR", 0).ok();
        park.identify(platform, ivan, ClientCategory.NON_QUALIFIED, "BY", 0).ok();
        park.identify(otherPlatform, olga, ClientCategory.QUALIFIED, "LT", 0).ok();
        for (Address a : List.of(kim, ivan, olga, office, platform)) {
            park.fund(a, u(1_000_000));
            park.send(issuer, msl, Abi.call("mint(address,uint256)", a, 10_000)).ok();
            park.send(issuer, usd, Abi.call("mint(address,uint256)", a, 1_000_000)).ok();
            approve(a, msl);
            approve(a, usd);
        }
    }

    private void approve(Address owner, Address token) {
        park.send(owner, token, Abi.call("approve(address,uint256)", EXCHANGE, UInt256.MAX)).ok();
    }

    /** MSL against the coin, tick 1, lot 1 (decimals 0), maker 0.3%, taker 0.5%. */
    private long coinMarket(Address operator, boolean counterparty, boolean ownClientsOnly) {
        return Abi.uint(park.send(operator, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 30, 50, counterparty,
                ownClientsOnly)).ok().output(), 0).toLong();
    }

    private Park.Tx place(Address trader, long market, Side side, long price, long amount, TimeInForce tif) {
        UInt256 value = side == BUY ? u(price * amount + price * amount * 50 / 10_000) : UInt256.ZERO;
        return place(trader, value, market, side, price, amount, tif);
    }

    private Park.Tx place(Address trader, UInt256 value, long market, Side side, long price, long amount, TimeInForce tif) {
        return park.send(trader, EXCHANGE, value, Abi.call(PLACE, market, side, price, amount, tif));
    }

    private long placed(Park.Tx tx) {
        return Abi.uint(tx.ok().output(), 0).toLong();
    }

    private Park.Tx cancel(Address caller, long id) {
        return park.send(caller, EXCHANGE, Abi.call("cancelOrder(uint256)", id));
    }

    private Tuple order(long id) {
        return Abi.decode("(uint256,address,uint8,uint256,uint256,uint256,uint256,uint256,uint64,bool)",
                park.read(EXCHANGE, Abi.call("getOrder(uint256)", id)));
    }

    private Tuple depth(long market, Side side) {
        return Abi.decode("(uint256[],uint256[])", park.read(EXCHANGE, Abi.call("depth(uint256,uint8,uint256)", market, side, 10)));
    }

    private List<Long> openOrders(long market, Address trader) {
        return Abi.decode("(uint256[])", park.read(EXCHANGE, Abi.call("openOrders(uint256,address)", market, trader)))
                .list(0).stream().map(v -> ((UInt256) v).toLong()).toList();
    }

    private long msl(Address a) {
        return park.tokenBalance(msl, a).toLong();
    }

    private long coin(Address a) {
        return park.balance(a).toLong();
    }

    private List<Tuple> trades(Park.Tx tx) {
        return tx.logs(Exchange.TRADE).stream()
                .map(l -> Abi.decode("(address,address,uint256,uint256,uint256,uint256)", l.data())).toList();
    }

    // --- markets -------------------------------------------------------------------------------------------------

    @Test
    void aPlatformOperatorOpensOrdinaryMarketsAndAnOfficeCounterpartyMarketsWithIdsFromOne() {
        assertThat(park.send(kim, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 0, 0, false, false)).reason())
                .isEqualTo("exchange: only an account of an active resident with role PLATFORM_OPERATOR can create an ordinary market");
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 0, 0, true, false)).reason())
                .isEqualTo("exchange: only an account of an active resident with role EXCHANGE_OFFICE can create a counterparty market");
        assertThat(park.send(office, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 0, 0, false, false)).reason())
                .isEqualTo("exchange: only an account of an active resident with role PLATFORM_OPERATOR can create an ordinary market");
        Park.Tx created = park.send(platform, EXCHANGE, Abi.call(CREATE, msl, usd, 1, 1, 30, 50, false, true)).ok();
        assertThat(Abi.uint(created.output(), 0)).isEqualTo(u(1));
        Log event = created.logs(Exchange.MARKET_CREATED).getFirst();
        assertThat(event.topics().get(1)).isEqualTo(Slots.topic(1));
        assertThat(event.topics().get(2)).isEqualTo(Slots.topic(platform));
        assertThat(event.topics().get(3)).isEqualTo(Slots.topic(msl));
        assertThat(coinMarket(office, true, false)).isEqualTo(2);
        assertThat(Abi.uint(park.read(EXCHANGE, Abi.call("marketCount()")), 0)).isEqualTo(u(2));
        Tuple market = Abi.decode("(address,address,address,uint256,uint256,uint256,uint256,bool,bool,bool)",
                park.read(EXCHANGE, Abi.call("getMarket(uint256)", 1)));
        assertThat(market.address(0)).isEqualTo(platform);
        assertThat(market.address(2)).isEqualTo(usd);
        assertThat(market.uint256(6)).isEqualTo(u(50));
        assertThat(market.bool(8)).isTrue();
    }

    @Test
    void refusesMarketTermsThatCannotMakeExactTrades() {
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 0, 1, 0, 0, false, false)).reason())
                .isEqualTo("exchange: tick size and lot size must be positive");
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 0, 0, 0, false, false)).reason())
                .isEqualTo("exchange: tick size and lot size must be positive");
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, msl, 1, 1, 0, 0, false, false)).reason())
                .isEqualTo("exchange: quote must be the native coin (address 0) or a park token other than the base");
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, stranger, Address.ZERO, 1, 1, 0, 0, false, false)).reason())
                .isEqualTo("exchange: base " + stranger + " is not a park token");
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 1001, 0, false, false)).reason())
                .isEqualTo("exchange: maker fee must be at most 1000 bps (10%)");
        Address eighteen = Abi.address(park.createToken(issuer, "E18", u(1_000_000), 18).ok().output(), 0);
        assertThat(park.send(platform, EXCHANGE, Abi.call(CREATE, eighteen, Address.ZERO, 1_000_000, 1_000_000, 0, 0, false, false)).reason())
                .isEqualTo("exchange: tick size times lot size must be a multiple of 10**decimals of the base token");
        park.send(platform, EXCHANGE, Abi.call(CREATE, eighteen, Address.ZERO, 1_000_000_000L, 1_000_000_000L, 0, 0, false, false)).ok();
    }

    @Test
    void getMarketAndGetOrderRevertForIdsThatDoNotExist() {
        assertThat(park.send(kim, EXCHANGE, Abi.call("getMarket(uint256)", 1)).reason()).isEqualTo("exchange: no market 1");
        long market = coinMarket(platform, false, false);
        assertThat(park.send(kim, EXCHANGE, Abi.call("getOrder(uint256)", 0)).reason()).isEqualTo("exchange: no order 0");
        long id = placed(place(kim, market, SELL, 100, 5, GTC));
        assertThat(id).isEqualTo(1);
        assertThat(order(1).address(1)).isEqualTo(kim);
        assertThat(park.send(kim, EXCHANGE, Abi.call("getOrder(uint256)", 2)).reason()).isEqualTo("exchange: no order 2");
    }

    @Test
    void onlyTheOperatorSetsFeesAndAMakerKeepsTheFeeOfItsPlacement() {
        long market = coinMarket(platform, false, false);
        assertThat(park.send(kim, EXCHANGE, Abi.call("setFees(uint256,uint256,uint256)", market, 0, 0)).reason())
                .isEqualTo("exchange: only the market's operator can set its fees");
        long maker = placed(place(kim, market, SELL, 1000, 10, GTC));   // maker fee 30 bps
        Park.Tx changed = park.send(platform, EXCHANGE, Abi.call("setFees(uint256,uint256,uint256)", market, 100, 200)).ok();
        assertThat(changed.logs(Exchange.FEES_CHANGED)).hasSize(1);
        assertThat(park.send(platform, EXCHANGE, Abi.call("setFees(uint256,uint256,uint256)", market, 0, 1001)).reason())
                .isEqualTo("exchange: taker fee must be at most 1000 bps (10%)");
        long kimCoin = coin(kim);
        Park.Tx taken = place(ivan, u(10_000 + 200), market, BUY, 1000, 10, IOC).ok();
        Tuple trade = trades(taken).getFirst();
        assertThat(trade.uint256(4)).isEqualTo(u(30));   // 0.3% of 10,000: the maker's rate at placement
        assertThat(trade.uint256(5)).isEqualTo(u(200));  // 2% of 10,000: the taker's rate now
        assertThat(coin(kim) - kimCoin).isEqualTo(10_000 - 30);
        assertThat(order(maker).uint256(6)).isEqualTo(u(30));
    }

    @Test
    void aHaltedMarketRefusesOrdersAndLetsTheOperatorOrTheBoardCancel() {
        long market = coinMarket(platform, false, false);
        long resting = placed(place(kim, market, SELL, 100, 5, GTC));
        assertThat(park.send(kim, EXCHANGE, Abi.call("setHalted(uint256,bool)", market, true)).reason())
                .isEqualTo("exchange: only the market's operator, or the board through a proposal, can halt or resume it");
        assertThat(cancel(platform, resting).reason())
                .isEqualTo("exchange: only the order's trader can cancel it (the operator or the board too while the market is halted)");
        Park.Tx halted = park.send(platform, EXCHANGE, Abi.call("setHalted(uint256,bool)", market, true)).ok();
        assertThat(halted.logs(Exchange.MARKET_HALTED)).hasSize(1);
        assertThat(place(ivan, market, BUY, 100, 5, GTC).reason()).isEqualTo("exchange: market 1 is halted");
        assertThat(cancel(ivan, resting).reason())
                .isEqualTo("exchange: only the order's trader can cancel it (the operator or the board too while the market is halted)");
        long before = msl(kim);
        cancel(platform, resting).ok();
        assertThat(msl(kim) - before).isEqualTo(5);
        long second = placedWhileRunning(market);
        park.board(EXCHANGE, Abi.call("setHalted(uint256,bool)", market, true)).ok();
        park.board(EXCHANGE, Abi.call("cancelOrder(uint256)", second)).ok();
        assertThat(order(second).bool(9)).isFalse();
    }

    private long placedWhileRunning(long market) {
        park.board(EXCHANGE, Abi.call("setHalted(uint256,bool)", market, false)).ok();
        return placed(place(kim, market, SELL, 100, 5, GTC));
    }

    @Test
    void ordersAreRefusedWhileTheOperatorLacksTheMarketsRole() {
        long market = coinMarket(platform, false, false);
        park.board(REGISTRY, Abi.call("setRoles(address,uint256)", platform, Role.ICO_ORGANISER)).ok();
        assertThat(place(kim, market, SELL, 100, 5, GTC).reason())
                .isEqualTo("exchange: market 1's operator is not an active resident with role PLATFORM_OPERATOR");
        park.board(REGISTRY, Abi.call("setRoles(address,uint256)", platform, Role.PLATFORM_OPERATOR)).ok();
        place(kim, market, SELL, 100, 5, GTC).ok();
    }

    // --- who may trade -------------------------------------------------------------------------------------------

    @Test
    void aTraderMustBeVerifiedNotBlockedAndNotFrozen() {
        long market = coinMarket(platform, false, false);
        park.fund(stranger, u(1_000_000));
        assertThat(place(stranger, market, BUY, 100, 5, GTC).reason()).isEqualTo("exchange: trader " + stranger + " is not verified");
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", ivan, Abi.hash("court order"))).ok();
        assertThat(place(ivan, market, BUY, 100, 5, GTC).reason()).isEqualTo("exchange: trader " + ivan + " is blocked");
        park.board(msl, Abi.call("setFrozen(address,bool)", kim, true)).ok();
        assertThat(place(kim, market, BUY, 100, 5, GTC).reason()).isEqualTo("exchange: trader " + kim + " is frozen in the base token");
        long usdMarket = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, usd, 1, 1, 0, 0, false, false)).ok().output(), 0).toLong();
        park.board(usd, Abi.call("setFrozen(address,bool)", olga, true)).ok();
        assertThat(place(olga, UInt256.ZERO, usdMarket, SELL, 100, 5, GTC).reason())
                .isEqualTo("exchange: trader " + olga + " is frozen in the quote token");
    }

    @Test
    void anOwnClientsMarketTakesOnlyTheOperatorsClientsAndItsOwnAccounts() {
        long market = coinMarket(platform, false, true);
        assertThat(place(olga, market, SELL, 100, 5, GTC).reason())
                .isEqualTo("exchange: market 1 is for the operator's own clients; " + olga + " is not one");
        place(kim, market, SELL, 100, 5, GTC).ok();
        place(platform, market, SELL, 101, 5, GTC).ok();
        Address desk = account(5);
        park.send(platform, REGISTRY, Abi.call("addAccount(address)", desk)).ok();
        park.fund(desk, u(10_000));
        place(desk, market, BUY, 100, 5, GTC).ok();
    }

    @Test
    void inACounterpartyMarketOnlyTheOfficeRestsAndEveryoneElseTakes() {
        long market = coinMarket(office, true, false);
        assertThat(place(kim, market, SELL, 100, 5, GTC).reason()).isEqualTo("exchange: only the exchange office's own accounts rest"
                + " orders in counterparty market 1; others take them (ImmediateOrCancel or FillOrKill)");
        assertThat(place(kim, market, SELL, 100, 5, POST).reason()).startsWith("exchange: only the exchange office's own accounts rest");
        long quote = placed(place(office, market, SELL, 100, 50, GTC));
        Park.Tx taken = place(kim, market, BUY, 100, 20, FOK).ok();
        assertThat(trades(taken)).hasSize(1);
        assertThat(order(quote).uint256(5)).isEqualTo(u(20));
        place(olga, market, BUY, 100, 5, IOC).ok();
        assertThat(order(quote).uint256(5)).isEqualTo(u(25));
    }

    // --- funds ---------------------------------------------------------------------------------------------------

    @Test
    void aSellLocksItsAmountByTransferFromAndSendsNoCoin() {
        long market = coinMarket(platform, false, false);
        park.send(kim, msl, Abi.call("approve(address,uint256)", EXCHANGE, 4)).ok();
        assertThat(place(kim, market, SELL, 100, 5, GTC).reason()).isEqualTo("token: transfer amount exceeds allowance");
        approve(kim, msl);
        assertThat(place(kim, u(1), market, SELL, 100, 5, GTC).reason())
                .isEqualTo("exchange: this order locks a park token (approve the exchange first); send no coin");
        long before = msl(kim);
        long id = placed(place(kim, market, SELL, 100, 5, GTC));
        assertThat(before - msl(kim)).isEqualTo(5);
        assertThat(msl(EXCHANGE)).isEqualTo(5);
        assertThat(order(id).uint256(7)).isEqualTo(u(5));
    }

    @Test
    void aCoinBuyLocksNotionalPlusTheLargerFeeAndReturnsTheExcessAtOnce() {
        long market = coinMarket(platform, false, false);   // maker 30, taker 50: the lock carries 0.5%
        assertThat(place(ivan, u(10_049), market, BUY, 100, 100, GTC).reason())
                .isEqualTo("exchange: msg.value must be at least the order's lock, 10050 wei");
        long before = coin(ivan);
        long id = placed(place(ivan, u(20_000), market, BUY, 100, 100, GTC));
        assertThat(before - coin(ivan)).isEqualTo(10_050);
        assertThat(coin(EXCHANGE)).isEqualTo(10_050);
        assertThat(order(id).uint256(7)).isEqualTo(u(10_050));
    }

    @Test
    void aBuyAgainstAParkTokenQuoteLocksByTransferFrom() {
        long market = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, usd, 1, 1, 30, 50, false, false)).ok().output(), 0).toLong();
        assertThat(place(ivan, u(1), market, BUY, 10, 100, GTC).reason())
                .isEqualTo("exchange: this order locks a park token (approve the exchange first); send no coin");
        long before = park.tokenBalance(usd, ivan).toLong();
        place(ivan, UInt256.ZERO, market, BUY, 10, 100, GTC).ok();
        assertThat(before - park.tokenBalance(usd, ivan).toLong()).isEqualTo(1005);
        place(kim, UInt256.ZERO, market, SELL, 10, 100, IOC).ok();
        assertThat(park.tokenBalance(usd, EXCHANGE)).isEqualTo(UInt256.ZERO);   // 2 fee units left ivan's lock: refunded
        assertThat(before - park.tokenBalance(usd, ivan).toLong()).isEqualTo(1003);
    }

    @Test
    void refusesPricesAndAmountsOffTheSteps() {
        long market = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 5, 10, 0, 0, false, false)).ok().output(), 0).toLong();
        assertThat(place(kim, market, SELL, 0, 10, GTC).reason()).isEqualTo("exchange: price must be positive");
        assertThat(place(kim, market, SELL, 5, 0, GTC).reason()).isEqualTo("exchange: amount must be positive");
        assertThat(place(kim, market, SELL, 7, 10, GTC).reason()).isEqualTo("exchange: price must be a multiple of the tick size 5");
        assertThat(place(kim, market, SELL, 5, 15, GTC).reason()).isEqualTo("exchange: amount must be a multiple of the lot size 10");
        assertThat(park.send(kim, EXCHANGE, Abi.call(PLACE, market, 2, 5, 10, 0)).reason())
                .startsWith("exchange: malformed call data for placeOrder(uint256,uint8,uint256,uint256,uint8): argument 1 is not a valid Side");
    }

    // --- matching ------------------------------------------------------------------------------------------------

    @Test
    void theBestPriceFirstThenTheOldestAtTheMakersPrice() {
        long market = coinMarket(platform, false, false);
        long a = placed(place(kim, market, SELL, 102, 5, GTC));
        long b = placed(place(olga, market, SELL, 101, 5, GTC));
        long c = placed(place(kim, market, SELL, 101, 5, GTC));
        Park.Tx taken = place(ivan, u(2000), market, BUY, 105, 12, GTC).ok();
        List<Tuple> trades = trades(taken);
        assertThat(trades).extracting(t -> t.uint256(2).toLong(), t -> t.uint256(3).toLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(101L, 5L), org.assertj.core.groups.Tuple.tuple(101L, 5L),
                        org.assertj.core.groups.Tuple.tuple(102L, 2L));
        List<Log> tradeLogs = taken.logs(Exchange.TRADE);
        assertThat(tradeLogs).extracting(l -> l.topics().get(2)).containsExactly(Slots.topic(b), Slots.topic(c), Slots.topic(a));
        assertThat(order(a).uint256(5)).isEqualTo(u(2));
        assertThat(order(a).bool(9)).isTrue();
        Tuple asks = depth(market, SELL);
        assertThat(asks.list(0)).containsExactly(u(102));
        assertThat(asks.list(1)).containsExactly(u(3));
        assertThat(depth(market, BUY).list(0)).isEmpty();
        assertThat(taken.logs(Exchange.ORDER_CLOSED)).hasSize(3);   // b, c and the filled taker
    }

    @Test
    void anIncomingOrderCancelsTheSameTradersRestingOrdersInsteadOfTradingWithThem() {
        long market = coinMarket(platform, false, false);
        long own = placed(place(kim, market, SELL, 100, 5, GTC));
        long other = placed(place(olga, market, SELL, 100, 5, GTC));
        long mslBefore = msl(kim);
        Park.Tx taken = place(kim, u(1000), market, BUY, 100, 5, GTC).ok();
        assertThat(trades(taken)).hasSize(1).first().satisfies(t -> assertThat(t.address(1)).isEqualTo(olga));
        Log closed = taken.logs(Exchange.ORDER_CLOSED).getFirst();
        assertThat(closed.topics().get(1)).isEqualTo(Slots.topic(own));
        assertThat(Abi.decode("(uint256,bool)", closed.data()).bool(1)).isTrue();
        assertThat(msl(kim) - mslBefore).isEqualTo(5 + 5);   // its lock back, and what it bought
        assertThat(order(other).bool(9)).isFalse();
    }

    @Test
    void matchingPassesOverARestingOrderWhoseTraderMayNotTradeNow() {
        long market = coinMarket(platform, false, false);
        long blockedOrder = placed(place(olga, market, SELL, 100, 5, GTC));
        long next = placed(place(kim, market, SELL, 101, 5, GTC));
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", olga, Abi.hash("court"))).ok();
        Park.Tx taken = place(ivan, u(1000), market, BUY, 101, 5, GTC).ok();
        assertThat(trades(taken)).hasSize(1).first().satisfies(t -> assertThat(t.address(1)).isEqualTo(kim));
        assertThat(order(blockedOrder).bool(9)).isTrue();
        assertThat(order(blockedOrder).uint256(7)).isEqualTo(u(5));
        assertThat(order(next).bool(9)).isFalse();
        park.board(REGISTRY, Abi.call("unblockAddress(address)", olga)).ok();
        assertThat(trades(place(ivan, u(1000), market, BUY, 100, 5, GTC).ok())).hasSize(1);
    }

    @Test
    void fillOrKillFillsCompletelyOrReverts() {
        long market = coinMarket(platform, false, false);
        placed(place(kim, market, SELL, 100, 5, GTC));
        placed(place(ivan, market, SELL, 101, 5, GTC));
        assertThat(place(olga, u(2000), market, BUY, 100, 6, FOK).reason()).isEqualTo("exchange: fill-or-kill not filled");
        assertThat(place(kim, u(2000), market, BUY, 101, 6, FOK).reason()).isEqualTo("exchange: fill-or-kill not filled");
        Park.Tx filled = place(olga, u(2000), market, BUY, 101, 6, FOK).ok();
        assertThat(trades(filled)).hasSize(2);
    }

    @Test
    void postOnlyRestsOrRevertsIfItWouldTradeWithAnotherTrader() {
        long market = coinMarket(platform, false, false);
        long own = placed(place(kim, market, SELL, 100, 5, GTC));
        placed(place(olga, market, SELL, 101, 5, GTC));
        assertThat(place(ivan, u(2000), market, BUY, 101, 5, POST).reason()).isEqualTo("exchange: post-only would trade");
        long post = placed(place(kim, u(2000), market, BUY, 100, 5, POST));
        assertThat(order(own).bool(9)).isFalse();
        assertThat(order(post).bool(9)).isTrue();
        assertThat(depth(market, BUY).list(0)).containsExactly(u(100));
        assertThat(depth(market, SELL).list(0)).containsExactly(u(101));
    }

    @Test
    void immediateOrCancelReturnsWhatItDidNotUse() {
        long market = coinMarket(platform, false, false);
        placed(place(kim, market, SELL, 100, 5, GTC));
        long before = coin(ivan);
        long id = placed(place(ivan, u(5000), market, BUY, 100, 20, IOC));
        Tuple o = order(id);
        assertThat(o.uint256(5)).isEqualTo(u(5));
        assertThat(o.bool(9)).isFalse();
        assertThat(o.uint256(7)).isEqualTo(UInt256.ZERO);
        assertThat(before - coin(ivan)).isEqualTo(500 + 2);   // notional and the 0.5% taker fee, floor(2.5)
        assertThat(coin(EXCHANGE)).isZero();
    }

    // --- fees and the levy ---------------------------------------------------------------------------------------

    @Test
    void feesAreTheOperatorsRevenueAndOnePercentOfThemGoesToTheTreasuryWithLevyPaid() {
        long market = coinMarket(platform, false, false);
        placed(place(kim, market, SELL, 1000, 100, GTC));
        long opBefore = coin(platform);
        long treasuryBefore = coin(TREASURY);
        long kimBefore = coin(kim);
        Park.Tx taken = place(ivan, u(200_000), market, BUY, 1000, 100, GTC).ok();
        // notional 100,000: maker 300, taker 500; revenue 800, levy 8
        assertThat(coin(kim) - kimBefore).isEqualTo(100_000 - 300);
        assertThat(coin(platform) - opBefore).isEqualTo(792);
        assertThat(coin(TREASURY) - treasuryBefore).isEqualTo(8);
        Log levy = taken.logs(ParkRegistry.LEVY_PAID).getFirst();
        assertThat(levy.address()).isEqualTo(REGISTRY);
        assertThat(levy.topics().get(1)).isEqualTo(Slots.topic(platform));
        assertThat(levy.topics().get(2)).isEqualTo(Slots.topic(Address.ZERO));
        Tuple data = Abi.decode("(uint256,uint256,bytes32)", levy.data());
        assertThat(data.uint256(0)).isEqualTo(u(800));
        assertThat(data.uint256(1)).isEqualTo(u(8));
        assertThat(data.bytes32(2)).isEqualTo(Exchange.levySource(market));
        assertThat(Abi.uint(park.read(REGISTRY, Abi.call("levyPaid(address,address)", platform, Address.ZERO)), 0)).isEqualTo(u(8));
        assertThat(coin(EXCHANGE)).isZero();
    }

    @Test
    void aTradeWithoutFeesPaysNoLevyAndEmitsNoLevyPaid() {
        long market = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, 1, 1, 0, 0, false, false)).ok().output(), 0).toLong();
        placed(place(kim, market, SELL, 10, 5, GTC));
        Park.Tx taken = place(ivan, u(50), market, BUY, 10, 5, GTC).ok();
        assertThat(trades(taken)).hasSize(1);
        assertThat(taken.logs(ParkRegistry.LEVY_PAID)).isEmpty();
    }

    // --- cancelling ----------------------------------------------------------------------------------------------

    @Test
    void onlyItsTraderCancelsARunningMarketsOrderAndItsLockComesBack() {
        long market = coinMarket(platform, false, false);
        long id = placed(place(ivan, market, BUY, 100, 10, GTC));
        assertThat(cancel(kim, id).reason())
                .isEqualTo("exchange: only the order's trader can cancel it (the operator or the board too while the market is halted)");
        long before = coin(ivan);
        Park.Tx cancelled = cancel(ivan, id).ok();
        assertThat(coin(ivan) - before).isEqualTo(1005);
        assertThat(Abi.decode("(uint256,bool)", cancelled.logs(Exchange.ORDER_CLOSED).getFirst().data()).bool(1)).isTrue();
        assertThat(cancel(ivan, id).reason()).isEqualTo("exchange: order 1 is not open");
        assertThat(openOrders(market, ivan)).isEmpty();
    }

    @Test
    void aLockNeverGoesBackToABlockedOrFrozenTrader() {
        long market = coinMarket(platform, false, false);
        long buy = placed(place(ivan, market, BUY, 100, 10, GTC));
        long sell = placed(place(kim, market, SELL, 200, 10, GTC));
        park.board(REGISTRY, Abi.call("blockAddress(address,bytes32)", ivan, Abi.hash("court"))).ok();
        assertThat(cancel(ivan, buy).reason()).isEqualTo("exchange: the lock cannot go back to blocked trader " + ivan);
        park.board(msl, Abi.call("setFrozen(address,bool)", kim, true)).ok();
        assertThat(cancel(kim, sell).reason())
                .isEqualTo("exchange: the lock cannot go back to trader " + kim + ", frozen in the locked token");
        park.board(REGISTRY, Abi.call("unblockAddress(address)", ivan)).ok();
        park.board(msl, Abi.call("setFrozen(address,bool)", kim, false)).ok();
        cancel(ivan, buy).ok();
        cancel(kim, sell).ok();
    }

    @Test
    void ordersBeyond128BitAmountsKeepTheWideRecordAndTradeExactly() {
        Address big = Abi.address(park.createToken(issuer, "BIG", UInt256.ONE.shl(200), 0).ok().output(), 0);
        UInt256 huge = UInt256.ONE.shl(130);
        UInt256 half = UInt256.ONE.shl(129);
        park.send(issuer, big, Abi.call("mint(address,uint256)", kim, huge)).ok();
        park.send(issuer, big, Abi.call("mint(address,uint256)", olga, UInt256.of(10))).ok();
        approve(kim, big);
        approve(olga, big);
        park.fund(ivan, UInt256.ONE.shl(131));
        long market = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, big, Address.ZERO, 1, 1, 0, 0, false, false))
                .ok().output(), 0).toLong();
        long wide = placed(park.send(kim, EXCHANGE, Abi.call(PLACE, market, SELL, 1, huge, GTC)));
        long small = placed(park.send(olga, EXCHANGE, Abi.call(PLACE, market, SELL, 2, 10, GTC)));
        long taker = placed(park.send(ivan, EXCHANGE, half, Abi.call(PLACE, market, BUY, 1, half, GTC)));
        Tuple maker = order(wide);
        assertThat(maker.uint256(4)).isEqualTo(huge);
        assertThat(maker.uint256(5)).isEqualTo(half);
        assertThat(maker.uint256(7)).isEqualTo(half);
        assertThat(maker.bool(9)).isTrue();
        Tuple filled = order(taker);
        assertThat(filled.uint256(4)).isEqualTo(half);
        assertThat(filled.uint256(5)).isEqualTo(half);
        assertThat(filled.bool(9)).isFalse();
        assertThat(park.tokenBalance(big, ivan)).isEqualTo(half);
        assertThat(order(small).uint256(3)).isEqualTo(u(2));
        assertThat(depth(market, SELL).list(1)).containsExactly(half, u(10));
        cancel(kim, wide).ok();
        assertThat(park.tokenBalance(big, kim)).isEqualTo(half);
        assertThat(order(wide).uint256(7)).isEqualTo(UInt256.ZERO);
        assertThat(park.tokenBalance(big, EXCHANGE)).isEqualTo(u(10));
    }

    @Test
    void pricesBeyondTheLevelWordsWidthQueueAndUnlinkLikeSmallOnes() {
        // Tick 2^140: every order has the wide record, and a level's next price (>= 2^159) needs its second word.
        UInt256 tick = UInt256.ONE.shl(140);
        UInt256 p1 = UInt256.ONE.shl(160);
        UInt256 p2 = UInt256.ONE.shl(161);
        UInt256 p3 = p2.add(tick);
        long market = Abi.uint(park.send(platform, EXCHANGE, Abi.call(CREATE, msl, Address.ZERO, tick, 1, 0, 0, false, false))
                .ok().output(), 0).toLong();
        long a = placed(park.send(kim, EXCHANGE, Abi.call(PLACE, market, SELL, p3, 1, GTC)));
        long b = placed(park.send(kim, EXCHANGE, Abi.call(PLACE, market, SELL, p1, 1, GTC)));
        long c = placed(park.send(olga, EXCHANGE, Abi.call(PLACE, market, SELL, p1, 2, GTC)));
        long d = placed(park.send(olga, EXCHANGE, Abi.call(PLACE, market, SELL, p2, 1, GTC)));
        long e = placed(park.send(kim, EXCHANGE, Abi.call(PLACE, market, SELL, p1, 3, GTC)));
        assertThat(depth(market, SELL).list(0)).containsExactly(p1, p2, p3);
        assertThat(depth(market, SELL).list(1)).containsExactly(u(6), u(1), u(1));
        cancel(olga, c).ok();
        cancel(olga, d).ok();   // a deeper level empties: unlinked by a walk from the best
        assertThat(depth(market, SELL).list(0)).containsExactly(p1, p3);
        assertThat(depth(market, SELL).list(1)).containsExactly(u(4), u(1));
        assertThat(openOrders(market, kim)).containsExactly(a, b, e);
        park.fund(ivan, p3.mul(u(5)));
        long taker = placed(park.send(ivan, EXCHANGE, p3.mul(u(5)), Abi.call(PLACE, market, BUY, p3, 5, IOC)));
        assertThat(order(taker).uint256(5)).isEqualTo(u(5));
        assertThat(order(b).bool(9)).isFalse();
        assertThat(order(e).uint256(5)).isEqualTo(u(3));
        assertThat(order(a).uint256(5)).isEqualTo(u(1));
        assertThat(depth(market, SELL).list(0)).isEmpty();
        assertThat(openOrders(market, kim)).isEmpty();
    }

    @Test
    void openOrdersListsATradersRestingOrdersOldestFirst() {
        long market = coinMarket(platform, false, false);
        long a = placed(place(kim, market, SELL, 105, 1, GTC));
        long b = placed(place(kim, market, BUY, 90, 1, GTC));
        long c = placed(place(kim, market, SELL, 101, 1, GTC));
        placed(place(ivan, market, SELL, 101, 1, GTC));
        assertThat(openOrders(market, kim)).containsExactly(a, b, c);
        cancel(kim, b).ok();
        assertThat(openOrders(market, kim)).containsExactly(a, c);
        Tuple asks = depth(market, SELL);
        assertThat(asks.list(0)).containsExactly(u(101), u(105));
        assertThat(asks.list(1)).containsExactly(u(2), u(1));
    }
}
