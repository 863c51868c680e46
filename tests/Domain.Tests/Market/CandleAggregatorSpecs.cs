using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using static ActorArb.Domain.Tests.Market.AggregatorTestData;

namespace ActorArb.Domain.Tests.Market;

public sealed class CandleAggregatorSpecs
{
    private readonly List<Candle> _closed = [];

    [Fact]
    public void OnTick_should_start_a_new_minute_when_a_tick_lands_exactly_on_the_boundary()
    {
        var aggregator = Aggregator();

        aggregator.OnTick(Tick(M(0) + 10, "100"), _closed);
        aggregator.OnTick(Tick(M(0) + 59_999, "101"), _closed);
        Assert.Empty(_closed);

        aggregator.OnTick(Tick(M(1), "102"), _closed);
        var first = Assert.Single(_closed);
        Assert.Equal(M(0), first.OpenTimeMs);
        Assert.Equal(M(1), first.CloseTimeMs);
        Assert.Equal(2, first.TradeCount);
        Assert.Equal(Price.Parse("101"), first.Close);

        aggregator.AdvanceWatermark(M(2), _closed);
        var second = _closed[1];
        Assert.Equal(M(1), second.OpenTimeMs);
        Assert.Equal(1, second.TradeCount);
        Assert.Equal(Price.Parse("102"), second.Open);
    }

    [Fact]
    public void OnTick_should_build_ohlcv_from_the_trades_of_the_minute()
    {
        var aggregator = Aggregator();

        aggregator.OnTick(Tick(M(5) + 1_000, "100", 0.5), _closed);
        aggregator.OnTick(Tick(M(5) + 2_000, "105", 0.25), _closed);
        aggregator.OnTick(Tick(M(5) + 3_000, "95", 2), _closed);
        aggregator.OnTick(Tick(M(5) + 4_000, "101", 1), _closed);
        aggregator.AdvanceWatermark(M(6), _closed);

        var candle = Assert.Single(_closed);
        Assert.Equal(new Candle(Btc, Timeframe.OneMinute, M(5), Price.Parse("100"), Price.Parse("105"), Price.Parse("95"), Price.Parse("101"), 3.75, 4, CandleFlags.None), candle);
    }

    [Fact]
    public void AdvanceWatermark_should_close_a_minute_only_when_the_watermark_reaches_its_close()
    {
        var aggregator = Aggregator();
        aggregator.OnTick(Tick(M(0) + 59_999, "100"), _closed);

        aggregator.AdvanceWatermark(M(1) - 1, _closed);
        Assert.Empty(_closed);
        Assert.Equal(M(1) - 1, aggregator.Watermark);

        aggregator.AdvanceWatermark(M(1), _closed);
        Assert.Single(_closed);
        aggregator.AdvanceWatermark(M(0), _closed);
        Assert.Equal(M(1), aggregator.Watermark);
    }

    [Fact]
    public void OnTick_should_count_and_drop_a_tick_when_its_minute_has_closed()
    {
        var aggregator = Aggregator();
        aggregator.OnTick(Tick(M(0) + 1_000, "100"), _closed);
        aggregator.OnTick(Tick(M(1) + 1_000, "101"), _closed);

        aggregator.OnTick(Tick(M(0) + 30_000, "50"), _closed);
        aggregator.AdvanceWatermark(M(2), _closed);

        Assert.Equal(1, aggregator.LateTicks);
        Assert.Equal(2, _closed.Count);
        Assert.Equal(Price.Parse("100"), _closed[0].Low);
        Assert.Equal(Price.Parse("101"), _closed[1].Low);
        Assert.Equal(1, _closed[1].TradeCount);
    }

