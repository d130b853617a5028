package org.parkchain.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.Keccak;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiFunction;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.tx.Transaction;

/**
 * The {@code orders} scenario: signed {@code placeOrder} transactions to the park's exchange (0x…1003) on a Parkchain
 * node whose board is the funder (as {@code --dev}'s account 0 is). Set-up, not timed: the next account of the
 * mnemonic applies for residency and the board admits it as TOKEN_ISSUER and PLATFORM_OPERATOR; it creates token LOAD
 * (decimals 0) and an LOAD/coin market (tick 1, lot 1, no fees), identifies every sender as its client and mints each
 * its tokens; the funder gives each sender coin; each sender approves the exchange. Each sender then alternates a
 * good-till-cancelled sell of one LOAD at 100 wei, which rests, and an immediate-or-cancel buy of one LOAD at 100 wei,
 * which trades with the oldest resting sell of another sender (or, when only its own are there, cancels them and
 * closes unfilled): every order succeeds, half of them trade. Cancels by id are not in the mix: an order's id is
 * given when it executes, after the transactions were signed.
 */
final class ExchangeOrders {
    static final Address REGISTRY = Address.fromLong(0x1000);
    static final Address FACTORY = Address.fromLong(0x1001);
    static final Address EXCHANGE = Address.fromLong(0x1003);
    /**
     * Each order's gas limit: a wallet's margin over what an order of this scenario uses (about 126,000; a buy that
     * first cancels its sender's own resting sell and then trades uses the most, well under 200,000). The block builder
     * selects by gas limits (twice the block's worth), so a limit far above the use would cap a block's orders.
     */
    static final long ORDER_GAS = 250_000;
    private static final long PRICE = 100;
    private static final AbiFunction PLACE = AbiFunction.parse("placeOrder(uint256,uint8,uint256,uint256,uint8)");

    private final LoadGenerator load;
    private long market;

    ExchangeOrders(LoadGenerator load) {
        this.load = load;
    }

    private static byte[] call(String signature, Object... args) {
        return AbiFunction.parse(signature).encodeCall(args);
    }

    private static Hash hash(String text) {
        return Hash.wrap(Keccak.keccak256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Hash topic(JsonNode receipt, int index) {
        JsonNode logs = receipt.path("logs");
        if (logs.isEmpty()) {
            throw new IllegalStateException("expected an event in " + receipt);
        }
        return Hash.fromHex(logs.get(0).path("topics").get(index).asText());
    }

    /** Runs the set-up; {@code board} must be the park's board (threshold 1), {@code operator} a funded account. */
    void setUp(PrivateKey board, PrivateKey operator, List<PrivateKey> senderKeys, List<Address> senders, int perSender) {
        Address op = operator.address();
        long n = load.pendingNonce(op);
        load.sendInOrderAndWait(List.of(load.signed(operator, n, REGISTRY, UInt256.ZERO,
                call("applyForResidency(string,bytes32,bytes32)", "Load Platform", hash("reg"), hash("project")), 300_000)));
        long b = load.pendingNonce(board.address());
        load.sendInOrderAndWait(List.of(load.signed(board, b, REGISTRY, UInt256.ZERO, call("propose(address,bytes)", REGISTRY,
                call("admitResident(address,uint256)", op, 1L | 4L)), 500_000)));
        JsonNode created = load.sendInOrderAndWait(List.of(load.signed(operator, n + 1, FACTORY, UInt256.ZERO,
                call("createToken(string,string,uint8,uint256,uint8,bytes32)", "Load", "LOAD", 0L, UInt256.ONE.shl(200), 1L,
                        hash("white paper")), 1_000_000))).getFirst();
        Address token = Address.fromWord(topic(created, 1).bytesUnsafe());
        JsonNode opened = load.sendInOrderAndWait(List.of(load.signed(operator, n + 2, EXCHANGE, UInt256.ZERO,
                call("createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)", token, Address.ZERO, 1L, 1L,
                        0L, 0L, false, false), 500_000))).getFirst();
        market = UInt256.fromBytes(topic(opened, 1).bytesUnsafe()).toLong();
        List<Transaction> operatorTxs = new ArrayList<>();
        long nonce = n + 3;
        for (Address s : senders) {
            operatorTxs.add(load.signed(operator, nonce++, REGISTRY, UInt256.ZERO, call(
                    "registerClient(address,uint8,bool,bytes2,bytes32,uint64)", s, 2L, false, "KR".getBytes(StandardCharsets.US_ASCII),
                    hash("dossier " + s), 0L), 300_000));
            operatorTxs.add(load.signed(operator, nonce++, token, UInt256.ZERO, call("mint(address,uint256)", s, (long) perSender), 300_000));
        }
        load.sendInOrderAndWait(operatorTxs);
        // Coin for every order's gas and for the buys' notional, plus one coin.
        UInt256 coin = load.maxFee().mul(UInt256.of(ORDER_GAS * perSender)).add(UInt256.of(PRICE * perSender))
                .add(UInt256.of(1_000_000_000L).mul(UInt256.of(1_000_000_000L)));
        List<Transaction> funding = new ArrayList<>();
        long f = load.pendingNonce(board.address());
        for (Address s : senders) {
            funding.add(load.signed(board, f++, s, coin, new byte[0], 21_000));
        }
        load.sendInOrderAndWait(funding);
        List<Transaction> approvals = IntStream.range(0, senders.size()).parallel()
                .mapToObj(i -> load.signed(senderKeys.get(i), 0, token, UInt256.ZERO,
                        call("approve(address,uint256)", EXCHANGE, UInt256.MAX), 100_000)).toList();
        load.sendInOrderAndWait(approvals);
    }

    /** Sender {@code s}'s orders from {@code firstNonce}: sells and buys in turn. */
    List<Transaction> sign(PrivateKey key, long firstNonce, int count) {
        List<Transaction> txs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            boolean sell = k % 2 == 0;
            byte[] data = PLACE.encodeCall(market, sell ? 1L : 0L, PRICE, 1L, sell ? 0L : 1L);
            txs.add(load.signed(key, firstNonce + k, EXCHANGE, sell ? UInt256.ZERO : UInt256.of(PRICE), data, ORDER_GAS));
        }
        return txs;
    }
}
