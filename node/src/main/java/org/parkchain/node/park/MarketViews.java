package org.parkchain.node.park;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkchain.chain.BlockHeader;
import org.parkchain.chain.Blockchain;
import org.parkchain.explorer.index.IndexReader;
import org.parkchain.explorer.index.ParkEvent;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;
import org.parkchain.regime.SystemAddresses;
import org.parkchain.regime.SystemContracts;
import org.parkchain.state.WorldState;

/**
 * Market data of the park's exchange (0x…1003) for people and programs: the markets with their best prices, a
 * market's depth, its trades and its candles. Markets and depth come from the exchange's own view functions on the
 * head state; trades and candles from its Trade events as the explorer's index holds them (by market, newest first,
 * with a count per market), so no request reads blocks. Candles are built from the market's most recent
 * {@value #MAX_CANDLE_TRADES} trades at most: a longer history is cut at a whole interval and says so
 * ({@code complete: false}).
 *
 * <p>Prices are in quote units per whole base token, amounts in the base token's smallest unit, as decimal strings;
 * times are unix seconds.
 */
public final class MarketViews {
    private static final String MARKET = "(address,address,address,uint256,uint256,uint256,uint256,bool,bool,bool)";
    private static final int DEFAULT_LEVELS = 20, MAX_LEVELS = 200, MAX_TRADES = 500;
    /** The most trades one candles request reads from the index: bounds its time whatever the market's history. */
    static final int MAX_CANDLE_TRADES = 20_000;
    private static final String TRADE = "Trade";
    /** The candle intervals served, in seconds. */
    private static final Map<String, Long> INTERVALS = Map.of("1m", 60L, "1h", 3_600L, "1d", 86_400L);

    private final Blockchain chain;
    private final IndexReader index;
    private final SystemContracts contracts = new SystemContracts();

    /** @param index the explorer's index, where the exchange's Trade events are found by market */
    public MarketViews(Blockchain chain, IndexReader index) {
        this.chain = chain;
        this.index = index;
    }

    public record Market(long id, String operator, String operatorName, String base, String baseSymbol, int baseDecimals,
                         String quote, String quoteSymbol, int quoteDecimals, String tickSize, String lotSize,
                         long makerFeeBps, long takerFeeBps, boolean counterparty, boolean ownClientsOnly, boolean halted,
                         String bestBid, String bestAsk, String lastPrice, long trades) {}

    public record Markets(long blockNumber, List<Market> markets) {}

    public record Level(String price, String amount) {}

    public record Depth(long blockNumber, long marketId, List<Level> bids, List<Level> asks) {}

    public record TradeRecord(long marketId, long makerOrderId, long takerOrderId, String buyer, String seller,
                              String price, String amount, String makerFee, String takerFee, long blockNumber,
                              long timestamp, String transactionHash) {}

    public record Trades(long blockNumber, long marketId, List<TradeRecord> trades) {}

    /** One interval's trades: open, high, low, close price and the base volume; {@code time} is the interval start. */
    public record Candle(long time, String open, String high, String low, String close, String volume, long trades) {}

    /** {@code complete} is false when the market has more trades than one request reads: the oldest are left out. */
    public record Candles(long blockNumber, long marketId, String interval, List<Candle> candles, boolean complete) {}

    /**
     * {@code markets}, {@code markets/{id}}, {@code markets/{id}/depth}, {@code markets/{id}/trades} or
     * {@code markets/{id}/candles} with {@code query} (the request's parameters); empty for an unknown path or market.
     *
     * @throws IllegalArgumentException for a malformed id or parameter
     */
    public Optional<Object> view(String path, Map<String, String> query) {
        String[] parts = path.split("/", -1);
        if (parts.length == 1) {
            return Optional.of(markets());
        }
        long id = marketId(parts[1]);
        Head head = head();
        if (id > head.marketCount()) {
            return Optional.empty();
        }
        String what = parts.length == 2 ? "" : parts[2];
        if (parts.length > 3) {
            return Optional.empty();
        }
        return switch (what) {
            case "" -> Optional.of(market(head, id));
            case "depth" -> Optional.of(depth(head, id, levels(query.get("levels"))));
            case "trades" -> Optional.of(trades(head, id));
            case "candles" -> Optional.of(candles(head, id, query.getOrDefault("interval", "1m")));
            default -> Optional.empty();
        };
    }

