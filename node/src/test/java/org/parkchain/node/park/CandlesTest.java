package org.parkchain.node.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandlesTest {
    private static MarketViews.TradeRecord trade(long time, long price, long amount) {
        return new MarketViews.TradeRecord(1, 1, 2, "b", "s", Long.toString(price), Long.toString(amount), "0", "0", 1, time, "0x");
    }

    @Test
    void bucketsTradesIntoAlignedIntervalsWithOpenHighLowCloseAndVolume() {
        List<MarketViews.TradeRecord> trades = List.of(trade(120, 10, 1), trade(130, 14, 2), trade(179, 9, 3),
                trade(180, 11, 4), trade(400, 12, 5));
        assertThat(MarketViews.candlesOf(trades, 60)).containsExactly(
                new MarketViews.Candle(120, "10", "14", "9", "9", "6", 3),
                new MarketViews.Candle(180, "11", "11", "11", "11", "4", 1),
                new MarketViews.Candle(360, "12", "12", "12", "12", "5", 1));
        assertThat(MarketViews.candlesOf(trades, 3600)).containsExactly(new MarketViews.Candle(0, "10", "14", "9", "12", "15", 5));
        assertThat(MarketViews.candlesOf(List.of(), 60)).isEmpty();
    }

    @Test
    void aCutHistoryLeavesOutItsOldestIntervalWhichMayLackTrades() {
        List<MarketViews.TradeRecord> newestFirst = List.of(trade(400, 12, 5), trade(180, 11, 4), trade(130, 14, 2));
        assertThat(MarketViews.candlesOfRecent(newestFirst, false, 60)).containsExactly(
                new MarketViews.Candle(180, "11", "11", "11", "11", "4", 1),
                new MarketViews.Candle(360, "12", "12", "12", "12", "5", 1));
        assertThat(MarketViews.candlesOfRecent(newestFirst, true, 60)).hasSize(3);
        assertThat(MarketViews.candlesOfRecent(List.of(), false, 60)).isEmpty();
    }
}
