using ActorArb.Domain.Market;
using ActorArb.Domain.Market.Synthetic;

namespace ActorArb.Domain.Tests.Strategies;

/// <summary>Instruments, prices and candles shared by the trading specs.</summary>
internal static class TradingTestData
{
    public static readonly InstrumentId Usdc = new("kraken", "USDC/USD");

    /// <summary>One tick of a 0.0001-quantised stablecoin price.</summary>
    public static readonly Price Tick = new(100_000);

    public static Price P(string text) => Price.Parse(text);

    /// <summary>Returns a flat 1m candle (open = high = low = close) opening at <paramref name="openTimeMs"/>.</summary>
    public static Candle Bar(long openTimeMs, Price close, double volume = 1) =>
        new(Usdc, Timeframe.OneMinute, openTimeMs, close, close, close, close, volume, 1, CandleFlags.None);

    /// <summary>
    /// Returns a seeded Ornstein-Uhlenbeck series around 1.0 in ticks of 0.0001, like the synthetic USDC data:
    /// x += theta * (1 - x) + sigma * N(0, 1), with the production <see cref="SplitMix64"/> generator so the series
    /// never depends on System.Random's implementation.
    /// </summary>
    public static long[] OrnsteinUhlenbeckTicks(ulong seed, int count, double theta = 0.05, double sigma = 0.0007)
    {
        var mixer = new SplitMix64(seed);
        double Uniform() => ((mixer.Next() >> 11) + 0.5) / (1UL << 53);

        var ticks = new long[count];
        var x = 1.0;
        for (var i = 0; i < count; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * Uniform());
            x += theta * (1 - x) + sigma * gaussian;
            ticks[i] = (long)Math.Round(x * 10_000);
        }

        return ticks;
    }

    /// <summary>Asserts two doubles are the same bits, printing both round-trippably when they are not.</summary>
    public static void Exactly(double expected, double actual, string what = "value") =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}: expected {expected:R} but got {actual:R}");
}