    [Fact]
    public void OnTick_should_apply_a_tick_when_it_is_within_the_lateness_of_an_open_minute()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], AllowedLatenessMs: 5_000));
        aggregator.OnTick(Tick(M(0) + 50_000, "100"), _closed);
        aggregator.OnTick(Tick(M(1) + 2_000, "110"), _closed);
        Assert.Equal(M(1) - 3_000, aggregator.Watermark);

        aggregator.OnTick(Tick(M(0) + 55_000, "90"), _closed);
        aggregator.OnTick(Tick(M(0) + 20_000, "95"), _closed);
        aggregator.OnTick(Tick(M(1) + 4_999, "111"), _closed);
        Assert.Empty(_closed);

        aggregator.OnTick(Tick(M(1) + 5_000, "112"), _closed);
        aggregator.OnTick(Tick(M(0) + 58_000, "1"), _closed);

        var minute = Assert.Single(_closed);
        Assert.Equal(Price.Parse("95"), minute.Open);
        Assert.Equal(Price.Parse("100"), minute.High);
        Assert.Equal(Price.Parse("90"), minute.Low);
        Assert.Equal(Price.Parse("90"), minute.Close);
        Assert.Equal(3, minute.TradeCount);
        Assert.Equal(1, aggregator.LateTicks);
    }

    [Fact]
    public void OnTick_should_emit_flat_candles_carrying_the_previous_close_when_minutes_have_no_trades()
    {
        var aggregator = Aggregator();
        aggregator.OnTick(Tick(M(0) + 1_000, "100"), _closed);
        aggregator.OnTick(Tick(M(0) + 2_000, "99.5"), _closed);

        aggregator.OnTick(Tick(M(3) + 1_000, "101"), _closed);

        Assert.Equal([M(0), M(1), M(2)], _closed.ConvertAll(c => c.OpenTimeMs));
        Assert.Equal(CandleFlags.None, _closed[0].Flags);
        var flat = Price.Parse("99.5");
        Assert.All(_closed.GetRange(1, 2), c =>
            Assert.Equal(new Candle(Btc, Timeframe.OneMinute, c.OpenTimeMs, flat, flat, flat, flat, 0, 0, CandleFlags.Flat), c));
    }

    [Fact]
    public void OnTick_should_emit_no_flat_candles_when_no_real_candle_exists_yet()
    {
        var aggregator = Aggregator();
        aggregator.AdvanceWatermark(M(0), _closed);

        aggregator.OnTick(Tick(M(2) + 1, "100"), _closed);
        aggregator.AdvanceWatermark(M(3), _closed);

        var candle = Assert.Single(_closed);
        Assert.Equal(M(2), candle.OpenTimeMs);
    }

    [Fact]
    public void OnTick_should_skip_empty_minutes_when_flat_candles_are_off()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], EmitFlatCandles: false));
        aggregator.OnTick(Tick(M(0), "100"), _closed);

        aggregator.OnTick(Tick(M(500_000), "101"), _closed);
        aggregator.AdvanceWatermark(M(500_001), _closed);

        Assert.Equal([M(0), M(500_000)], _closed.ConvertAll(c => c.OpenTimeMs));
    }

    [Fact]
    public void OnTick_should_align_minutes_when_times_are_before_the_epoch()
    {
        var aggregator = Aggregator("1h");
        aggregator.OnTick(new TradeTick(Btc, -90_000, Price.Parse("1"), 1, Side.Sell, "a"), _closed);
        aggregator.OnTick(new TradeTick(Btc, -30_000, Price.Parse("2"), 1, Side.Sell, "b"), _closed);
        aggregator.AdvanceWatermark(0, _closed);

        Assert.Equal(["1m@-120000", "1m@-60000", "1h@-3600000"], _closed.ConvertAll(c => $"{c.Timeframe}@{c.OpenTimeMs}"));
        Assert.Equal(CandleFlags.Partial, _closed[2].Flags);
    }

    [Fact]
    public void OnTick_should_refuse_prices_off_the_tick_grid()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], TickSize: Price.Parse("0.01")));
        aggregator.OnTick(Tick(M(0), "100.01"), _closed);

        aggregator.OnTick(Tick(M(0) + 1, "100.005"), _closed);
        aggregator.Flush(_closed);

        Assert.Equal(1, aggregator.OffGrid);
        Assert.Equal(1, Assert.Single(_closed).TradeCount);
    }

    [Fact]
    public void OnTick_should_throw_when_the_tick_is_for_another_instrument()
    {
        var aggregator = Aggregator();
        var eth = new TradeTick(new InstrumentId("kraken", "ETH/USD"), M(0), Price.Parse("1"), 1, Side.Buy, "e");

        Assert.Throws<ArgumentException>(() => aggregator.OnTick(eth, _closed));
    }

    [Theory]
    [InlineData(90_000L, 0L)]
    [InlineData(0L, 0L)]
    [InlineData(-60_000L, 0L)]
    [InlineData(60_000L, -1L)]
    [InlineData(60_000L, 86_400_001L)]
    public void Aggregator_should_refuse_options_when_a_timeframe_or_the_lateness_is_out_of_range(long timeframeMs, long latenessMs)
    {
        var options = new CandleAggregatorOptions([new Timeframe(timeframeMs)], latenessMs);

        Assert.ThrowsAny<ArgumentException>(() => new CandleAggregator(Btc, options));
    }

    [Fact]
    public void OnTick_should_not_allocate_when_the_output_list_has_room()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions(Frames("15m", "1h", "4h", "1d"), AllowedLatenessMs: 2_000));
        var closed = new List<Candle>(100_000);
        var ticks = new TradeTick[200_000];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = Tick(T0 + (i * 977L), (100 + (i % 7)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Feed(aggregator, ticks.AsSpan(0, 1_000), closed);
        closed.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Feed(aggregator, ticks.AsSpan(1_000), closed);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(closed.Count > 3_000);
    }

    [Fact]
    public void CandleClosed_should_carry_the_candle_close_time_as_its_event_time()
    {
        var candle = Minute(M(7), "1", "1", "1", "1");

        Assert.Equal(M(8), new CandleClosed(candle).TimeMs);
    }

    private static void Feed(CandleAggregator aggregator, ReadOnlySpan<TradeTick> ticks, List<Candle> closed)
    {
        foreach (ref readonly var tick in ticks)
        {
            aggregator.OnTick(in tick, closed);
        }
    }
}
