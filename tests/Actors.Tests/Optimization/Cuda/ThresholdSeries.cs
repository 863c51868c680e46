namespace ActorArb.Actors.Tests.Optimization.Cuda;

/// <summary>Seeded price series and threshold grids for comparing the GPU with the CPU reference.</summary>
internal static class ThresholdSeries
{
    /// <summary>Returns a mean-reverting walk around 1.0 quantised to 0.0001, like a USD stablecoin.</summary>
    public static double[] Peg(int seed, int bars) => Walk(seed, bars, start: 1.0, reversion: 0.002, volatility: 0.0002, ticksPerUnit: 10_000);

    /// <summary>Returns a mean-reverting walk around 30,000 quantised to 0.01, prices no 16-bit tick offset can hold.</summary>
    public static double[] Wide(int seed, int bars) => Walk(seed, bars, start: 30_000, reversion: 0.001, volatility: 60, ticksPerUnit: 100);

    /// <summary>
    /// Returns <see cref="Peg"/> with values that test IEEE-754 parity scattered through it: zeros of both signs
    /// (divisions by zero), NaN (comparisons that are all false), infinities, subnormals, huge and negative prices.
    /// </summary>
    public static double[] Hostile(int seed, int bars)
    {
        var closes = Peg(seed, bars);
        double[] specials = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4.9e-324, 1e-310, 1e300, -0.9995, 0.9990];
        var random = new Random(seed + 1);
        for (var i = 0; i < bars / 50; i++)
        {
            closes[random.Next(bars)] = specials[random.Next(specials.Length)];
        }

        return closes;
    }

    /// <summary>
    /// Returns <paramref name="count"/> (buy, sell) pairs drawn from the series' own values, so closes hit thresholds
    /// exactly and the ≤/≥ edges are exercised; about one pair in ten has buy ≥ sell.
    /// </summary>
    public static (double[] Buys, double[] Sells) Grid(double[] closes, int count, int seed)
    {
        var finite = closes.Where(double.IsFinite).Order().ToArray();
        var random = new Random(seed);
        var buys = new double[count];
        var sells = new double[count];
        for (var i = 0; i < count; i++)
        {
            var a = finite[random.Next(finite.Length)];
            var b = finite[random.Next(finite.Length)];
            var ordered = random.Next(10) != 0;
            buys[i] = ordered ? Math.Min(a, b) : Math.Max(a, b);
            sells[i] = ordered ? Math.Max(a, b) : Math.Min(a, b);
        }

        return (buys, sells);
    }

    private static double[] Walk(int seed, int bars, double start, double reversion, double volatility, double ticksPerUnit)
    {
        var random = new Random(seed);
        var closes = new double[bars];
        var x = start;
        for (var i = 0; i < bars; i++)
        {
            // Box-Muller; the platform's Log/Cos only shape the series, both sides of a comparison read the same doubles.
            var normal = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            x += (reversion * (start - x)) + (volatility * normal);
            closes[i] = Math.Round(x * ticksPerUnit) / ticksPerUnit;
        }

        return closes;
    }
}