    private static long marketId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("market id must be a positive integer, got '" + text + "'");
        }
    }

    private static int levels(String text) {
        if (text == null) {
            return DEFAULT_LEVELS;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > MAX_LEVELS) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("levels must be between 1 and " + MAX_LEVELS + ", got '" + text + "'");
        }
    }

    public Markets markets() {
        Head head = head();
        List<Market> out = new ArrayList<>();
        for (long id = 1; id <= head.marketCount(); id++) {
            out.add(market(head, id));
        }
        return new Markets(head.number(), out);
    }

    private Market market(Head head, long id) {
        Tuple m = head.call(SystemAddresses.EXCHANGE, MARKET, "getMarket(uint256)", id);
        Address base = m.address(1);
        Address quote = m.address(2);
        List<TradeRecord> last = newestTrades(id, 1).trades();
        return new Market(id, m.address(0).toChecksumHex(), head.residentName(m.address(0)), base.toChecksumHex(),
                head.symbol(base), head.decimals(base), quote.toChecksumHex(), head.symbol(quote), head.decimals(quote),
                m.uint256(3).toString(), m.uint256(4).toString(), m.uint64(5), m.uint64(6), m.bool(7), m.bool(8), m.bool(9),
                best(head, id, 0), best(head, id, 1), last.isEmpty() ? "" : last.getFirst().price(),
                index.eventCount(TRADE, marketTopic(id)));
    }

    private static String best(Head head, long id, int side) {
        List<Level> levels = head.levels(id, side, 1);
        return levels.isEmpty() ? "" : levels.getFirst().price();
    }

    private Depth depth(Head head, long id, int levels) {
        return new Depth(head.number(), id, head.levels(id, 0, levels), head.levels(id, 1, levels));
    }

    /** The market's trades, newest first, at most {@value #MAX_TRADES}. */
    private Trades trades(Head head, long id) {
        return new Trades(head.number(), id, newestTrades(id, MAX_TRADES).trades());
    }

    private Candles candles(Head head, long id, String interval) {
        Long seconds = INTERVALS.get(interval);
        if (seconds == null) {
            throw new IllegalArgumentException("interval must be 1m, 1h or 1d, got '" + interval + "'");
        }
        Recent recent = newestTrades(id, MAX_CANDLE_TRADES);
        return new Candles(head.number(), id, interval, candlesOfRecent(recent.trades(), recent.complete(), seconds),
                recent.complete());
    }

    /**
     * Candles of a market's most recent trades ({@code newestFirst}); when older trades exist ({@code complete} false)
     * the oldest interval read may lack some of its trades, so it is left out rather than drawn wrong.
     */
    static List<Candle> candlesOfRecent(List<TradeRecord> newestFirst, boolean complete, long seconds) {
        List<TradeRecord> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        if (!complete && !oldestFirst.isEmpty()) {
            long oldest = oldestFirst.getFirst().timestamp();
            long cut = oldest - Math.floorMod(oldest, seconds) + seconds;
            oldestFirst.removeIf(t -> t.timestamp() < cut);
        }
        return candlesOf(oldestFirst, seconds);
    }

    /** Up to {@code limit} of a market's trades, newest first; {@code complete} when there are no more. */
    private record Recent(List<TradeRecord> trades, boolean complete) {}

    private Recent newestTrades(long id, int limit) {
        List<TradeRecord> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            IndexReader.Page<ParkEvent> page = index.events(TRADE, marketTopic(id), cursor, Math.min(500, limit - out.size()));
            for (ParkEvent e : page.items()) {
                if (e.contract().equals(SystemAddresses.EXCHANGE)) {
                    out.add(trade(e));
                }
            }
            cursor = page.next();
        } while (cursor.isPresent() && out.size() < limit);
        return new Recent(out, cursor.isEmpty());
    }

    private static Hash marketTopic(long id) {
        return Hash.wrap(UInt256.of(id).toBytes32());
    }

    private static TradeRecord trade(ParkEvent e) {
        Tuple t = ParkAbi.decode(ParkStory.TRADE, e.topics(), e.data());
        return new TradeRecord(t.uint64(0), t.uint64(1), t.uint64(2), t.address(3).toChecksumHex(),
                t.address(4).toChecksumHex(), t.uint256(5).toString(), t.uint256(6).toString(), t.uint256(7).toString(),
                t.uint256(8).toString(), e.blockNumber(), e.timestamp(), e.transactionHash().toHex());
    }

    /** Buckets trades (oldest first) into candles of {@code seconds}, oldest first; empty intervals are left out. */
    static List<Candle> candlesOf(List<TradeRecord> trades, long seconds) {
        Map<Long, List<TradeRecord>> buckets = new LinkedHashMap<>();
        for (TradeRecord t : trades) {
            buckets.computeIfAbsent(t.timestamp() - Math.floorMod(t.timestamp(), seconds), k -> new ArrayList<>()).add(t);
        }
        List<Candle> out = new ArrayList<>();
        buckets.forEach((start, in) -> {
            BigInteger high = null, low = null, volume = BigInteger.ZERO;
            for (TradeRecord t : in) {
                BigInteger p = new BigInteger(t.price());
                high = high == null || p.compareTo(high) > 0 ? p : high;
                low = low == null || p.compareTo(low) < 0 ? p : low;
                volume = volume.add(new BigInteger(t.amount()));
            }
            out.add(new Candle(start, in.getFirst().price(), high.toString(), low.toString(), in.getLast().price(),
                    volume.toString(), in.size()));
        });
        return out;
    }

    // ---- the head, its state and view calls ----

    private Head head() {
        BlockHeader header = chain.head();
        return new Head(header, chain.state(header));
    }

    private final class Head extends ParkHead {
        Head(BlockHeader header, WorldState state) {
            super(contracts, header, state);
        }

        long marketCount() {
            return call(SystemAddresses.EXCHANGE, "(uint256)", "marketCount()").uint64(0);
        }

        List<Level> levels(long id, int side, int levels) {
            Tuple d = call(SystemAddresses.EXCHANGE, "(uint256[],uint256[])", "depth(uint256,uint8,uint256)", id, side, levels);
            List<Level> out = new ArrayList<>();
            for (int i = 0; i < d.list(0).size(); i++) {
                out.add(new Level(d.list(0).get(i).toString(), d.list(1).get(i).toString()));
            }
            return out;
        }

        String symbol(Address token) {
            return token.equals(Address.ZERO) ? "coin" : call(token, "(string)", "symbol()").string(0);
        }

        int decimals(Address token) {
            return token.equals(Address.ZERO) ? 18 : (int) call(token, "(uint8)", "decimals()").uint64(0);
        }

    }
}
