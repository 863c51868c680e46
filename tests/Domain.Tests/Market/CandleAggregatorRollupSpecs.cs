using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using static ActorArb.Domain.Tests.Market.AggregatorTestData;

namespace ActorArb.Domain.Tests.Market;

public sealed class CandleAggregatorRollupSpecs
{
    private readonly List<Candle> _closed = [];

    [Fact]
    public void AdvanceWatermark_should_emit_flat_minutes_when_time_passes_without_trades()
    {
        var aggregator = Aggregator("1h");
        aggregator.OnTick(Tick(M(59) + 1, "100"), _closed);

        aggregator.AdvanceWatermark(M(120), _closed);

        Assert.Equal(61, _closed.Of("1m").Count);
        Assert.Equal(61, _closed.Of("1m").FindAll(c => c.Flags == CandleFlags.Flat).Count + 1);
        var hours = _closed.Of("1h");
        Assert.Equal(2, hours.Count);
        Assert.Equal(CandleFlags.Partial, hours[0].Flags);
        Assert.Equal(CandleFlags.Flat, hours[1].Flags);
        Assert.Equal(0, hours[1].Volume);
    }

    [Fact]
    public void OnTick_should_emit_roll_ups_after_the_minute_that_closes_them_by_ascending_timeframe()
    {
        var aggregator = Aggregator("1h", "15m", "1m", "15m");
        aggregator.OnTick(Tick(M(0), "100"), _closed);
        aggregator.OnTick(Tick(M(59) + 30_000, "101"), _closed);

        aggregator.OnTick(Tick(M(60), "102"), _closed);

        var last = _closed.GetRange(_closed.Count - 3, 3);
        Assert.Equal(["1m", "15m", "1h"], last.ConvertAll(c => c.Timeframe.ToString()));
        Assert.Equal([M(59), M(45), M(0)], last.ConvertAll(c => c.OpenTimeMs));
        Assert.All(last, c => Assert.Equal(M(60), c.CloseTimeMs));
        Assert.Equal(4, _closed.Of("15m").Count);
    }

    [Fact]
    public void OnTick_should_keep_time_order_when_a_roll_up_ends_inside_a_gap()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions(Frames("15m"), AllowedLatenessMs: 2 * MinuteMs, EmitFlatCandles: false));
        aggregator.OnTick(Tick(M(13), "100"), _closed);
        aggregator.OnTick(Tick(M(16), "101"), _closed);

        aggregator.OnTick(Tick(M(20), "102"), _closed);

        Assert.Equal(["1m@13", "15m@0", "1m@16"], _closed.ConvertAll(c => $"{c.Timeframe}@{(c.OpenTimeMs - T0) / MinuteMs}"));
        Assert.Equal(CandleFlags.Partial, _closed[1].Flags);
        Assert.Equal(Price.Parse("100"), _closed[1].Close);
    }

    [Fact]
    public void Roll_ups_should_be_flagged_partial_when_minutes_are_missing_without_flat_candles()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions(Frames("1h"), EmitFlatCandles: false));
        aggregator.OnTick(Tick(M(10), "100", 1), _closed);
        aggregator.OnTick(Tick(M(30), "90", 2), _closed);

        aggregator.OnTick(Tick(M(130), "101"), _closed);

        Assert.Equal(["1m@10", "1m@30", "1h@0"], _closed.ConvertAll(c => $"{c.Timeframe}@{(c.OpenTimeMs - T0) / MinuteMs}"));
        Assert.Equal(new Candle(Btc, Tf("1h"), M(0), Price.Parse("100"), Price.Parse("100"), Price.Parse("90"), Price.Parse("90"), 3, 2, CandleFlags.Partial), _closed[2]);
    }

    [Fact]
    public void Flush_should_close_open_minutes_and_flag_unfinished_roll_ups_partial()
    {
        var aggregator = Aggregator("1h", "1d");
        aggregator.OnTick(Tick(M(0), "100"), _closed);
        aggregator.OnTick(Tick(M(2) + 5, "102"), _closed);

        aggregator.Flush(_closed);

        Assert.Equal(["1m@0", "1m@1", "1m@2", "1h@0", "1d@0"], _closed.ConvertAll(c => $"{c.Timeframe}@{(c.OpenTimeMs - T0) / MinuteMs}"));
        Assert.Equal(CandleFlags.Flat, _closed[1].Flags);
        Assert.Equal(CandleFlags.Partial, _closed[3].Flags);
        Assert.Equal(CandleFlags.Partial, _closed[4].Flags);
        Assert.Equal(Price.Parse("102"), _closed[4].Close);
    }

    [Fact]
    public void Flush_should_end_the_stream_when_called()
    {
        var aggregator = Aggregator("1h");
        aggregator.OnTick(Tick(M(0), "100"), _closed);
        aggregator.Flush(_closed);
        var count = _closed.Count;

        aggregator.Flush(_closed);

        Assert.Equal(count, _closed.Count);
        Assert.Throws<InvalidOperationException>(() => aggregator.OnTick(Tick(M(5), "100"), _closed));
        Assert.Throws<InvalidOperationException>(() => aggregator.AdvanceWatermark(M(5), _closed));
    }

    [Fact]
    public void Flush_should_emit_nothing_when_no_input_arrived()
    {
        Aggregator("1h").Flush(_closed);

        Assert.Empty(_closed);
    }
}
