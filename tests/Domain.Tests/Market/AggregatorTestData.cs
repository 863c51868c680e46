using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Aggregation;

namespace ActorArb.Domain.Tests.Market;

/// <summary>Instruments, times and small builders shared by the candle aggregator specs.</summary>
internal static class AggregatorTestData
{
    public static readonly InstrumentId Btc = new("kraken", "BTC/USD");

    /// <summary>2023-03-10T00:00:00Z, a day boundary.</summary>
    public const long T0 = 1_678_406_400_000;

    public const long MinuteMs = 60_000;

    public static Timeframe Tf(string text) => Timeframe.Parse(text);

    /// <summary>Returns the open time of minute <paramref name="minute"/> after <see cref="T0"/>.</summary>
    public static long M(int minute) => T0 + minute * MinuteMs;

    public static TradeTick Tick(long timeMs, string price, double size = 1) =>
        new(Btc, timeMs, Price.Parse(price), size, Side.Buy, "t");

    public static Candle Minute(long openTimeMs, string open, string high, string low, string close, double volume = 1, int trades = 1) =>
        new(Btc, Timeframe.OneMinute, openTimeMs, Price.Parse(open), Price.Parse(high), Price.Parse(low), Price.Parse(close), volume, trades, CandleFlags.None);

    public static CandleAggregator Aggregator(params string[] rollups) => Aggregator(new CandleAggregatorOptions(Frames(rollups)));

    public static CandleAggregator Aggregator(CandleAggregatorOptions options) => new(Btc, options);

    public static Timeframe[] Frames(params string[] rollups) => Array.ConvertAll(rollups, Tf);

    /// <summary>Returns the candles of one timeframe, in output order.</summary>
    public static List<Candle> Of(this List<Candle> candles, string timeframe) => candles.FindAll(c => c.Timeframe == Tf(timeframe));
}
