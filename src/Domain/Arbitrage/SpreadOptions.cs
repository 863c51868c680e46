using ActorArb.Domain.Market;

namespace ActorArb.Domain.Arbitrage;

/// <summary>
/// Configures a <see cref="SpreadArbitrage"/>. Rates are in basis points and converted as <c>bps / 10000.0</c>.
/// Validation messages name the config keys under <c>spread</c>, e.g. <c>spread.legs[1].taker-fee-bps</c>.
/// </summary>
/// <param name="Id">The strategy id written on every event.</param>
/// <param name="Timeframe">The candle timeframe decisions are taken on (usually 1m); other timeframes are ignored.</param>
/// <param name="Legs">Two or more legs: the same symbol on different exchanges, in the order ties are broken.</param>
/// <param name="SlippageBufferBps">
/// The decision's allowance for slippage: the edge is computed as if the buy paid <c>close * (1 + buffer)</c> and the
/// sell received <c>close * (1 - buffer)</c>. In [0, 10000).
/// </param>
/// <param name="MinEdgeBps">The smallest net edge, in basis points, worth trading; at least 0 (a zero edge never trades).</param>
/// <param name="MaxUnits">The most base units one arbitrage trades; positive and finite.</param>
/// <param name="MinUnits">The fewest base units worth trading; in [0, MaxUnits].</param>
/// <param name="MaxQuoteAgeMs">
/// How old a leg's newest candle may be, relative to the evaluated time, for the engine to wait for that leg;
/// an older (stale) leg is neither waited for nor traded. Positive.
/// </param>
/// <param name="SlippageBps">The fills' actual slippage (the fill model's), in [0, 10000): buys pay more, sells receive less.</param>
/// <param name="MaxParticipation">
/// The largest fraction of each leg's candle volume one arbitrage may trade; 0 or infinity means no cap.
/// </param>
public sealed record SpreadOptions(
    string Id,
    Timeframe Timeframe,
    IReadOnlyList<SpreadLeg> Legs,
    double SlippageBufferBps,
    double MinEdgeBps,
    double MaxUnits,
    double MinUnits,
    long MaxQuoteAgeMs,
    double SlippageBps,
    double MaxParticipation)
{
    private const string Owner = "spread";

    /// <summary>Returns the slippage buffer as a fraction: <c>SlippageBufferBps / 10000.0</c>.</summary>
    public double SlippageBufferRate => SlippageBufferBps / 10000.0;

    /// <summary>Returns the fills' slippage as a fraction: <c>SlippageBps / 10000.0</c>.</summary>
    public double SlippageRate => SlippageBps / 10000.0;

    /// <summary>Returns true when <see cref="MaxParticipation"/> caps the quantity.</summary>
    public bool HasParticipationCap => MaxParticipation > 0 && double.IsFinite(MaxParticipation);

    /// <summary>Throws when the options cannot make an engine.</summary>
    /// <exception cref="ArgumentException">An option is out of range or the legs are inconsistent; the message names the config key.</exception>
    public void Validate()
    {
        Guard.Require(!string.IsNullOrWhiteSpace(Id), Owner, "id", "must not be blank");
        Guard.Require(Timeframe.Ms > 0, Owner, "timeframe", $"must be positive, got {Timeframe.Ms} ms");
        // A binder may hand over a null list despite the annotation; report it as a config error, not a crash.
        var legCount = Legs?.Count ?? 0;
        Guard.Require(legCount >= 2, Owner, "legs", $"must list at least 2 legs, got {legCount}");
        for (var i = 0; i < legCount; i++)
        {
            ValidateLeg(i);
        }

        Bps(SlippageBufferBps, "slippage-buffer-bps");
        Bps(SlippageBps, "slippage-bps");
        Guard.Require(MinEdgeBps >= 0 && double.IsFinite(MinEdgeBps), Owner, "min-edge-bps", $"must be finite and not negative, got {MinEdgeBps}");
        Guard.Require(MaxUnits > 0 && double.IsFinite(MaxUnits), Owner, "max-units", $"must be positive and finite, got {MaxUnits}");
        Guard.Require(MinUnits >= 0 && MinUnits <= MaxUnits, Owner, "min-units", $"must be in [0, max-units {MaxUnits}], got {MinUnits}");
        Guard.Require(MaxQuoteAgeMs > 0, Owner, "max-quote-age", $"must be positive, got {MaxQuoteAgeMs} ms");
        Guard.Require(MaxParticipation >= 0, Owner, "max-participation", $"must be >= 0 (0 or infinity: no cap), got {MaxParticipation}");
    }

    private void ValidateLeg(int i)
    {
        var key = $"legs[{i}]";
        var leg = Legs[i];
        Guard.Require(leg?.Instrument is not null, Owner, key, "must name an instrument");
        var first = Legs[0].Instrument;
        if (leg!.Instrument.Symbol != first.Symbol)
        {
            throw new ArgumentException($"{Owner}.{key}: {leg.Instrument} has symbol {leg.Instrument.Symbol}, expected {first.Symbol}", key);
        }

        for (var k = 0; k < i; k++)
        {
            if (string.Equals(Legs[k].Instrument.Exchange, leg.Instrument.Exchange, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{Owner}.{key}: exchange {leg.Instrument.Exchange} is already legs[{k}]; every leg must be on a different exchange", key);
            }
        }

        Bps(leg.TakerFeeBps, $"{key}.taker-fee-bps");
        Guard.Require(leg.InitialCash >= 0 && double.IsFinite(leg.InitialCash), Owner, $"{key}.initial-cash", $"must be finite and not negative, got {leg.InitialCash}");
        Guard.Require(leg.InitialUnits >= 0 && double.IsFinite(leg.InitialUnits), Owner, $"{key}.initial-units", $"must be finite and not negative, got {leg.InitialUnits}");
    }

    private static void Bps(double value, string key) =>
        Guard.Require(value >= 0 && value < 10000, Owner, key, $"must be in [0, 10000) basis points, got {value}");
}
