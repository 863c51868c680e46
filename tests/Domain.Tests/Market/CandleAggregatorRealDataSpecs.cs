using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Time;
using Xunit.Abstractions;

namespace ActorArb.Domain.Tests.Market;

public sealed class CandleAggregatorRealDataSpecs(ITestOutputHelper output)
{
    private const string UsdcFile = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";
    private static readonly InstrumentId Usdc = new("kraken", "USDC/USD");

    [Fact]
    public void Aggregator_should_fill_the_real_gaps_and_roll_up_days_when_fed_kraken_usdc_minutes()
    {
        if (!SharedData.TryGet(UsdcFile, out var path))
        {
            output.WriteLine($"shared/data/{UsdcFile} not found: nothing to check here.");
            return;
        }

        var rows = CandleCsv.Read(path, Usdc, Timeframe.OneMinute);
        var aggregator = new CandleAggregator(Usdc, new CandleAggregatorOptions([Timeframe.Parse("1h"), Timeframe.Parse("1d")], TickSize: Price.Parse("0.0001")));
        var closed = new List<Candle>();
        foreach (var row in rows)
        {
            aggregator.OnCandle(row, closed);
        }

        aggregator.Flush(closed);

        Assert.Equal(20_934, rows.Count);
        Assert.Equal(0, aggregator.OffGrid + aggregator.LateCandles + aggregator.DuplicateCandles);
        var minutes = closed.FindAll(c => c.Timeframe == Timeframe.OneMinute);
        Assert.Equal((rows[^1].OpenTimeMs - rows[0].OpenTimeMs) / UnixTime.MinuteMs + 1, minutes.Count);
        Assert.Equal(rows, minutes.FindAll(c => c.Flags == CandleFlags.None));
        output.WriteLine($"{rows.Count} real minutes, {minutes.Count - rows.Count} flat minutes filled");

        var days = closed.FindAll(c => c.Timeframe == Timeframe.Parse("1d"));
        Assert.Equal(21, days.Count);
        Assert.All(days.GetRange(0, 20), d => Assert.Equal(CandleFlags.None, d.Flags));
        Assert.Equal(CandleFlags.Partial, days[^1].Flags);
        foreach (var day in days)
        {
            var inDay = rows.FindAll(r => Timeframe.Parse("1d").Floor(r.OpenTimeMs) == day.OpenTimeMs);
            Assert.Equal(inDay.Sum(r => r.Volume), day.Volume);
            Assert.Equal(inDay.Min(r => r.Low), day.Low);
        }

        var march11 = days.Single(d => UnixTime.ToIso(d.OpenTimeMs) == "2023-03-11T00:00:00Z");
        Assert.Equal(Price.Parse("0.874"), march11.Low);
        var hour = closed.Single(c => c.Timeframe == Timeframe.Parse("1h") && UnixTime.ToIso(c.OpenTimeMs) == "2023-03-11T07:00:00Z");
        Assert.Equal(Price.Parse("0.874"), hour.Low);
    }
}
