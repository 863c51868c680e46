using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using static ActorArb.Domain.Tests.Market.AggregatorTestData;

namespace ActorArb.Domain.Tests.Market;

public sealed class CandleAggregatorCandleSourceSpecs
{
    private readonly List<Candle> _closed = [];

    [Fact]
    public void OnCandle_should_pass_the_minute_through_and_close_the_roll_up_it_completes()
    {
        var aggregator = Aggregator("2m");
        var first = Minute(M(0), "10", "12", "9", "11", 1.5, 3);
        var second = Minute(M(1), "11", "13", "10", "12", 2.5, 4);

        aggregator.OnCandle(first, _closed);
        Assert.Equal([first], _closed);

        aggregator.OnCandle(second, _closed);
        Assert.Equal(3, _closed.Count);
        Assert.Equal(second, _closed[1]);
        Assert.Equal(new Candle(Btc, Tf("2m"), M(0), Price.Parse("10"), Price.Parse("13"), Price.Parse("9"), Price.Parse("12"), 4, 7, CandleFlags.None), _closed[2]);
    }

    [Fact]
    public void OnCandle_should_fill_absent_minutes_with_flat_candles_when_they_are_on()
    {
        var aggregator = Aggregator("5m");
        aggregator.OnCandle(Minute(M(0), "10", "10", "10", "10.5"), _closed);

        aggregator.OnCandle(Minute(M(4), "11", "11", "11", "11"), _closed);

        Assert.Equal([CandleFlags.None, CandleFlags.Flat, CandleFlags.Flat, CandleFlags.Flat, CandleFlags.None], _closed.Of("1m").ConvertAll(c => c.Flags));
        Assert.Equal(Price.Parse("10.5"), _closed[2].Close);
        var fiveMinutes = Assert.Single(_closed.Of("5m"));
        Assert.Equal(CandleFlags.None, fiveMinutes.Flags);
        Assert.Equal(2, fiveMinutes.Volume);
    }

    [Fact]
    public void OnCandle_should_flag_the_roll_up_partial_when_minutes_are_absent_and_flats_are_off()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions(Frames("5m"), EmitFlatCandles: false));
        aggregator.OnCandle(Minute(M(0), "10", "10", "10", "10"), _closed);

        aggregator.OnCandle(Minute(M(4), "11", "11", "11", "11"), _closed);

        Assert.Equal(2, _closed.Of("1m").Count);
        Assert.Equal(CandleFlags.Partial, Assert.Single(_closed.Of("5m")).Flags);
    }

    [Fact]
    public void OnCandle_should_hold_a_minute_until_the_lateness_has_passed()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], AllowedLatenessMs: 90_000));

        aggregator.OnCandle(Minute(M(0), "10", "10", "10", "10"), _closed);
        Assert.Empty(_closed);
        aggregator.OnCandle(Minute(M(2), "12", "12", "12", "12"), _closed);
        Assert.Single(_closed);
        Assert.Equal(M(1) + 30_000, aggregator.Watermark);

        aggregator.OnCandle(Minute(M(1), "11", "11", "11", "11"), _closed);
        aggregator.Flush(_closed);

        Assert.Equal([M(0), M(1), M(2)], _closed.ConvertAll(c => c.OpenTimeMs));
        Assert.Equal(CandleFlags.None, _closed[1].Flags);
    }

    [Fact]
    public void OnCandle_should_count_late_and_duplicate_minutes_without_applying_them()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], AllowedLatenessMs: MinuteMs));
        aggregator.OnCandle(Minute(M(5), "10", "10", "10", "10"), _closed);

        aggregator.OnCandle(Minute(M(5), "99", "99", "99", "99"), _closed);
        aggregator.OnCandle(Minute(M(7), "11", "11", "11", "11"), _closed);
        aggregator.OnCandle(Minute(M(2), "1", "1", "1", "1"), _closed);
        aggregator.OnTick(Tick(M(7) + 1, "1"), _closed);
        aggregator.Flush(_closed);

        Assert.Equal(1, aggregator.DuplicateCandles);
        Assert.Equal(1, aggregator.LateCandles);
        Assert.Equal(1, aggregator.LateTicks);
        Assert.Equal(["10", "10", "11"], _closed.ConvertAll(c => c.Close.ToString()));
    }

    [Fact]
    public void OnCandle_should_refuse_a_minute_off_the_tick_grid()
    {
        var aggregator = Aggregator(new CandleAggregatorOptions([], TickSize: Price.Parse("0.0001")));

        aggregator.OnCandle(Minute(M(0), "1", "1.00005", "1", "1"), _closed);
        aggregator.OnCandle(Minute(M(1), "1", "1.0001", "0.9999", "1"), _closed);

        Assert.Equal(1, aggregator.OffGrid);
        Assert.Equal(M(1), Assert.Single(_closed).OpenTimeMs);
    }

    [Fact]
    public void OnCandle_should_throw_when_the_candle_is_not_an_aligned_minute_of_this_instrument()
    {
        var aggregator = Aggregator("1h");
        var hour = Minute(M(0), "1", "1", "1", "1") with { Timeframe = Tf("1h") };
        var unaligned = Minute(M(0) + 1, "1", "1", "1", "1");
        var other = Minute(M(0), "1", "1", "1", "1") with { Instrument = new InstrumentId("kraken", "ETH/USD") };

        Assert.Throws<ArgumentException>(() => aggregator.OnCandle(hour, _closed));
        Assert.Throws<ArgumentException>(() => aggregator.OnCandle(unaligned, _closed));
        Assert.Throws<ArgumentException>(() => aggregator.OnCandle(other, _closed));
    }
}
