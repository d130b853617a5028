package org.parkchain.node.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parkchain.chain.Genesis;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.SystemAddresses;

/**
 * The demo's story against a real --dev node on a free port, every step a signed transaction over JSON-RPC; each
 * outcome is then checked by reading the chain back over JSON-RPC, independently of what the story reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParkStoryTest {
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);

    private ParkchainNode node;
    private RpcWallet wallet;
    private ParkStory.Outcome outcome;
    private final StringWriter printed = new StringWriter();
    private final ParkStory.Cast cast = ParkStory.Cast.of(Genesis.devKeys());

    @BeforeAll
    void playTheStory() {
        node = ParkchainNode.start(NodeConfig.devDefaults());
        wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
        outcome = new ParkStory(wallet, cast, new PrintWriter(printed, true)).play();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static UInt256 units(long whole) {
        return UInt256.of(BigInteger.valueOf(whole).multiply(UNIT));
    }

    private UInt256 tokenBalance(Address holder) {
        return ParkAbi.decode("(uint256)", wallet.call(outcome.token(), ParkAbi.call("balanceOf(address)", holder))).uint256(0);
    }

    @Test
    void everyStepButTheThreeRefusalsSucceededOnChain() {
        assertThat(outcome.steps()).hasSize(29);
        outcome.steps().forEach((key, step) -> {
            boolean expectRefusal = key.equals("overLimit") || key.equals("toBlocked") || key.equals("blockedOrder");
            assertThat(step.receipt().success()).as(key).isEqualTo(!expectRefusal);
            assertThat(step.receipt().gasUsed()).as(key).isGreaterThan(21_000);
        });
    }

    @Test
    void theOverLimitSubscriptionIsRefusedWithTheOfferingsReason() {
        ParkStory.Step step = outcome.steps().get("overLimit");
        assertThat(step.refusal()).isEqualTo(ParkStory.OVER_LIMIT_REASON);
        assertThat(printed.toString()).contains("REFUSED: \"offering: non-qualified limit exceeded\"");
        // The refused coin stayed with the investor: only the 100 coins of the accepted subscription are held.
        byte[] sub = wallet.call(SystemAddresses.OFFERINGS, ParkAbi.call("subscriptionOf(uint256,address)",
                outcome.offeringId(), cast.belarusianIndividual().address()));
        assertThat(ParkAbi.decode("(uint256,uint256,bool)", sub).uint256(1)).isEqualTo(units(100));
    }

    @Test
    void theLevyOfOnePercentReachedTheTreasuryExactly() {
        assertThat(outcome.raised()).isEqualTo(units(1_500));
        assertThat(outcome.levy()).isEqualTo(units(15));
        // Balances read at the blocks around finalize, over JSON-RPC.
        long block = outcome.steps().get("finalize").receipt().blockNumber();
        UInt256 before = wallet.balance(cast.treasury(), "0x" + Long.toHexString(block - 1));
        UInt256 after = wallet.balance(cast.treasury(), "0x" + Long.toHexString(block));
        assertThat(after.sub(before)).isEqualTo(units(15));
        assertThat(outcome.issuerReceived()).isEqualTo(units(1_485));
        byte[] paid = wallet.call(SystemAddresses.REGISTRY,
                ParkAbi.call("levyPaid(address,address)", cast.issuer().address(), Address.ZERO));
        assertThat(ParkAbi.decode("(uint256)", paid).uint256(0)).isEqualTo(units(15));
    }

    @Test
    void finalizeEmittedLevyPaidFromTheRegistry() {
        List<RpcWallet.Log> logs = outcome.steps().get("finalize").receipt().logs(SystemAddresses.REGISTRY,
                ParkStory.LEVY_PAID.topic0());
        assertThat(logs).hasSize(1);
        var levyPaid = ParkAbi.decode(ParkStory.LEVY_PAID, logs.get(0).topics(), logs.get(0).data());
        assertThat(levyPaid.address(0)).isEqualTo(cast.issuer().address());
        assertThat(levyPaid.address(1)).isEqualTo(Address.ZERO);
        assertThat(levyPaid.uint256(2)).isEqualTo(units(1_500));
        assertThat(levyPaid.uint256(3)).isEqualTo(units(15));
    }

    @Test
    void investorsHoldWhatTheyClaimedAndTraded() {
        // Claimed 1,400,000 and 100,000; 50,000 moved from the Korean company to the Belarusian individual; then the
        // Korean company's 100,000 went into its ask (40,000 sold to the individual, 60,000 still locked in the
        // exchange) and the individual sold 30,000 to the exchange office.
        assertThat(tokenBalance(cast.koreanCompany().address())).isEqualTo(units(1_250_000));
        assertThat(tokenBalance(cast.belarusianIndividual().address())).isEqualTo(units(160_000));
        assertThat(tokenBalance(cast.exchangeOffice().address())).isEqualTo(units(30_000));
        assertThat(tokenBalance(SystemAddresses.EXCHANGE)).isEqualTo(units(60_000));
        assertThat(tokenBalance(cast.blocked())).isEqualTo(UInt256.ZERO);
        byte[] supply = wallet.call(outcome.token(), ParkAbi.call("totalSupply()"));
        assertThat(ParkAbi.decode("(uint256)", supply).uint256(0)).isEqualTo(units(1_500_000));
    }

    @Test
    void theTransferToABlockedAddressIsRefusedWithTheTokensReason() {
        ParkStory.Step step = outcome.steps().get("toBlocked");
        assertThat(step.refusal()).isEqualTo(ParkStory.BLOCKED_REASON);
        byte[] blocked = wallet.call(SystemAddresses.REGISTRY, ParkAbi.call("isBlocked(address)", cast.blocked()));
        assertThat(ParkAbi.decode("(bool)", blocked).bool(0)).isTrue();
    }

    // ---- the read views over the node's HTTP port and the `park` command ----

    private com.fasterxml.jackson.databind.JsonNode api(String view) {
        return wallet.rpc().get("/api/park/" + view);
    }

    @Test
    void residentsViewShowsBothCompaniesWithTheirRoles() {
        var residents = api("residents").path("residents");
        assertThat(residents).hasSize(3);
        assertThat(residents.get(0).path("name").asText()).isEqualTo("Minsk Software Labs");
        assertThat(residents.get(0).path("status").asText()).isEqualTo("Resident");
        assertThat(residents.get(0).path("roles").toString()).isEqualTo("[\"TOKEN_ISSUER\"]");
        assertThat(residents.get(1).path("roles").toString()).isEqualTo("[\"ICO_ORGANISER\",\"PLATFORM_OPERATOR\"]");
        assertThat(residents.get(2).path("name").asText()).isEqualTo("Minsk Exchange Office");
        assertThat(residents.get(2).path("roles").toString()).isEqualTo("[\"EXCHANGE_OFFICE\"]");
    }

    @Test
    void clientsViewShowsTheIdentifiedInvestorsAndTheRegisterOfBlockedAddresses() {
        var clients = api("clients");
        assertThat(clients.path("clients")).hasSize(2);
        var korean = clients.path("clients").get(0);
        assertThat(korean.path("account").asText()).isEqualTo(cast.koreanCompany().address().toChecksumHex());
        assertThat(korean.path("category").asText()).isEqualTo("Qualified");
        assertThat(korean.path("country").asText()).isEqualTo("KR");
        assertThat(korean.path("verifiedByName").asText()).isEqualTo("Capital Token Organiser");
        var belarusian = clients.path("clients").get(1);
        assertThat(belarusian.path("category").asText()).isEqualTo("NonQualified");
        assertThat(belarusian.path("legalEntity").asBoolean()).isFalse();
        assertThat(clients.path("blocked").toString()).isEqualTo("[\"" + cast.blocked().toChecksumHex() + "\"]");
    }

    @Test
    void tokensAndOfferingsViewsShowMslAndItsSuccessfulOffering() {
        var token = api("tokens").path("tokens").get(0);
        assertThat(token.path("symbol").asText()).isEqualTo("MSL");
        assertThat(token.path("totalSupply").asText()).isEqualTo(units(1_500_000).toString());
        assertThat(token.path("issuerName").asText()).isEqualTo("Minsk Software Labs");
        var offering = api("offerings").path("offerings").get(0);
        assertThat(offering.path("state").asText()).isEqualTo("Succeeded");
        assertThat(offering.path("sold").asText()).isEqualTo(units(1_500_000).toString());
        assertThat(offering.path("raised").asText()).isEqualTo(units(1_500).toString());
        assertThat(offering.path("organiserName").asText()).isEqualTo("Capital Token Organiser");
    }

    @Test
    void levyViewShowsThePaymentAndTheTotal() {
        var levy = api("levy");
        assertThat(levy.path("treasury").asText()).isEqualTo(cast.treasury().toChecksumHex());
        assertThat(levy.path("levyRateBps").asLong()).isEqualTo(100);
        assertThat(levy.path("payments")).hasSize(3);   // the offering's, and one per trade with fees
        var payment = levy.path("payments").get(0);
        assertThat(payment.path("residentName").asText()).isEqualTo("Minsk Software Labs");
        assertThat(payment.path("revenue").asText()).isEqualTo(units(1_500).toString());
        assertThat(payment.path("levy").asText()).isEqualTo(units(15).toString());
        assertThat(payment.path("transactionHash").asText())
                .isEqualTo(outcome.steps().get("finalize").receipt().txHash().toHex());
        assertThat(levy.path("totals").get(0).path("levy").asText()).isEqualTo(units(15).toString());
    }

    // ---- the trading act ----

    private static UInt256 milli(long thousandths) {
        return UInt256.of(BigInteger.valueOf(thousandths).multiply(UNIT).divide(BigInteger.valueOf(1000)));
    }

    @Test
    void theTradesPaidTheirFeesToTheOperatorsAndOnePercentOfThemToTheTreasury() {
        var platformLevy = ParkAbi.decode(ParkStory.LEVY_PAID, outcome.steps().get("bidBY").receipt()
                .logs(SystemAddresses.REGISTRY, ParkStory.LEVY_PAID.topic0()).get(0).topics(),
                outcome.steps().get("bidBY").receipt().logs(SystemAddresses.REGISTRY, ParkStory.LEVY_PAID.topic0()).get(0).data());
        assertThat(platformLevy.address(0)).isEqualTo(cast.organiser().address());
        // 40,000 MSL at 0.0012 = 48 coins: maker 0.1% = 0.048, taker 0.2% = 0.096; levy 1% of 0.144.
        assertThat(platformLevy.uint256(2)).isEqualTo(milli(144));
        assertThat(platformLevy.uint256(3)).isEqualTo(UInt256.of(UNIT.multiply(BigInteger.valueOf(144)).divide(BigInteger.valueOf(100_000))));
        var taken = outcome.steps().get("takeBY").receipt();
        var officeLevy = ParkAbi.decode(ParkStory.LEVY_PAID, taken.logs(SystemAddresses.REGISTRY, ParkStory.LEVY_PAID.topic0()).get(0).topics(),
                taken.logs(SystemAddresses.REGISTRY, ParkStory.LEVY_PAID.topic0()).get(0).data());
        assertThat(officeLevy.address(0)).isEqualTo(cast.exchangeOffice().address());
        assertThat(officeLevy.uint256(2)).isEqualTo(milli(150));   // 0.5% of 30 coins, the taker's
        var trade = ParkAbi.decode(ParkStory.TRADE, taken.logs(SystemAddresses.EXCHANGE, ParkStory.TRADE.topic0()).get(0).topics(),
                taken.logs(SystemAddresses.EXCHANGE, ParkStory.TRADE.topic0()).get(0).data());
        assertThat(trade.uint64(0)).isEqualTo(outcome.trading().officeMarket());
        assertThat(trade.address(3)).isEqualTo(cast.exchangeOffice().address());
        assertThat(trade.address(4)).isEqualTo(cast.belarusianIndividual().address());
        assertThat(trade.uint256(6)).isEqualTo(units(30_000));
        assertThat(trade.uint256(7)).isEqualTo(UInt256.ZERO);
        assertThat(trade.uint256(8)).isEqualTo(milli(150));
    }

    @Test
    void theBlockedAddressesOrderIsRefusedWithTheExchangesReason() {
        ParkStory.Step step = outcome.steps().get("blockedOrder");
        assertThat(step.refusal()).startsWith(ParkStory.BLOCKED_TRADER_REASON_START).endsWith(" is blocked");
    }

    @Test
    void marketViewsShowBothMarketsTheirDepthTradesAndCandles() {
        var markets = api("markets").path("markets");
        assertThat(markets).hasSize(2);
        var platform = markets.get(0);
        assertThat(platform.path("operatorName").asText()).isEqualTo("Capital Token Organiser");
        assertThat(platform.path("baseSymbol").asText()).isEqualTo("MSL");
        assertThat(platform.path("quoteSymbol").asText()).isEqualTo("coin");
        assertThat(platform.path("ownClientsOnly").asBoolean()).isTrue();
        assertThat(platform.path("bestAsk").asText())
                .isEqualTo(UInt256.of(UNIT.multiply(BigInteger.valueOf(12)).divide(BigInteger.valueOf(10_000))).toString());
        assertThat(platform.path("bestBid").asText()).isEmpty();
        assertThat(platform.path("trades").asLong()).isEqualTo(1);
        assertThat(markets.get(1).path("counterparty").asBoolean()).isTrue();
        assertThat(markets.get(1).path("bestBid").asText()).isEqualTo(milli(1).toString());

        var depth = api("markets/" + outcome.trading().platformMarket() + "/depth");
        assertThat(depth.path("asks")).hasSize(1);
        assertThat(depth.path("asks").get(0).path("amount").asText()).isEqualTo(units(60_000).toString());
        var officeDepth = api("markets/" + outcome.trading().officeMarket() + "/depth?levels=1");
        assertThat(officeDepth.path("bids").get(0).path("amount").asText()).isEqualTo(units(20_000).toString());

        var trades = api("markets/" + outcome.trading().officeMarket() + "/trades").path("trades");
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).path("seller").asText()).isEqualTo(cast.belarusianIndividual().address().toChecksumHex());
        assertThat(trades.get(0).path("transactionHash").asText())
                .isEqualTo(outcome.steps().get("takeBY").receipt().txHash().toHex());

        for (String interval : List.of("1m", "1h", "1d")) {
            var answer = api("markets/" + outcome.trading().platformMarket() + "/candles?interval=" + interval);
            assertThat(answer.path("complete").asBoolean()).as("every trade read").isTrue();
            var candles = answer.path("candles");
            assertThat(candles).as(interval).hasSize(1);
            assertThat(candles.get(0).path("volume").asText()).isEqualTo(units(40_000).toString());
            assertThat(candles.get(0).path("open").asText()).isEqualTo(candles.get(0).path("close").asText());
        }
    }

    @Test
    void marketViewsRefuseBadParametersAndUnknownMarkets() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api("markets/1/candles?interval=5m"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("400");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api("markets/x/depth"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("400");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api("markets/9/depth"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("404");
    }

    @Test
    void parkMarketsPrintsTheMarketsTable() {
        StringWriter text = new StringWriter();
        var cl = org.parkchain.node.cli.Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        assertThat(cl.execute("park", "markets", "--rpc", node.rpcUrl().toString())).isZero();
        assertThat(text.toString()).contains("MSL/coin").contains("Capital Token Organiser").contains("Minsk Exchange Office")
                .contains("0.0012").contains("office (counterparty)").contains("0.1% / 0.2%");
    }

    @Test
    void anUnknownViewIsNotFound() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api("dragons"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("404");
    }

    @Test
    void parkCommandPrintsTablesFromTheRunningNode() {
        StringWriter text = new StringWriter();
        var cl = org.parkchain.node.cli.Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        int status = cl.execute("park", "levy", "--rpc", node.rpcUrl().toString());
        assertThat(status).isZero();
        assertThat(text.toString()).contains("levy rate 1%").contains("Minsk Software Labs").contains("1,500")
                .contains("native coin");
        text.getBuffer().setLength(0);
        assertThat(cl.execute("park", "offerings", "--rpc", node.rpcUrl().toString())).isZero();
        assertThat(text.toString()).contains("MSL").contains("Succeeded").contains("1,500,000 / 5,000,000");
    }
}
