namespace ActorArb.Domain.Market.Synthetic;

/// <summary>
/// Parameters of a synthetic stablecoin series: an Ornstein-Uhlenbeck walk around <see cref="Peg"/> with one de-peg
/// episode (a fast drop over a few hours to <c>Peg × (1 − DepegDepth)</c>, then a slow recovery). The defaults give
/// 30 days of 1m bars from 2025-01-01 with a de-peg to about 0.92 on day 14.
/// </summary>
/// <remarks>
/// This is a record with an explicit constructor rather than a positional record because a <see cref="Price"/>
/// default (<see cref="TickSize"/> = 0.0001) cannot be written as a constant parameter default; the parameters keep
/// the property names, so <c>new SyntheticPegOptions(Seed: 7, Bars: 1440)</c>, object initialisers and
/// <c>with</c> all work.
/// </remarks>
public sealed record SyntheticPegOptions
{
    /// <summary>The default tick size, 0.0001.</summary>
    public static readonly Price DefaultTickSize = new(100_000);

    /// <summary>Creates options; every argument has the documented default and <paramref name="TickSize"/> null means 0.0001.</summary>
    public SyntheticPegOptions(
        ulong Seed = 42,
        long StartMs = 1_735_689_600_000,
        int Bars = 43_200,
        double Peg = 1.0,
        double MeanReversion = 0.05,
        double Volatility = 0.0004,
        Price? TickSize = null,
        double DepegDepth = 0.08,
        int DepegStartBar = 20_160,
        int DepegDurationBars = 4_320,
        double BaseVolume = 50_000)
    {
        this.Seed = Seed;
        this.StartMs = StartMs;
        this.Bars = Bars;
        this.Peg = Peg;
        this.MeanReversion = MeanReversion;
        this.Volatility = Volatility;
        this.TickSize = TickSize ?? DefaultTickSize;
        this.DepegDepth = DepegDepth;
        this.DepegStartBar = DepegStartBar;
        this.DepegDurationBars = DepegDurationBars;
        this.BaseVolume = BaseVolume;
    }

    /// <summary>Gets the seed of the pseudo-random stream; the same seed and options give the same candles, bit for bit.</summary>
    public ulong Seed { get; init; }

    /// <summary>Gets the open time of the first bar (Unix ms, aligned to the minute).</summary>
    public long StartMs { get; init; }

    /// <summary>Gets the number of 1m bars to produce.</summary>
    public int Bars { get; init; }

    /// <summary>Gets the price the series reverts to outside the de-peg.</summary>
    public double Peg { get; init; }

    /// <summary>Gets the fraction of the gap to the target closed per bar (the Ornstein-Uhlenbeck speed, per minute).</summary>
    public double MeanReversion { get; init; }

    /// <summary>Gets the standard deviation of the random shock per bar, in price units, outside the de-peg.</summary>
    public double Volatility { get; init; }

    /// <summary>Gets the tick size every produced price is a whole, positive multiple of.</summary>
    public Price TickSize { get; init; }

    /// <summary>Gets the depth of the de-peg as a fraction of the peg (0.08 puts the target low at 0.92 × peg).</summary>
    public double DepegDepth { get; init; }

    /// <summary>Gets the bar index at which the de-peg starts.</summary>
    public int DepegStartBar { get; init; }

    /// <summary>Gets the length of the de-peg in bars (drop plus recovery); zero turns the de-peg off.</summary>
    public int DepegDurationBars { get; init; }

    /// <summary>Gets the mean volume per bar outside the de-peg.</summary>
    public double BaseVolume { get; init; }
}
