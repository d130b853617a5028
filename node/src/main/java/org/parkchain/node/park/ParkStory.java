package org.parkchain.node.park;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.parkchain.node.park.JsonRpcClient.JsonRpcException;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.AbiEvent;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.regime.SystemAddresses;

/**
 * DESIGN.md's story of the park, played against a running node with real signed transactions from the dev accounts,
 * through JSON-RPC only: admissions, identification of two investors, a token and its offering, subscriptions (one
 * refused over the non-qualified limit), a successful finalize paying 1% to the treasury, claims, a transfer, and a
 * transfer to a blocked address refused; then trading on the park's exchange: the platform operator's market where its
 * two clients trade, an exchange office quoting MSL that a client takes, the fees to the operators with 1% of them to
 * the treasury, and a blocked address's order refused. Each step is printed in plain words with its transaction, gas and outcome;
 * {@link #play} returns what happened so a test can check it against the chain.
 */
public final class ParkStory {
    static final BigInteger UNIT = BigInteger.TEN.pow(18);
    /** The refusal a non-qualified client gets for one coin above the limit. */
    public static final String OVER_LIMIT_REASON = "offering: non-qualified limit exceeded";
    public static final String BLOCKED_REASON = "token: transfer to a blocked address";
    public static final String BLOCKED_TRADER_REASON_START = "exchange: trader ";

    public static final AbiEvent TOKEN_CREATED = ParkAbi.event(
            "TokenCreated(address indexed,address indexed,string,string,uint8,uint256,uint8,bytes32)");
    public static final AbiEvent OFFERING_CREATED = ParkAbi.event(
            "OfferingCreated(uint256 indexed,address indexed,address indexed,address)");
    public static final AbiEvent LEVY_PAID = ParkAbi.event(
            "LevyPaid(address indexed,address indexed,uint256,uint256,bytes32)");
    public static final AbiEvent MARKET_CREATED = ParkAbi.event(
            "MarketCreated(uint256 indexed,address indexed,address indexed,address,bool)");
    public static final AbiEvent TRADE = ParkAbi.event(
            "Trade(uint256 indexed,uint256 indexed,uint256 indexed,address,address,uint256,uint256,uint256,uint256)");
    private static final String PLACE_ORDER = "placeOrder(uint256,uint8,uint256,uint256,uint8)";
    private static final int BUY = 0, SELL = 1, GOOD_TILL_CANCEL = 0, IMMEDIATE_OR_CANCEL = 1;

    /** Roles (IParkRegistry's bits). */
    private static final long TOKEN_ISSUER = 1, ICO_ORGANISER = 2, PLATFORM_OPERATOR = 4, EXCHANGE_OFFICE = 8;
    private static final int NON_QUALIFIED = 1, QUALIFIED = 2;
    /** Gas for the two refused steps, sent without an estimate (the node would refuse to estimate them). */
    private static final long REFUSED_STEP_GAS = 300_000;
    /**
     * Seconds from creating the offering to its start, and its length: short, so the demo sees it open and close,
     * yet long enough for the three subscriptions and the refused one on a busy machine.
     */
    private static final long OPENS_IN = 3, LASTS = 10;

    /** The cast: who plays which part, by dev account. */
    public record Cast(PrivateKey board, PrivateKey issuer, PrivateKey organiser, PrivateKey koreanCompany,
                       PrivateKey belarusianIndividual, Address blocked, PrivateKey blockedKey, PrivateKey exchangeOffice,
                       Address treasury) {
        /**
         * Account 0 the board, 1 the issuer, 2 the organiser, 3 the Korean company, 4 the Belarusian, 5 blocked,
         * 6 the exchange office, 9 treasury.
         */
        public static Cast of(List<PrivateKey> devKeys) {
            if (devKeys.size() < 10) {
                throw new IllegalArgumentException("the story needs the 10 dev accounts, got " + devKeys.size());
            }
            return new Cast(devKeys.get(0), devKeys.get(1), devKeys.get(2), devKeys.get(3), devKeys.get(4),
                    devKeys.get(5).address(), devKeys.get(5), devKeys.get(6), devKeys.get(9).address());
        }
    }

