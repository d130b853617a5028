package org.parkchain.regime;

import java.util.ArrayList;
import java.util.List;
import org.parkchain.evm.Log;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.exchange.Side;
import org.parkchain.regime.exchange.TimeInForce;

/**
 * A park with one MSL/coin market run by a platform operator and a few verified traders holding coin and MSL, driven by
 * real transactions: what the contract-against-reference property needs, from outside this package.
 */
public final class ExchangeHarness {
    public static final Address EXCHANGE = SystemAddresses.EXCHANGE;

    /** What a placeOrder did: its refusal (null when it succeeded) and its Trade events as the reference words them. */
    public record Outcome(String refusal, List<org.parkchain.regime.exchange.ReferenceFill> trades) {}

    private final Park park = Park.withChair();
    private final Address operator;
    private final Address token;
    private final List<Address> traders = new ArrayList<>();
    private final long market;

    public ExchangeHarness(int traderCount, long tick, long lot, long makerFeeBps, long takerFeeBps, long start) {
        Address issuer = park.admit(Park.account(1), "Minsk Software Labs", Role.TOKEN_ISSUER);
        operator = park.admit(Park.account(2), "Capital Token Organiser", Role.PLATFORM_OPERATOR);
        token = park.token(issuer, "MSL", 1_000_000_000L);
        for (int i = 0; i < traderCount; i++) {
            Address trader = Park.account(20 + i);
            park.identify(operator, trader, ClientCategory.QUALIFIED, "KR", 0).ok();
            park.fund(trader, UInt256.of(start));
            park.send(issuer, token, Abi.call("mint(address,uint256)", trader, start)).ok();
            park.send(trader, token, Abi.call("approve(address,uint256)", EXCHANGE, UInt256.MAX)).ok();
            traders.add(trader);
        }
        market = Abi.uint(park.send(operator, EXCHANGE, Abi.call(
                "createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)",
                token, Address.ZERO, tick, lot, makerFeeBps, takerFeeBps, false, false)).ok().output(), 0).toLong();
    }

    public Address operator() {
        return operator;
    }

    public Address treasury() {
        return Park.TREASURY;
    }

    public List<Address> traders() {
        return traders;
    }

    public Outcome place(Address trader, long value, Side side, long price, long amount, TimeInForce tif) {
        Park.Tx tx = park.send(trader, EXCHANGE, UInt256.of(value),
                Abi.call("placeOrder(uint256,uint8,uint256,uint256,uint8)", market, side, price, amount, tif));
        if (!tx.succeeded()) {
            return new Outcome(tx.reason(), List.of());
        }
        List<org.parkchain.regime.exchange.ReferenceFill> trades = new ArrayList<>();
        for (Log log : tx.logs(Exchange.TRADE)) {
            Tuple d = Abi.decode("(address,address,uint256,uint256,uint256,uint256)", log.data());
            trades.add(new org.parkchain.regime.exchange.ReferenceFill(UInt256.fromBytes(log.topics().get(2).bytesUnsafe()).toLong(),
                    UInt256.fromBytes(log.topics().get(3).bytesUnsafe()).toLong(), d.address(0), d.address(1),
                    d.uint256(2).toLong(), d.uint256(3).toLong(), d.uint256(4).toLong(), d.uint256(5).toLong()));
        }
        return new Outcome(null, trades);
    }

    /** The refusal of a cancel, or null. */
    public String cancel(Address caller, long id) {
        Park.Tx tx = park.send(caller, EXCHANGE, Abi.call("cancelOrder(uint256)", id));
        return tx.succeeded() ? null : tx.reason();
    }

    public void halt(boolean halted) {
        park.send(operator, EXCHANGE, Abi.call("setHalted(uint256,bool)", market, halted)).ok();
    }

    public void fees(long maker, long taker) {
        park.send(operator, EXCHANGE, Abi.call("setFees(uint256,uint256,uint256)", market, maker, taker)).ok();
    }

    public void block(Address account, boolean blocked) {
        park.board(Park.REGISTRY, blocked ? Abi.call("blockAddress(address,bytes32)", account, Abi.hash("order"))
                : Abi.call("unblockAddress(address)", account));
    }

    /** [MSL, coin] held by {@code account}. */
    public long[] balances(Address account) {
        return new long[] {park.tokenBalance(token, account).toLong(), park.balance(account).toLong()};
    }

    public List<long[]> depth(Side side) {
        Tuple t = Abi.decode("(uint256[],uint256[])", park.read(EXCHANGE, Abi.call("depth(uint256,uint8,uint256)", market, side, 1000)));
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < t.list(0).size(); i++) {
            out.add(new long[] {((UInt256) t.list(0).get(i)).toLong(), ((UInt256) t.list(1).get(i)).toLong()});
        }
        return out;
    }

    public long orderCount() {
        long n = 0;
        while (true) {
            int snapshot = park.world.snapshot();
            org.parkchain.evm.ExecutionResult r = park.contracts.call(park.world, Park.CHAIR, EXCHANGE, UInt256.ZERO,
                    Abi.call("getOrder(uint256)", n + 1), Park.GAS, true, park.block());
            park.world.revertToSnapshot(snapshot);
            if (!r.isSuccess()) {
                return n;
            }
            n++;
        }
    }

    public Tuple order(long id) {
        return Abi.decode("(uint256,address,uint8,uint256,uint256,uint256,uint256,uint256,uint64,bool)",
                park.read(EXCHANGE, Abi.call("getOrder(uint256)", id)));
    }

    public List<Long> openOrders(Address trader) {
        return Abi.decode("(uint256[])", park.read(EXCHANGE, Abi.call("openOrders(uint256,address)", market, trader)))
                .list(0).stream().map(v -> ((UInt256) v).toLong()).toList();
    }
}
