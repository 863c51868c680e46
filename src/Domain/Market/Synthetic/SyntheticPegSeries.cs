namespace ActorArb.Domain.Market.Synthetic;

/// <summary>
/// Generates a seeded synthetic stablecoin series of 1m candles, for embedded backtests, demos and tests.
/// </summary>
/// <remarks>
/// <para>
/// Each bar takes <see cref="SubSteps"/> Ornstein-Uhlenbeck steps toward a target price: the peg, or during the
/// de-peg a target that falls to <c>Peg × (1 − DepegDepth)</c> over the first twelfth of the episode (smoothstep, so
/// hours for the default three days) and climbs back over the rest. Shocks are twice as large at the bottom of the
/// de-peg. Every sub-step is quantised to the tick size (at least one tick); the bar opens at the previous close, and
/// high and low are the extremes of the open and the sub-step prices, so high ≥ max(open, close) and
/// low ≤ min(open, close) by construction. Volume is uniform around <see cref="SyntheticPegOptions.BaseVolume"/> and up
/// to six times higher during the de-peg. Trade counts are unknown and left at zero.
/// </para>
/// <para>
/// Determinism: the random stream is <see cref="Xoshiro256StarStar"/>; all arithmetic is IEEE-754 basic operations
/// and square roots in a fixed order (no <see cref="System.Random"/>, no platform <c>Math.Log</c>/<c>Exp</c>, no fused
/// multiply-add), so the same options give identical candles on every run and machine.
/// </para>
/// </remarks>
public static class SyntheticPegSeries
{
    /// <summary>Random-walk steps per 1m bar; open/high/low/close come from these.</summary>
    public const int SubSteps = 4;

    /// <summary>How much larger (as a multiple of the normal size) shocks get at the bottom of the de-peg.</summary>
    private const double StressVolatilityBoost = 1.0;

    /// <summary>How many times the base volume is added at the bottom of the de-peg.</summary>
    private const double StressVolumeBoost = 5.0;

    private const string Owner = nameof(SyntheticPegOptions);

    /// <summary>
    /// Returns the candles lazily, one per minute from <see cref="SyntheticPegOptions.StartMs"/>; the options are
    /// checked at once, not on first enumeration.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="Validate"/>).</exception>
    public static IEnumerable<Candle> Generate(Instrument instrument, SyntheticPegOptions options)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        Validate(options);
        return Enumerate(instrument.Id, options);
    }

    /// <summary>
    /// Throws when an option cannot produce a valid series: negative bars or de-peg window, a non-positive or
    /// non-finite peg, volatility or base volume below zero, mean reversion outside (0, 1], de-peg depth outside
    /// [0, 1), a non-positive tick size, or a start time not aligned to the minute.
    /// </summary>
    /// <exception cref="ArgumentException">The option named in the message is out of range.</exception>
    public static void Validate(SyntheticPegOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Require(options.Bars >= 0, Owner, nameof(options.Bars), "must not be negative");
        Guard.Require(double.IsFinite(options.Peg) && options.Peg > 0, Owner, nameof(options.Peg), "must be positive and finite");
        Guard.Require(options.MeanReversion > 0 && options.MeanReversion <= 1, Owner, nameof(options.MeanReversion), "must be in (0, 1]");
        Guard.Require(double.IsFinite(options.Volatility) && options.Volatility >= 0, Owner, nameof(options.Volatility), "must be finite and not negative");
        Guard.Require(options.TickSize.Raw > 0, Owner, nameof(options.TickSize), "must be positive");
        Guard.Require(options.DepegDepth >= 0 && options.DepegDepth < 1, Owner, nameof(options.DepegDepth), "must be in [0, 1)");
        Guard.Require(options.DepegStartBar >= 0, Owner, nameof(options.DepegStartBar), "must not be negative");
        Guard.Require(options.DepegDurationBars >= 0, Owner, nameof(options.DepegDurationBars), "must not be negative");
        Guard.Require(double.IsFinite(options.BaseVolume) && options.BaseVolume >= 0, Owner, nameof(options.BaseVolume), "must be finite and not negative");
        Guard.Require(Timeframe.OneMinute.IsAligned(options.StartMs), Owner, nameof(options.StartMs), "must be aligned to the minute");
    }

    /// <summary>
    /// Returns how far into the de-peg bar <paramref name="bar"/> is, from 0 (at the peg) to 1 (at the bottom): a
    /// smoothstep down over the first twelfth of the episode and a smoothstep back up over the rest.
    /// </summary>
    internal static double DepegFraction(int bar, int startBar, int durationBars)
    {
        var t = (long)bar - startBar;
        if (durationBars <= 0 || t < 0 || t >= durationBars)
        {
            return 0.0;
        }

        var dropBars = Math.Max(1, durationBars / 12);
        if (t < dropBars)
        {
            return Smoothstep((double)t / dropBars);
        }

        return 1.0 - Smoothstep((double)(t - dropBars) / (durationBars - dropBars));
    }

    private static IEnumerable<Candle> Enumerate(InstrumentId id, SyntheticPegOptions o)
    {
        var rng = new Xoshiro256StarStar(o.Seed);
        var tickRaw = o.TickSize.Raw;
        var ticksPerUnit = (double)Price.Scale / tickRaw;
        var reversion = o.MeanReversion / SubSteps;
        var shockScale = o.Volatility / Math.Sqrt(SubSteps);
        var x = o.Peg;
        var closeTicks = Quantise(x, ticksPerUnit);

        for (var bar = 0; bar < o.Bars; bar++)
        {
            var stress = DepegFraction(bar, o.DepegStartBar, o.DepegDurationBars);
            var target = o.Peg * (1.0 - (o.DepegDepth * stress));
            var shock = shockScale * (1.0 + (StressVolatilityBoost * stress));

            var openTicks = closeTicks;
            var highTicks = openTicks;
            var lowTicks = openTicks;
            for (var step = 0; step < SubSteps; step++)
            {
                x += (reversion * (target - x)) + (shock * rng.NextStandardNormal());
                closeTicks = Quantise(x, ticksPerUnit);
                highTicks = Math.Max(highTicks, closeTicks);
                lowTicks = Math.Min(lowTicks, closeTicks);
            }

            var volume = o.BaseVolume * (0.5 + rng.NextDouble()) * (1.0 + (StressVolumeBoost * stress));
            yield return new Candle(
                id,
                Timeframe.OneMinute,
                o.StartMs + (bar * Timeframe.OneMinute.Ms),
                new Price(openTicks * tickRaw),
                new Price(highTicks * tickRaw),
                new Price(lowTicks * tickRaw),
                new Price(closeTicks * tickRaw),
                volume,
                TradeCount: 0,
                CandleFlags.None);
        }
    }

    /// <summary>Returns the nearest whole number of ticks (ties to even), never less than one tick.</summary>
    private static long Quantise(double price, double ticksPerUnit) => Math.Max(1L, (long)Math.Round(price * ticksPerUnit));

    private static double Smoothstep(double f) => f * f * (3.0 - (2.0 * f));
}
