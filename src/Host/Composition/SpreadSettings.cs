using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Host.Configuration;

namespace ActorArb.Host.Composition;

/// <summary>
/// The cross-exchange spread of <c>backtest.strategy.spread</c> (with <c>type = spread</c>): the legs (one venue each,
/// the same symbol), the edge it needs and how much it trades. Fees and slippage default to the execution section.
/// </summary>
internal sealed record SpreadSettings(
    string? Symbol,
    IReadOnlyList<SpreadLegSettings> Legs,
    double MinEdgeBps,
    double SlippageBufferBps,
    double MaxUnits,
    double MinUnits,
    long MaxQuoteAgeMs,
    HoconConfig Config)
{
    /// <summary>Binds <c>backtest.strategy.spread</c>.</summary>
    public static SpreadSettings Bind(HoconConfig c)
    {
        c.EnsureOnlyKeys("symbol", "legs", "min-edge-bps", "slippage-buffer-bps", "max-units", "min-units", "max-quote-age");
        if (!c.HasPath("legs"))
        {
            throw c.InvalidValue("legs", "a list of at least two venues, e.g. [{ exchange = kraken, initial-units = 5000 }, { exchange = binance, initial-units = 5000 }]");
        }

        var legs = new List<SpreadLegSettings>();
        foreach (var leg in c.GetConfigList("legs"))
        {
            leg.EnsureOnlyKeys("exchange", "taker-fee-bps", "initial-cash", "initial-units");
            if (!leg.HasPath("exchange"))
            {
                throw leg.InvalidValue("exchange", "the venue of this leg, e.g. kraken");
            }

            if (!leg.HasPath("initial-units"))
            {
                throw leg.InvalidValue("initial-units", "the base units held on this venue at the start (the arbitrage sells them where it is dearer)");
            }

            legs.Add(new SpreadLegSettings(
                leg.GetString("exchange"),
                leg.HasPath("taker-fee-bps") ? NonNegative(leg, "taker-fee-bps") : null,
                leg.HasPath("initial-cash") ? NonNegative(leg, "initial-cash") : null,
                NonNegative(leg, "initial-units")));
        }

        if (legs.Count < 2)
        {
            throw c.InvalidValue("legs", "at least two venues");
        }

        return new SpreadSettings(
            c.HasPath("symbol") ? c.GetString("symbol") : null,
            legs,
            NonNegative(c, "min-edge-bps", 0),
            NonNegative(c, "slippage-buffer-bps", 0),
            c.HasPath("max-units") && c.GetDouble("max-units") is var max && max > 0 && double.IsFinite(max) ? max : throw c.InvalidValue("max-units", "the most base units one arbitrage trades, a number > 0 such as 1000"),
            NonNegative(c, "min-units", 0),
            c.GetDuration("max-quote-age", TimeSpan.FromMinutes(2)) is var age && age > TimeSpan.Zero ? (long)age.TotalMilliseconds : throw c.InvalidValue("max-quote-age", "a duration > 0 such as 2m"),
            c);
    }

    /// <summary>
    /// Returns the engine's options: the legs trade <paramref name="symbol"/> (this section's symbol when set), pay the
    /// execution section's taker fee unless a leg sets its own, and start with an equal share of
    /// <paramref name="initialCash"/> unless a leg sets its own.
    /// </summary>
    /// <exception cref="ConfigException">The options are inconsistent (e.g. two legs on one venue).</exception>
    public SpreadOptions Options(string id, Timeframe timeframe, string symbol, FillModel fills, double initialCash)
    {
        var legs = Legs
            .Select(l => new SpreadLeg(new InstrumentId(l.Exchange, Symbol ?? symbol), l.TakerFeeBps ?? fills.TakerFeeBps, l.InitialCash ?? initialCash / Legs.Count, l.InitialUnits))
            .ToList();
        var options = new SpreadOptions(id, timeframe, legs, SlippageBufferBps, MinEdgeBps, MaxUnits, MinUnits, MaxQuoteAgeMs, fills.SlippageBps, fills.MaxParticipation);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw Config.InvalidValue("legs", e.Message);
        }

        return options;
    }

    private static double NonNegative(HoconConfig c, string key, double? fallback = null)
    {
        var value = c.GetDouble(key, fallback);
        return value >= 0 && double.IsFinite(value) ? value : throw c.InvalidValue(key, "a finite number >= 0");
    }
}

/// <summary>One leg of <c>backtest.strategy.spread.legs</c>; null fields take the defaults.</summary>
internal sealed record SpreadLegSettings(string Exchange, double? TakerFeeBps, double? InitialCash, double InitialUnits);
