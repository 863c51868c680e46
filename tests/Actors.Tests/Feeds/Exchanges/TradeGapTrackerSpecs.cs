using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Tests.Feeds.Exchanges;

public sealed class TradeGapTrackerSpecs
{
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");

    [Fact]
    public void Observe_should_start_the_sequence_at_the_first_trade_and_stay_quiet_while_ids_are_contiguous()
    {
        var tracker = new TradeGapTracker(reorderWindow: 0);

        Assert.All(Enumerable.Range(1000, 50), id => Assert.Null(tracker.Observe(Trade(id))));
        Assert.Empty(tracker.Flush());
    }

    [Fact]
    public void Observe_should_report_the_missing_ids_with_the_trades_around_them()
    {
        var tracker = new TradeGapTracker(reorderWindow: 2);
        foreach (var id in new[] { 100, 101, 102, 103, 104, 110, 111 })
        {
            Assert.Null(tracker.Observe(Trade(id)));
        }

        var gap = tracker.Observe(Trade(112));

        Assert.Equal(new FeedGapDetected(Usdc, TimeOf(112), "104", "110", TimeOf(104), TimeOf(110), "trade id gap 105..109"), gap);
        Assert.Null(tracker.Observe(Trade(113)));
        Assert.Empty(tracker.Flush());
    }

    [Fact]
    public void Observe_should_raise_nothing_when_a_late_trade_fills_the_hole_inside_the_window()
    {
        var tracker = new TradeGapTracker(reorderWindow: 3);

        foreach (var id in new[] { 1, 2, 4, 5, 3, 6, 8, 7, 9 })
        {
            Assert.Null(tracker.Observe(Trade(id)));
        }

        Assert.Empty(tracker.Flush());
    }

    [Fact]
    public void Observe_should_ignore_duplicates_whether_in_sequence_or_waiting()
    {
        var tracker = new TradeGapTracker(reorderWindow: 2);

        foreach (var id in new[] { 10, 11, 11, 10, 13, 13, 13, 13, 12 })
        {
            Assert.Null(tracker.Observe(Trade(id)));
        }

        Assert.Empty(tracker.Flush());
    }

    [Fact]
    public void Observe_should_ignore_a_trade_of_a_hole_already_reported()
    {
        var tracker = new TradeGapTracker(reorderWindow: 0);
        tracker.Observe(Trade(1));

        Assert.NotNull(tracker.Observe(Trade(3)));
        Assert.Null(tracker.Observe(Trade(2)));
        Assert.Null(tracker.Observe(Trade(4)));
    }

    [Fact]
    public void Observe_should_follow_ids_beyond_int64()
    {
        var tracker = new TradeGapTracker(reorderWindow: 0);
        const string Last = "9223372036854775807";

        Assert.Null(tracker.Observe(Trade(Last, 1)));
        Assert.Null(tracker.Observe(Trade("9223372036854775808", 2)));
        var gap = tracker.Observe(Trade("18446744073709551617", 3));

        Assert.Equal("trade id gap 9223372036854775809..18446744073709551616", gap?.Reason);
        Assert.Equal(("9223372036854775808", "18446744073709551617"), (gap!.AfterTradeId, gap.BeforeTradeId));
    }

    [Fact]
    public void Flush_should_report_every_hole_still_waiting_oldest_first()
    {
        var tracker = new TradeGapTracker();
        foreach (var id in new[] { 1, 2, 5, 6, 9 })
        {
            tracker.Observe(Trade(id));
        }

        var gaps = tracker.Flush();

        Assert.Equal(["trade id gap 3..4", "trade id gap 7..8"], gaps.Select(g => g.Reason));
        Assert.Equal(("2", "5", "6", "9"), (gaps[0].AfterTradeId, gaps[0].BeforeTradeId, gaps[1].AfterTradeId, gaps[1].BeforeTradeId));
        Assert.Empty(tracker.Flush());
        Assert.Null(tracker.Observe(Trade(10)));
    }

    [Fact]
    public void Observe_should_keep_instruments_apart_and_skip_ids_that_are_not_numbers()
    {
        var tracker = new TradeGapTracker(reorderWindow: 0);
        var other = new InstrumentId("coinbase", "USDC/USD");

        Assert.Null(tracker.Observe(Trade(5)));
        Assert.Null(tracker.Observe(Trade(900) with { Instrument = other }));
        Assert.Null(tracker.Observe(Trade(6)));
        Assert.Null(tracker.Observe(Trade(5) with { TradeId = "1618678150.826417-354.04-0.28-0" }));
        Assert.Null(tracker.Observe(Trade(901) with { Instrument = other }));
        Assert.Null(tracker.Observe(Trade(7)));
    }

    [Fact]
    public void ReconnectWindow_should_span_from_the_last_trade_to_the_reconnect()
    {
        var tracker = new TradeGapTracker();
        var v1 = new InstrumentId("kraken", "XMR/USD");

        Assert.Null(tracker.ReconnectWindow(Usdc, 5_000));
        tracker.Observe(Trade(41));
        tracker.Observe(Trade(42));
        tracker.Observe(Trade(44));
        tracker.Observe(new TradeTick(v1, 1_000, Price.Parse("354"), 1, Side.Sell, "a"));
        tracker.Observe(new TradeTick(v1, 2_000, Price.Parse("354"), 1, Side.Sell, "b"));

        Assert.Equal(new FeedGapDetected(Usdc, 9_000, "42", "", TimeOf(42), 9_000, "reconnect window"), tracker.ReconnectWindow(Usdc, 9_000));
        Assert.Equal(new FeedGapDetected(v1, 9_000, "b", "", 2_000, 9_000, "reconnect window"), tracker.ReconnectWindow(v1, 9_000));
    }

    private static long TimeOf(long id) => 1_678_518_900_000 + id * 10;

    private static TradeTick Trade(long id) => Trade(id.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeOf(id));

    private static TradeTick Trade(string id, long timeMs) => new(Usdc, timeMs, Price.Parse("0.9999"), 1, Side.Buy, id);
}
