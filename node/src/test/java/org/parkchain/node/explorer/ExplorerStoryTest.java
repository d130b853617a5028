package org.parkchain.node.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parkchain.chain.Genesis;
import org.parkchain.explorer.index.ChainIndex;
import org.parkchain.node.NodeConfig;
import org.parkchain.node.ParkchainNode;
import org.parkchain.node.park.JsonRpcClient;
import org.parkchain.node.park.ParkAbi;
import org.parkchain.node.park.ParkStory;
import org.parkchain.node.park.RpcWallet;
import org.parkchain.evm.Assembler;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.crypto.PrivateKey;
import org.parkchain.primitives.UInt256;
import org.parkchain.regime.SystemAddresses;

/**
 * The explorer against a --dev node after the park's story (and one more token, named to attack the page): the
 * index kept block by block, the data API with its validation, and the pages as HTML. {@link ExplorerBrowserTest}
 * drives the same pages in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerStoryTest {
    static final String XSS_NAME = "<script>alert(1)</script>";
    /** The revert reason of a contract called through a relay: markup, as any contract may choose. */
    static final String XSS_REVERT = "<img src=x onerror=alert(2)>";
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoryNode story;

    @BeforeAll
    void playTheStory() {
        story = StoryNode.start();
    }

    @AfterAll
    void stop() {
        if (story != null) {
            story.close();
        }
    }

    /** A node that played the park's story, plus a token whose name and symbol are markup. */
    record StoryNode(ParkchainNode node, RpcWallet wallet, ParkStory.Cast cast, ParkStory.Outcome outcome,
                     Address xssToken, Address relay, String relayTx, String markupRevertTx, HttpClient http)
            implements AutoCloseable {
        static StoryNode start() {
            ParkchainNode node = ParkchainNode.start(NodeConfig.devDefaults());
            try {
                RpcWallet wallet = new RpcWallet(new JsonRpcClient(node.rpcUrl()));
                ParkStory.Cast cast = ParkStory.Cast.of(Genesis.devKeys());
                ParkStory.Outcome outcome = new ParkStory(wallet, cast, new PrintWriter(new StringWriter())).play();
                RpcWallet.Receipt created = wallet.send(cast.issuer(), SystemAddresses.TOKEN_FACTORY, UInt256.ZERO,
                        ParkAbi.call("createToken(string,string,uint8,uint256,uint8,bytes32)", XSS_NAME,
                                "<b>X</b>", 18, UInt256.of(BigInteger.valueOf(1000).multiply(UNIT)), 1,
                                ParkAbi.hashOf("paper")), OptionalLong.empty());
                Address xss = ParkAbi.decode(ParkStory.TOKEN_CREATED, created.logs(SystemAddresses.TOKEN_FACTORY,
                        ParkStory.TOKEN_CREATED.topic0()).get(0).topics(), created.logs(SystemAddresses.TOKEN_FACTORY,
                        ParkStory.TOKEN_CREATED.topic0()).get(0).data()).address(0);
                // An ERC-20 becomes known to the index with its first Transfer: mint one token.
                wallet.send(cast.issuer(), xss, UInt256.ZERO, ParkAbi.call("mint(address,uint256)",
                        cast.issuer().address(), UInt256.of(UNIT)), OptionalLong.empty());
                Address relay = deployRelay(wallet, cast.board(), SystemAddresses.REGISTRY, outcome.token());
                // The board tries to add a board member through the relay: the registry refuses it (a nested revert
                // the relay ignores), then the relay reads its MSL balance from the park token.
                RpcWallet.Receipt relayed = wallet.send(cast.board(), relay, UInt256.ZERO,
                        ParkAbi.call("addBoardMember(address)", cast.treasury()), OptionalLong.of(300_000));
                if (!relayed.success()) {
                    throw new AssertionError("the relay's transaction failed");
                }
                // Through another relay, a contract that reverts with markup for its reason.
                byte[] error = ParkAbi.call("Error(string)", XSS_REVERT);
                Address markup = deploy(wallet, cast.board(), Assembler.assemble("PUSH1 " + error.length
                        + " PUSH1 10 PUSH0 CODECOPY PUSH1 " + error.length + " PUSH0 REVERT"), error);
                RpcWallet.Receipt markupRevert = wallet.send(cast.board(), deployRelay(wallet, cast.board(), markup,
                        outcome.token()), UInt256.ZERO, new byte[0], OptionalLong.of(300_000));
                StoryNode story = new StoryNode(node, wallet, cast, outcome, xss, relay, relayed.txHash().toHex(),
                        markupRevert.txHash().toHex(), HttpClient.newHttpClient());
                story.awaitIndexed();
                return story;
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
        }

        /**
         * A contract that forwards its call data to {@code target} (ignoring a failure), then returns its own
         * balance of {@code token} (a STATICCALL of balanceOf): an EVM contract calling the park's contracts.
         */
        static Address deployRelay(RpcWallet wallet, PrivateKey deployer, Address target, Address token) {
            return deploy(wallet, deployer, Assembler.assemble("CALLDATASIZE PUSH0 PUSH0 CALLDATACOPY"
                    + " PUSH0 PUSH0 CALLDATASIZE PUSH0 PUSH0 PUSH20 " + target.toHex() + " GAS CALL POP"
                    + " PUSH4 0x70a08231 PUSH 224 SHL PUSH0 MSTORE ADDRESS PUSH 4 MSTORE"
                    + " PUSH 32 PUSH0 PUSH 36 PUSH0 PUSH20 " + token.toHex() + " GAS STATICCALL POP"
                    + " PUSH 32 PUSH0 RETURN"), new byte[0]);
        }

        /** Deploys {@code runtime} followed by {@code data} (which the runtime may copy from its own code). */
        static Address deploy(RpcWallet wallet, PrivateKey deployer, byte[] runtime, byte[] data) {
            int length = runtime.length + data.length;
            // The constructor copies the runtime code after its own 10 bytes and returns it.
            byte[] init = Assembler.assemble("PUSH2 " + length + " DUP1 PUSH1 10 PUSH0 CODECOPY PUSH0 RETURN");
            byte[] code = java.util.Arrays.copyOf(init, init.length + length);
            System.arraycopy(runtime, 0, code, init.length, runtime.length);
            System.arraycopy(data, 0, code, init.length + runtime.length, data.length);
            RpcWallet.Receipt deployed = wallet.send(deployer, null, UInt256.ZERO, code, OptionalLong.of(500_000));
            if (!deployed.success()) {
                throw new AssertionError("a deployment failed");
            }
            return Address.fromHex(wallet.rpc().call("eth_getTransactionReceipt", deployed.txHash().toHex())
                    .path("contractAddress").asText());
        }

        String base() {
            return node.rpcUrl().toString().replaceAll("/$", "");
        }

        HttpResponse<String> get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        JsonNode api(String path) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Waits until the index has every block (the node's first blocks are indexed by the background catch-up). */
        void awaitIndexed() {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode s = api("/api/status");
                if (s.path("indexComplete").asBoolean() && s.path("indexedUpTo").asLong() == node.chain().head().number()) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            throw new AssertionError("the index did not catch up: " + api("/api/status"));
        }

        String txHash(String step) {
            return outcome.steps().get(step).receipt().txHash().toHex();
        }

        @Override
        public void close() {
            node.close();
        }
    }

    private static String units(long whole) {
        return BigInteger.valueOf(whole).multiply(UNIT).toString();
    }

    // ---- the index ----

    @Test
    void theIndexKeptBlockByBlockEqualsARebuildFromTheChain() {
        var chain = story.node().chain();
        long head = chain.head().number();
        var rebuilt = ChainIndex.recompute(chain, head);
        // Entries rewritten block after block (balances, counts, the index's head) count with their last value.
        var last = new java.util.LinkedHashMap<String, byte[]>();
        rebuilt.forEach(e -> last.put(HexFormat.of().formatHex(e.key()), e.value()));
        assertThat(last).hasSizeGreaterThan(100);
        last.forEach((key, value) -> assertThat(chain.aux(HexFormat.of().parseHex(key))).as(key)
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(value)));
    }

    @Test
    void transactionsOfAnAddressAreListedNewestFirstWithTheirMethods() {
        String issuer = story.cast().issuer().address().toChecksumHex();
        JsonNode items = story.api("/api/addresses/" + issuer + "/txs?limit=100").path("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(5);
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i - 1).path("blockNumber").asLong()).isGreaterThanOrEqualTo(items.get(i).path("blockNumber").asLong());
        }
        assertThat(items.findValuesAsText("method")).contains("applyForResidency", "createToken", "createOffering");
        // The finalize transaction was sent by the organiser or issuer; the issuer received 99% through it, as a party
        // of no transfer: it is listed for the finalizer only.
        assertThat(items.findValuesAsText("hash")).contains(story.txHash("createToken"));
    }

    @Test
    void tokenHoldersAndTransfersFollowTheTransferEvents() {
        String msl = story.outcome().token().toChecksumHex();
        JsonNode holders = story.api("/api/tokens/" + msl + "/holders").path("items");
        var balances = new java.util.HashMap<String, String>();
        holders.forEach(h -> balances.put(h.path("holder").asText(), h.path("balance").asText()));
        // After the trading act: the Korean company's ask of 100,000 sold 40,000 to the Belarusian individual and
        // rests with 60,000 in the exchange's escrow; the Belarusian individual sold 30,000 to the exchange office.
        assertThat(balances).containsEntry(story.cast().koreanCompany().address().toChecksumHex(), units(1_250_000))
                .containsEntry(story.cast().belarusianIndividual().address().toChecksumHex(), units(160_000))
                .containsEntry(SystemAddresses.EXCHANGE.toChecksumHex(), units(60_000))
                .containsEntry(story.cast().exchangeOffice().address().toChecksumHex(), units(30_000));
        JsonNode token = story.api("/api/tokens/" + msl);
        assertThat(token.path("symbol").asText()).isEqualTo("MSL");
        assertThat(token.path("holders").asLong()).isEqualTo(holders.size());
        assertThat(token.path("issuerName").asText()).isEqualTo("Minsk Software Labs");
        assertThat(story.api("/api/tokens/" + msl + "/transfers").path("items").size()).isGreaterThanOrEqualTo(3);
        JsonNode holdings = story.api("/api/addresses/" + story.cast().koreanCompany().address().toChecksumHex() + "/tokens");
        assertThat(holdings.path("items").get(0).path("symbol").asText()).isEqualTo("MSL");
        JsonNode transfers = story.api("/api/addresses/" + story.cast().koreanCompany().address().toChecksumHex()
                + "/transfers").path("items");
        assertThat(transfers.findValuesAsText("symbol")).containsOnly("MSL");
        assertThat(transfers.findValuesAsText("transactionHash")).contains(story.txHash("claimKR"), story.txHash("transfer"));
    }

    @Test
    void parkEventsAreListedByKindAndTheLevyByMonthAndQuarter() {
        // Newest first: the exchange office's fee (the trading act), the platform operator's fee, the offering's levy.
        JsonNode levy = story.api("/api/park/events?kind=LevyPaid").path("items");
        assertThat(levy).hasSize(3);
        assertThat(levy.findValuesAsText("transactionHash"))
                .containsExactly(story.txHash("takeBY"), story.txHash("bidBY"), story.txHash("finalize"));
        assertThat(levy.get(2).path("args").path("levy").asText()).isEqualTo(units(15));
        assertThat(levy.get(1).path("args").path("levy").asText()).isEqualTo("1440000000000000");
        assertThat(levy.get(0).path("args").path("levy").asText()).isEqualTo("1500000000000000");
        JsonNode months = story.api("/api/park/levy/summary?period=month").path("rows");
        assertThat(months).hasSize(3);
        var levyByResident = new java.util.HashMap<String, String>();
        months.forEach(m -> levyByResident.put(m.path("residentName").asText(), m.path("levy").asText()));
        assertThat(levyByResident).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Minsk Software Labs", units(15),
                "Capital Token Organiser", "1440000000000000", "Minsk Exchange Office", "1500000000000000"));
        assertThat(story.api("/api/park/levy/summary?period=quarter").path("rows").get(0).path("period").asText())
                .matches("\\d{4}-Q[1-4]");
        HttpResponse<String> csv = story.get("/api/park/levy.csv?period=quarter");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(csv.body().split("\r\n")).hasSize(4).startsWith("period,resident,resident_name,asset,revenue,levy,payments");
        assertThat(csv.body()).contains(",Minsk Software Labs,0x0000000000000000000000000000000000000000," + units(1_500)
                + "," + units(15) + ",1");
    }

    @Test
    void parkPagesDataShowsTheResidentTheBoardTheBlockedRegisterAndTheOffering() {
        String issuer = story.cast().issuer().address().toChecksumHex();
        JsonNode resident = story.api("/api/park/residents/" + issuer);
        assertThat(resident.path("roles").toString()).isEqualTo("[\"TOKEN_ISSUER\"]");
        assertThat(resident.path("history").findValuesAsText("kind")).contains("ResidencyApplied", "RolesChanged");
        JsonNode board = story.api("/api/park/board");
        assertThat(board.path("threshold").asLong()).isEqualTo(1);
        assertThat(board.path("executed").size()).isGreaterThanOrEqualTo(3);
        assertThat(board.path("executed").get(0).path("approvedBy").size()).isEqualTo(1);
        JsonNode blocked = story.api("/api/park/blocked").path("items");
        assertThat(blocked).hasSize(1);
        assertThat(blocked.get(0).path("account").asText()).isEqualTo(story.cast().blocked().toChecksumHex());
        assertThat(blocked.get(0).path("stillBlocked").asBoolean()).isTrue();
        assertThat(blocked.get(0).path("proposalId").isNull()).isFalse();
        JsonNode offering = story.api("/api/park/offerings/" + story.outcome().offeringId());
        assertThat(offering.path("state").asText()).isEqualTo("Succeeded");
        assertThat(offering.path("subscriptions").size()).isEqualTo(2);
        assertThat(offering.path("finalized").get(0).path("args").path("levy").asText()).isEqualTo(units(15));
        JsonNode counts = story.api("/api/park/clients/counts");
        assertThat(counts.path("byCountry").toString()).isEqualTo("{\"BY\":1,\"KR\":1}");
        assertThat(counts.path("byCategory").toString()).isEqualTo("{\"NonQualified\":1,\"Qualified\":1}");
        // The node's own views are unchanged beside the additions.
        assertThat(story.api("/api/park/residents").path("residents")).hasSize(3); // the exchange office joined
        assertThat(story.api("/api/park/").path("views").size()).isEqualTo(6); // markets, the exchange's view
    }

    @Test
    void theMarketsPagesShowTheExchangesMarketsTradesAndDepth() {
        ParkStory.Trading trading = story.outcome().trading();
        JsonNode markets = story.api("/api/park/markets").path("markets");
        assertThat(markets).hasSize(2);
        HttpResponse<String> list = story.get("/park/markets");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/park/markets\"") // in the park's navigation
                .contains("id=\"markets\"").contains("MSL/coin").contains("Capital Token Organiser")
                .contains("Minsk Exchange Office").contains("order book (operator&#39;s clients only)")
                .contains("exchange office (counterparty)")
                // last price and volume: 40,000 MSL at 0.0012 on the platform, 30,000 at 0.001 at the office
                .contains("<td>0.0012</td><td>40,000 MSL</td><td>1</td>")
                .contains("<td>0.001</td><td>30,000 MSL</td><td>1</td>");

        String platform = "/park/market/" + trading.platformMarket();
        JsonNode trades = story.api("/api/park/markets/" + trading.platformMarket() + "/trades").path("trades");
        assertThat(trades).hasSize(1);
        String page = story.get(platform).body();
        assertThat(page).contains("Market #" + trading.platformMarket() + ": MSL/coin")
                .contains("id=\"market-last\">0.0012<")
                .contains("id=\"depth-chart\"").contains("id=\"candles-chart\"")
                // the Korean company's ask rests with 60,000 of its 100,000 MSL; the trade is listed with its tx
                .contains("<tr><td>ask</td><td>0.0012</td><td>60,000</td></tr>")
                .contains("<td>0.0012</td><td>40,000</td>")
                .contains("href=\"/tx/" + trades.get(0).path("transactionHash").asText() + "\"")
                .contains("href=\"/tx/" + story.txHash("bidBY") + "\"");
        // The candles are the trades bucketed by minute: open the first price, close the last, volume their sum.
        JsonNode candles = story.api("/api/park/markets/" + trading.platformMarket() + "/candles?interval=1m")
                .path("candles");
        var byMinute = new java.util.TreeMap<Long, java.util.List<JsonNode>>();
        trades.forEach(t -> byMinute.computeIfAbsent(t.path("timestamp").asLong() / 60 * 60, k -> new java.util.ArrayList<>())
                .add(0, t)); // trades are newest first
        assertThat(candles).hasSize(byMinute.size());
        int i = 0;
        for (var minute : byMinute.entrySet()) {
            JsonNode c = candles.get(i++);
            var prices = minute.getValue().stream().map(t -> new BigInteger(t.path("price").asText())).toList();
            assertThat(c.path("time").asLong()).isEqualTo(minute.getKey());
            assertThat(new BigInteger(c.path("open").asText())).isEqualTo(prices.getFirst());
            assertThat(new BigInteger(c.path("close").asText())).isEqualTo(prices.getLast());
            assertThat(new BigInteger(c.path("high").asText())).isEqualTo(prices.stream().max(BigInteger::compareTo).orElseThrow());
            assertThat(new BigInteger(c.path("low").asText())).isEqualTo(prices.stream().min(BigInteger::compareTo).orElseThrow());
            assertThat(new BigInteger(c.path("volume").asText())).isEqualTo(minute.getValue().stream()
                    .map(t -> new BigInteger(t.path("amount").asText())).reduce(BigInteger.ZERO, BigInteger::add));
        }
        assertThat(page).contains("&quot;interval&quot;:&quot;1m&quot;");
        // The charts' data is the API's, as escaped attribute text.
        assertThat(page).contains("&quot;price&quot;:&quot;" + trades.get(0).path("price").asText() + "&quot;");
        String office = story.get("/park/market/" + trading.officeMarket() + "?interval=1d").body();
        assertThat(office).contains("Candles (1d)").contains("<tr><td>bid</td><td>0.001</td><td>20,000</td></tr>")
                .contains("<td>0.001</td><td>30,000</td>");

        assertThat(story.get("/park/market/99").statusCode()).isEqualTo(404);
        HttpResponse<String> bad = story.get(platform + "?interval=2m");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("interval must be 1m, 1h or 1d, got &#39;2m&#39;");
    }

    @Test
    void aFailedTransactionShowsItsRevertReasonAndDecodedInput() {
        JsonNode tx = story.api("/api/txs/" + story.txHash("toBlocked"));
        assertThat(tx.path("status").asText()).isEqualTo("failed");
        assertThat(tx.path("revertReason").asText()).isEqualTo(ParkStory.BLOCKED_REASON);
        assertThat(tx.path("decodedInput").path("name").asText()).isEqualTo("transfer");
        JsonNode finalize = story.api("/api/txs/" + story.txHash("finalize"));
        assertThat(finalize.path("logs").findValuesAsText("name")).contains("LevyPaid", "OfferingFinalized");
    }

    @Test
    void aTransactionThroughAContractShowsItsInternalCallsWithTheNestedRevertReason() {
        JsonNode tx = story.api("/api/txs/" + story.relayTx());
        assertThat(tx.path("status").asText()).isEqualTo("success");
        JsonNode ic = tx.path("internalCalls");
        assertThat(ic.path("unavailable").isNull()).as(ic.toString()).isTrue();
        assertThat(ic.path("omitted").asInt()).isZero();
        JsonNode calls = ic.path("calls");
        assertThat(calls).hasSize(2);
        JsonNode registry = calls.get(0);
        assertThat(registry.path("depth").asInt()).isEqualTo(1);
        assertThat(registry.path("type").asText()).isEqualTo("CALL");
        assertThat(registry.path("from").asText()).isEqualTo(story.relay().toChecksumHex());
        assertThat(registry.path("to").asText()).isEqualTo(SystemAddresses.REGISTRY.toChecksumHex());
        assertThat(registry.path("toName").asText()).isEqualTo("park registry");
        assertThat(registry.path("value").asText()).isEqualTo("0");
        assertThat(registry.path("decodedInput").path("name").asText()).isEqualTo("addBoardMember");
        assertThat(registry.path("decodedInput").path("args").get(0).path("value").asText())
                .isEqualTo(story.cast().treasury().toChecksumHex());
        assertThat(registry.path("error").asText()).isEqualTo("execution reverted");
        assertThat(registry.path("revertReason").asText()).isEqualTo("registry: board-only function, call it through a proposal");
        assertThat(registry.path("gasUsed").asLong()).isPositive();
        JsonNode token = calls.get(1);
        assertThat(token.path("type").asText()).isEqualTo("STATICCALL");
        assertThat(token.path("to").asText()).isEqualTo(story.outcome().token().toChecksumHex());
        assertThat(token.path("toName").asText()).isEqualTo("MSL");
        assertThat(token.path("value").isNull()).isTrue();
        assertThat(token.path("decodedInput").path("name").asText()).isEqualTo("balanceOf");
        assertThat(token.path("error").isNull()).isTrue();
        // The relay holds no MSL.
        assertThat(token.path("output").asText()).isEqualTo("0x" + "00".repeat(32));
        // The same calls through JSON-RPC's callTracer: the explorer shows what debug_traceTransaction answers.
        JsonNode traced = story.wallet().rpc().call("debug_traceTransaction", story.relayTx(),
                java.util.Map.of("tracer", "callTracer"));
        assertThat(traced.path("calls").get(0).path("revertReason").asText())
                .isEqualTo(registry.path("revertReason").asText());
        assertThat(Long.decode(traced.path("calls").get(1).path("gasUsed").asText())).isEqualTo(token.path("gasUsed").asLong());

        String page = story.get("/tx/" + story.relayTx()).body();
        assertThat(page).contains("Internal calls (2)").contains("id=\"internal-calls\"")
                .contains("<td class=\"call d1\">CALL</td>").contains(">park registry</a>")
                .contains("addBoardMember(member=" + story.cast().treasury().toChecksumHex() + ")")
                .contains("registry: board-only function, call it through a proposal")
                .contains("<td class=\"call d1\">STATICCALL</td>");
    }

    @Test
    void aContractsRevertReasonInAnInternalCallIsShownAsTextNeverRun() {
        JsonNode calls = story.api("/api/txs/" + story.markupRevertTx()).path("internalCalls").path("calls");
        assertThat(calls.get(0).path("revertReason").asText()).isEqualTo(XSS_REVERT);
        String page = story.get("/tx/" + story.markupRevertTx()).body();
        assertThat(page).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain(XSS_REVERT);
    }

    @Test
    void aTransactionWithoutInternalCallsSaysSo() {
        // The refused transfer to the blocked address: a call into the park token, which called no other contract.
        JsonNode transfer = story.api("/api/txs/" + story.txHash("toBlocked")).path("internalCalls");
        assertThat(transfer.path("calls")).isEmpty();
        assertThat(transfer.path("unavailable").isNull()).isTrue();
        assertThat(story.get("/tx/" + story.txHash("toBlocked")).body())
                .contains("Internal calls (0)").contains("This transaction made no internal calls.");
    }

    @Test
    void aBlockListsItsTransactionsFromTheIndex() {
        long number = story.outcome().steps().get("finalize").receipt().blockNumber();
        JsonNode block = story.api("/api/blocks/" + number);
        assertThat(block.path("transactionCount").asInt()).isEqualTo(1);
        assertThat(block.path("transactions").path("items").get(0).path("hash").asText()).isEqualTo(story.txHash("finalize"));
        assertThat(block.path("transactions").path("items").get(0).path("method").asText()).isEqualTo("finalize");
        assertThat(story.api("/api/blocks/" + block.path("hash").asText()).path("number").asLong()).isEqualTo(number);
        assertThat(story.api("/api/blocks/" + number + "/txs").path("items")).hasSize(1);
    }

    @Test
    void listingsPageWithCursorsWithoutOverlap() {
        JsonNode first = story.api("/api/txs?limit=3");
        assertThat(first.path("items")).hasSize(3);
        JsonNode second = story.api("/api/txs?limit=3&cursor=" + first.path("next").asText());
        assertThat(second.path("items")).hasSize(3);
        assertThat(second.path("items").get(0).path("blockNumber").asLong())
                .isLessThanOrEqualTo(first.path("items").get(2).path("blockNumber").asLong());
        assertThat(second.path("items").findValuesAsText("hash")).doesNotContainAnyElementsOf(
                first.path("items").findValuesAsText("hash"));
        JsonNode search = story.api("/api/search?q=msl");
        assertThat(search.path("results").get(0).path("path").asText()).isEqualTo("/token/" + story.outcome().token().toChecksumHex());
        assertThat(story.api("/api/search?q=minsk").path("results").get(0).path("kind").asText()).isEqualTo("resident");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/txs?limit=0|limit: must be between 1 and 100, got 0",
            "/api/txs?limit=abc|limit: not a whole number: 'abc'",
            "/api/txs?limit=1&limit=2|parameter 'limit' given 2 times",
            "/api/blocks?cursor=zz|cursor: use the 'next' value",
            "/api/blocks?cursor=00|cursor: want 8 bytes of hex, got 1",
            "/api/addresses/0x12|address: want 0x and 40 hex digits, got '0x12'",
            "/api/txs/0xabc|hash: want 0x and 64 hex digits",
            "/api/blocks/-1|block: want a block number",
            "/api/park/events?kind=Dragons|kind: not an event of the park's contracts: 'Dragons'",
            "/api/park/events|kind: missing",
            "/api/park/levy/summary?period=year|period: 'month' or 'quarter', got 'year'",
            "/api/search|q: missing",
            "/api/throughput?minutes=99999|minutes: must be between 1 and 1440",
            "/api/park/offerings/x|offering: not a whole number"})
    void badParametersAreRefusedWith400AndAMessage(String path, String message) {
        HttpResponse<String> r = story.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(message);
    }

    @Test
    void unknownThingsAre404() {
        assertThat(story.get("/api/txs/0x" + "ab".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(story.get("/api/blocks/99999999").statusCode()).isEqualTo(404);
        assertThat(story.get("/api/dragons").statusCode()).isEqualTo(404);
        assertThat(story.get("/api/park/offerings/99").statusCode()).isEqualTo(404);
        HttpResponse<String> page = story.get("/tx/0x" + "ab".repeat(32));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("id=\"not-found\"").contains("Back to the latest blocks");
        HttpResponse<String> search = story.get("/search?q=0x" + "cd".repeat(32));
        assertThat(search.statusCode()).isEqualTo(404);
        assertThat(search.body()).contains("Nothing on this chain matches");
        HttpResponse<String> bad = story.get("/search?q=" + "x".repeat(101));
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    // ---- pages ----

    @Test
    void pagesAreServedAtTheRootBesideJsonRpcWithAStrictContentSecurityPolicy() {
        HttpResponse<String> home = story.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(home.body()).contains("id=\"latest-blocks\"").contains("/assets/uPlot.iife.min.js");
        HttpResponse<String> uplot = story.get("/assets/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(uplot.body()).contains("uPlot");
        // JSON-RPC still answers POST / (the wallet used it above) .
        assertThat(story.wallet().rpc().call("eth_blockNumber").asText()).startsWith("0x");
    }

    @Test
    void markupInATokensNameIsShownAsTextNeverRun() {
        HttpResponse<String> page = story.get("/token/" + story.xssToken().toChecksumHex());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;X&lt;/b&gt;")
                .doesNotContain(XSS_NAME).doesNotContain("<b>X</b>");
        assertThat(story.get("/tokens").body()).doesNotContain(XSS_NAME).contains("&lt;script&gt;");
        String issuerPage = story.get("/address/" + story.cast().issuer().address().toChecksumHex()).body();
        assertThat(issuerPage).doesNotContain("<b>X</b>").contains("&lt;b&gt;X&lt;/b&gt;");
    }
}
