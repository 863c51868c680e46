using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Tests.Regimes;

/// <summary>Feeds a <see cref="RegimeDetector"/> one 1m bar per close and records the changes by bar index.</summary>
internal sealed class RegimeDriver(Instrument instrument, RegimeOptions? options = null)
{
    public static readonly Instrument Usdc = new(new InstrumentId("kraken", "USDC/USD"), Price.Parse("0.0001"), Price.Parse("1"));
    public static readonly Instrument Btc = new(new InstrumentId("kraken", "BTC/USD"), Price.Parse("0.1"));

    /// <summary>2023-03-10T00:00:00Z.</summary>
    public const long T0 = 1_678_406_400_000;

    public RegimeDetector Detector { get; } = new(instrument, options ?? new RegimeOptions());

    public int Bars { get; private set; }

    public List<(int Bar, RegimeChanged Change)> Changes { get; } = [];

    public static Candle Bar(Instrument instrument, int index, double close)
    {
        var price = Price.FromDouble(close);
        return new Candle(instrument.Id, Timeframe.OneMinute, T0 + (index * 60_000L), price, price, price, price, 1, 1, CandleFlags.None);
    }

    public RegimeChanged? Step(double close)
    {
        var change = Detector.OnCandle(Bar(instrument, Bars, close));
        if (change is not null)
        {
            Changes.Add((Bars, change));
        }

        Bars++;
        return change;
    }

    public RegimeDriver Close(double close, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Step(close);
        }

        return this;
    }

    public RegimeDriver Alternate(double first, double second, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Step(i % 2 == 0 ? first : second);
        }

        return this;
    }

    public List<string> Path() => Changes.ConvertAll(c => $"{c.Bar}:{RegimeNames.ToWire(c.Change.To)}");
}