    /** One step as it happened: its receipt, and the reason when it was refused. */
    public record Step(String title, RpcWallet.Receipt receipt, String refusal) {
        public boolean refused() {
            return !receipt.success();
        }
    }

    /** What the story leaves behind, for whoever wants to check it. */
    public record Outcome(Map<String, Step> steps, Address token, long offeringId, UInt256 raised, UInt256 levy,
                          UInt256 issuerReceived, UInt256 treasuryReceived, long parkTokenTransferGas, Trading trading) {}

    /** What the trading act left: the two markets and the gas of a resting order and of a one-fill taker. */
    public record Trading(long platformMarket, long officeMarket, long restingOrderGas, long takerOrderGas) {}

    private final RpcWallet wallet;
    private final Cast cast;
    private final PrintWriter out;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private int number;

    public ParkStory(RpcWallet wallet, Cast cast, PrintWriter out) {
        this.wallet = wallet;
        this.cast = cast;
        this.out = out;
    }

    public Outcome play() {
        Address board = cast.board().address();
        Address labs = cast.issuer().address();
        Address capital = cast.organiser().address();
        Address korean = cast.koreanCompany().address();
        Address belarusian = cast.belarusianIndividual().address();
        out.println("The cast (dev accounts of the test mnemonic):");
        cast("the supervisory board (sole member, threshold 1)", board, 0);
        cast("Minsk Software Labs, applicant for TOKEN_ISSUER", labs, 1);
        cast("Capital Token Organiser, ICO_ORGANISER + PLATFORM_OPERATOR", capital, 2);
        cast("a Korean company (qualified investor, KR)", korean, 3);
        cast("a Belarusian individual (non-qualified investor, BY)", belarusian, 4);
        cast("an address the board will block", cast.blocked(), 5);
        cast("Minsk Exchange Office, applicant for EXCHANGE_OFFICE", cast.exchangeOffice().address(), 6);
        cast("the park's treasury (receives the levy)", cast.treasury(), 9);
        out.println();

        // Admissions: each company applies from its own account; the board admits it by a proposal.
        step("apply", "Minsk Software Labs applies for residency", cast.issuer(), SystemAddresses.REGISTRY,
                ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Minsk Software Labs",
                        ParkAbi.hashOf("registration 190000001"), ParkAbi.hashOf("MSL business project")));
        step("apply2", "Capital Token Organiser applies for residency", cast.organiser(), SystemAddresses.REGISTRY,
                ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Capital Token Organiser",
                        ParkAbi.hashOf("registration 190000002"), ParkAbi.hashOf("CTO business project")));
        boardDecides("admit", "The board admits Minsk Software Labs with role TOKEN_ISSUER",
                ParkAbi.call("admitResident(address,uint256)", labs, TOKEN_ISSUER));
        boardDecides("admit2", "The board admits Capital Token Organiser as ICO_ORGANISER and PLATFORM_OPERATOR",
                ParkAbi.call("admitResident(address,uint256)", capital, ICO_ORGANISER | PLATFORM_OPERATOR));

        // Identification: the organiser verifies its two clients (only dossier hashes go on the ledger).
        step("identifyKR", "The organiser identifies the Korean company: qualified, KR", cast.organiser(),
                SystemAddresses.REGISTRY, ParkAbi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                        korean, QUALIFIED, true, new ParkAbi.Country("KR"), ParkAbi.hashOf("dossier KR-1"), 0L));
        step("identifyBY", "The organiser identifies the Belarusian individual: non-qualified, BY", cast.organiser(),
                SystemAddresses.REGISTRY, ParkAbi.call("registerClient(address,uint8,bool,bytes2,bytes32,uint64)",
                        belarusian, NON_QUALIFIED, false, new ParkAbi.Country("BY"), ParkAbi.hashOf("dossier BY-1"), 0L));

        // The token.
        Hash whitePaper = ParkAbi.hashOf("MSL white paper v1");
        Step created = step("createToken", "Minsk Software Labs creates token MSL (cap 10,000,000)", cast.issuer(),
                SystemAddresses.TOKEN_FACTORY, ParkAbi.call("createToken(string,string,uint8,uint256,uint8,bytes32)",
                        "Minsk Software Labs Token", "MSL", 18, tokens(10_000_000), 1, whitePaper));
        Address msl = single(created, SystemAddresses.TOKEN_FACTORY, TOKEN_CREATED).address(0);
        note("MSL lives at " + msl.toChecksumHex());

        // The offering: 0.001 coin a token, soft cap 1,000,000, hard cap 5,000,000, at most 100 coins from a
        // non-qualified client; it opens a few seconds from now and closes a few seconds later, by the ledger's clock.
        long start = Math.max(wallet.latestTimestamp(), nowSeconds()) + OPENS_IN;
        long end = start + LASTS;
        UInt256 price = UInt256.of(UNIT.divide(BigInteger.valueOf(1000)));
        Step offered = step("createOffering", "Minsk Software Labs offers MSL: 0.001 coin a token, soft cap 1,000,000,"
                        + " hard cap 5,000,000, non-qualified limit 100 coins", cast.issuer(), SystemAddresses.OFFERINGS,
                ParkAbi.call("createOffering(address,address,address,uint256,uint256,uint256,uint64,uint64,uint256,bytes32)",
                        msl, capital, Address.ZERO, price, tokens(1_000_000), tokens(5_000_000), start, end,
                        coins(100), whitePaper));
        long offeringId = single(offered, SystemAddresses.OFFERINGS, OFFERING_CREATED).uint64(0);
        note("offering #" + offeringId + " runs from " + start + " to " + end + " (unix seconds, block time)");
        step("approve", "Capital Token Organiser approves offering #" + offeringId, cast.organiser(),
                SystemAddresses.OFFERINGS, ParkAbi.call("approveOffering(uint256)", offeringId));

        waitForLedgerTime(start, "the offering to open");
        step("subscribeKR", "The Korean company subscribes 1,400,000 MSL for 1,400 coins", cast.koreanCompany(),
                SystemAddresses.OFFERINGS, coins(1_400), ParkAbi.call("subscribe(uint256,uint256)", offeringId, tokens(1_400_000)));
        step("subscribeBY", "The Belarusian individual subscribes 100,000 MSL for 100 coins (its whole limit)",
                cast.belarusianIndividual(), SystemAddresses.OFFERINGS, coins(100),
                ParkAbi.call("subscribe(uint256,uint256)", offeringId, tokens(100_000)));
        refusedStep("overLimit", "The Belarusian individual tries 1,000 MSL more for 1 coin",
                cast.belarusianIndividual(), SystemAddresses.OFFERINGS, coins(1),
                ParkAbi.call("subscribe(uint256,uint256)", offeringId, tokens(1_000)));

        waitForLedgerTime(end, "the offering to close");
        Step finalized = step("finalize", "Anyone may finalize after the end: the Korean company does",
                cast.koreanCompany(), SystemAddresses.OFFERINGS, ParkAbi.call("finalize(uint256)", offeringId));
        Tuple levyPaid = single(finalized, SystemAddresses.REGISTRY, LEVY_PAID);
        UInt256 raised = levyPaid.uint256(2);
        UInt256 levy = levyPaid.uint256(3);
        String before = hexBlock(finalized.receipt().blockNumber() - 1);
        String after = hexBlock(finalized.receipt().blockNumber());
        UInt256 issuerReceived = wallet.balance(labs, after).sub(wallet.balance(labs, before));
        UInt256 treasuryReceived = wallet.balance(cast.treasury(), after).sub(wallet.balance(cast.treasury(), before));
        note("the offering succeeded: raised " + coinText(raised) + "; LevyPaid: " + coinText(levy)
                + " to the treasury, " + coinText(issuerReceived) + " to Minsk Software Labs");

        step("claimKR", "The Korean company claims its 1,400,000 MSL", cast.koreanCompany(), SystemAddresses.OFFERINGS,
                ParkAbi.call("claim(uint256)", offeringId));
        step("claimBY", "The Belarusian individual claims its 100,000 MSL", cast.belarusianIndividual(),
                SystemAddresses.OFFERINGS, ParkAbi.call("claim(uint256)", offeringId));
        Step transfer = step("transfer", "The Korean company transfers 50,000 MSL to the Belarusian individual",
                cast.koreanCompany(), msl, ParkAbi.call("transfer(address,uint256)", belarusian, tokens(50_000)));

        boardDecides("block", "The board blocks " + cast.blocked().toChecksumHex() + " (an AML order)",
                ParkAbi.call("blockAddress(address,bytes32)", cast.blocked(), ParkAbi.hashOf("AML order 7")));
        refusedStep("toBlocked", "The Korean company tries to send 1 MSL to the blocked address", cast.koreanCompany(),
                msl, UInt256.ZERO, ParkAbi.call("transfer(address,uint256)", cast.blocked(), tokens(1)));

        Trading trading = trade(msl);

        out.println();
        out.println("Where things stand:");
        holding("Korean company", korean, msl);
        holding("Belarusian individual", belarusian, msl);
        holding("Minsk Exchange Office", cast.exchangeOffice().address(), msl);
        holding("the exchange (locks of open orders)", SystemAddresses.EXCHANGE, msl);
        UInt256 supply = ParkAbi.decode("(uint256)", wallet.call(msl, ParkAbi.call("totalSupply()"))).uint256(0);
        out.println("  MSL in circulation: " + tokenText(supply));
        UInt256 levyTotal = ParkAbi.decode("(uint256)", wallet.call(SystemAddresses.REGISTRY,
                ParkAbi.call("levyPaid(address,address)", labs, Address.ZERO))).uint256(0);
        out.println("  levy paid by Minsk Software Labs so far: " + coinText(levyTotal));
        out.flush();
        return new Outcome(Map.copyOf(steps), msl, offeringId, raised, levy, issuerReceived, treasuryReceived,
                transfer.receipt().gasUsed(), trading);
    }

    /**
     * The trading act. Capital Token Organiser opens an MSL/coin market for its own clients; the Korean company offers
     * MSL and the Belarusian individual buys part of it. An exchange office is admitted, quotes a bid for MSL in its
     * counterparty market, and the Belarusian individual sells into it. Every trade's fees go to the market's operator,
     * 1% of them to the treasury (LevyPaid); the blocked address's order is refused.
     */
    private Trading trade(Address msl) {
        Address capital = cast.organiser().address();
        PrivateKey office = cast.exchangeOffice();
        UInt256 tick = UInt256.of(UNIT.divide(BigInteger.valueOf(1_000_000)));   // 0.000001 coin a token
        UInt256 lot = tokens(1);
        Step opened = step("market", "Capital Token Organiser opens an MSL/coin market for its own clients"
                        + " (maker fee 0.1%, taker fee 0.2%)", cast.organiser(), SystemAddresses.EXCHANGE,
                ParkAbi.call("createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)",
                        msl, Address.ZERO, tick, lot, 10L, 20L, false, true));
        long market = single(opened, SystemAddresses.EXCHANGE, MARKET_CREATED).uint64(0);
        step("approveKR", "The Korean company lets the exchange take the MSL it sells", cast.koreanCompany(), msl,
                ParkAbi.call("approve(address,uint256)", SystemAddresses.EXCHANGE, UInt256.MAX));
        UInt256 askPrice = milliCoins(12, 10);   // 0.0012 coin a token
        Step ask = step("askKR", "The Korean company offers 100,000 MSL at 0.0012 coin (good till cancelled)",
                cast.koreanCompany(), SystemAddresses.EXCHANGE,
                ParkAbi.call(PLACE_ORDER, market, SELL, askPrice, tokens(100_000), GOOD_TILL_CANCEL));
        Step bid = step("bidBY", "The Belarusian individual buys 40,000 MSL at 0.0012 coin: 48 coins plus its 0.2% fee",
                cast.belarusianIndividual(), SystemAddresses.EXCHANGE, coinsMilli(48_096),
                ParkAbi.call(PLACE_ORDER, market, BUY, askPrice, tokens(40_000), GOOD_TILL_CANCEL));
        Tuple levy = single(bid, SystemAddresses.REGISTRY, LEVY_PAID);
        note("traded 40,000 MSL at 0.0012; fees " + coinText(levy.uint256(2)) + " to Capital Token Organiser, of which "
                + coinText(levy.uint256(3)) + " levy to the treasury");

        step("applyOffice", "Minsk Exchange Office applies for residency", office, SystemAddresses.REGISTRY,
                ParkAbi.call("applyForResidency(string,bytes32,bytes32)", "Minsk Exchange Office",
                        ParkAbi.hashOf("registration 190000003"), ParkAbi.hashOf("MEO business project")));
        boardDecides("admitOffice", "The board admits Minsk Exchange Office with role EXCHANGE_OFFICE",
                ParkAbi.call("admitResident(address,uint256)", office.address(), EXCHANGE_OFFICE));
        Step officeOpened = step("officeMarket", "The exchange office opens its counterparty MSL/coin market (its fee 0.5%)",
                office, SystemAddresses.EXCHANGE,
                ParkAbi.call("createMarket(address,address,uint256,uint256,uint256,uint256,bool,bool)",
                        msl, Address.ZERO, tick, lot, 0L, 50L, true, false));
        long officeMarket = single(officeOpened, SystemAddresses.EXCHANGE, MARKET_CREATED).uint64(0);
        UInt256 bidPrice = milliCoins(1, 1);   // 0.001 coin a token
        step("officeQuote", "The exchange office quotes: it buys up to 50,000 MSL at 0.001 coin", office,
                SystemAddresses.EXCHANGE, coinsMilli(50_250),
                ParkAbi.call(PLACE_ORDER, officeMarket, BUY, bidPrice, tokens(50_000), GOOD_TILL_CANCEL));
        step("approveBY", "The Belarusian individual lets the exchange take the MSL it sells", cast.belarusianIndividual(),
                msl, ParkAbi.call("approve(address,uint256)", SystemAddresses.EXCHANGE, UInt256.MAX));
        Step taken = step("takeBY", "The Belarusian individual takes the quote: sells 30,000 MSL for 30 coins less 0.5%",
                cast.belarusianIndividual(), SystemAddresses.EXCHANGE,
                ParkAbi.call(PLACE_ORDER, officeMarket, SELL, bidPrice, tokens(30_000), IMMEDIATE_OR_CANCEL));
        Tuple officeLevy = single(taken, SystemAddresses.REGISTRY, LEVY_PAID);
        note("the office's fee " + coinText(officeLevy.uint256(2)) + ", of which " + coinText(officeLevy.uint256(3))
                + " levy to the treasury");
        refusedStep("blockedOrder", "The blocked address tries to buy 1,000 MSL on the platform", cast.blockedKey(),
                SystemAddresses.EXCHANGE, coinsMilli(1_300), ParkAbi.call(PLACE_ORDER, market, BUY, askPrice, tokens(1_000),
                        GOOD_TILL_CANCEL));
        return new Trading(market, officeMarket, ask.receipt().gasUsed(), bid.receipt().gasUsed());
    }

    // ---- steps ----

    private Step step(String key, String title, PrivateKey from, Address to, byte[] data) {
        return step(key, title, from, to, UInt256.ZERO, data);
    }

    private Step step(String key, String title, PrivateKey from, Address to, UInt256 value, byte[] data) {
        return step(key, title, from, to, value, data, OptionalLong.empty());
    }

    private Step step(String key, String title, PrivateKey from, Address to, UInt256 value, byte[] data,
                      OptionalLong gas) {
        RpcWallet.Receipt receipt;
        try {
            receipt = wallet.send(from, to, value, data, gas);
        } catch (JsonRpcException e) {
            String reason = RpcWallet.reasonOf(e).orElse(e.getMessage());
            throw new IllegalStateException("step '" + title + "' was refused: " + reason, e);
        }
        if (!receipt.success()) {
            String reason = wallet.revertReason(from.address(), to, value, data, hexBlock(receipt.blockNumber() - 1))
                    .orElse("no reason given");
            throw new IllegalStateException("step '" + title + "' reverted in block " + receipt.blockNumber() + ": " + reason);
        }
        return record(key, title, new Step(title, receipt, null));
    }

    /**
     * A step the park's rules refuse. It is sent anyway, with a fixed gas limit, so the refusal is on the ledger:
     * the transaction is mined, reverts, and its reason is what {@code eth_call} of it says on the state it ran on.
     */
    private Step refusedStep(String key, String title, PrivateKey from, Address to, UInt256 value, byte[] data) {
        RpcWallet.Receipt receipt = wallet.send(from, to, value, data, OptionalLong.of(REFUSED_STEP_GAS));
        if (receipt.success()) {
            throw new IllegalStateException("step '" + title + "' should have been refused but succeeded");
        }
        String reason = wallet.revertReason(from.address(), to, value, data, hexBlock(receipt.blockNumber() - 1))
                .orElse("no reason given");
        return record(key, title, new Step(title, receipt, reason));
    }

    private void boardDecides(String key, String title, byte[] decision) {
        // With threshold 1 the board's proposal executes as it is made.
        step(key, title, cast.board(), SystemAddresses.REGISTRY,
                ParkAbi.call("propose(address,bytes)", SystemAddresses.REGISTRY, decision));
    }

    private Step record(String key, String title, Step step) {
        steps.put(key, step);
        RpcWallet.Receipt r = step.receipt();
        out.printf("%2d. %s%n", ++number, title);
        if (step.refused()) {
            out.printf("    REFUSED: \"%s\"  (tx %s, block %d, gas %,d)%n", step.refusal(), r.txHash().toHex(),
                    r.blockNumber(), r.gasUsed());
        } else {
            out.printf("    ok  (tx %s, block %d, gas %,d)%n", r.txHash().toHex(), r.blockNumber(), r.gasUsed());
        }
        out.flush();
        return step;
    }

    /** The values of the one {@code event} {@code emitter} logged in {@code step}. */
    private static Tuple single(Step step, Address emitter, AbiEvent event) {
        List<RpcWallet.Log> logs = step.receipt().logs(emitter, event.topic0());
        if (logs.size() != 1) {
            throw new IllegalStateException("step '" + step.title() + "': expected one " + event.signature()
                    + " event, got " + logs.size());
        }
        return ParkAbi.decode(event, logs.get(0).topics(), logs.get(0).data());
    }

    /**
     * Waits until the next block will carry a timestamp of at least {@code time}. A block's timestamp is the wall
     * clock's second, or its parent's plus one when the chain runs ahead of the wall clock after a burst of blocks.
     */
    private void waitForLedgerTime(long time, String what) {
        long next = Math.max(nowSeconds(), wallet.latestTimestamp() + 1);
        if (next >= time) {
            return;
        }
        note("waiting " + (time - next) + " s for " + what);
        while (Math.max(nowSeconds(), wallet.latestTimestamp() + 1) < time) {
            try {
                Thread.sleep(Math.max(10, Math.min(250, time * 1000 - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private void note(String text) {
        out.println("    -> " + text);
        out.flush();
    }

    private void cast(String part, Address account, int index) {
        out.printf("  %-62s %s  (account %d)%n", part, account.toChecksumHex(), index);
    }

    private void holding(String who, Address account, Address token) {
        UInt256 balance = ParkAbi.decode("(uint256)", wallet.call(token, ParkAbi.call("balanceOf(address)", account))).uint256(0);
        out.println("  " + who + " holds " + tokenText(balance) + " MSL");
    }

    // ---- amounts ----

    static UInt256 tokens(long whole) {
        return UInt256.of(BigInteger.valueOf(whole).multiply(UNIT));
    }

    static UInt256 coins(long whole) {
        return tokens(whole);
    }

    /** {@code thousandths} thousandths of a coin. */
    static UInt256 coinsMilli(long thousandths) {
        return UInt256.of(BigInteger.valueOf(thousandths).multiply(UNIT).divide(BigInteger.valueOf(1000)));
    }

    /** A price of {@code numerator / (denominator * 1000)} coin a token, e.g. (12, 10) = 0.0012. */
    static UInt256 milliCoins(long numerator, long denominator) {
        return UInt256.of(UNIT.multiply(BigInteger.valueOf(numerator)).divide(BigInteger.valueOf(denominator * 1000)));
    }

    /** An amount of 18-decimal units as a person reads it: "1,485 coins", "0.5 coins". */
    public static String coinText(UInt256 amount) {
        return tokenText(amount) + " coins";
    }

    public static String tokenText(UInt256 amount) {
        BigDecimal whole = new BigDecimal(amount.toBigInteger(), 18).stripTrailingZeros();
        return whole.scale() <= 0 ? String.format("%,d", whole.toBigIntegerExact()) : whole.toPlainString();
    }

    private static String hexBlock(long number) {
        return "0x" + Long.toHexString(number);
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}
