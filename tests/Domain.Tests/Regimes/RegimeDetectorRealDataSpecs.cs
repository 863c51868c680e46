using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Tests.Market;
using ActorArb.Domain.Time;
using Xunit.Abstractions;

namespace ActorArb.Domain.Tests.Regimes;

public sealed class RegimeDetectorRealDataSpecs(ITestOutputHelper output)
{
    private const string UsdcFile = "candles/kraken/USDCUSD-1m-20230301-20230321.csv";

    [Fact]
    public void Detector_should_see_the_march_2023_usdc_depeg_once_when_fed_kraken_minutes()
    {
        if (!SharedData.TryGet(UsdcFile, out var path))
        {
            output.WriteLine($"shared/data/{UsdcFile} not found: nothing to check here.");
            return;
        }

        var usdc = new Instrument(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
        var aggregator = new CandleAggregator(usdc.Id, new CandleAggregatorOptions([], TickSize: usdc.TickSize));
        var detector = new RegimeDetector(usdc, new RegimeOptions());
        var minutes = new List<Candle>();
        foreach (var row in CandleCsv.Read(path, usdc.Id, Timeframe.OneMinute))
        {
            aggregator.OnCandle(row, minutes);
        }

        aggregator.Flush(minutes);
        var changes = new List<RegimeChanged>();
        foreach (var minute in minutes)
        {
            if (detector.OnCandle(minute) is { } change)
            {
                changes.Add(change);
                output.WriteLine($"{UnixTime.ToIso(change.TimeMs)} {RegimeNames.ToWire(change.From)} -> {RegimeNames.ToWire(change.To)}: {change.Reason}");
            }
        }

        var entered = changes.FindAll(c => c.To == Regime.Depeg);
        var left = changes.FindAll(c => c.From == Regime.Depeg);
        Assert.Single(entered);
        Assert.Single(left);
        Assert.InRange(entered[0].TimeMs, Utc("2023-03-10"), Utc("2023-03-12") - 1);
        Assert.InRange(left[0].TimeMs, entered[0].TimeMs, Utc("2023-03-14") - 1);
        Assert.StartsWith("peg deviation 0.02", entered[0].Reason, StringComparison.Ordinal);
        Assert.InRange(changes.Count, 2, 12);
        Assert.Equal(Regime.PegStable, detector.Current);
    }

    private static long Utc(string date) => UnixTime.TryParseIso(date, out var ms) ? ms : throw new FormatException(date);
}
