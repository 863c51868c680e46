using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Domain.Time;
using ActorArb.Host.Composition;
using ActorArb.Host.Reports;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb backtest</c> with <c>backtest.strategy.type = spread</c>: replays every file of <c>backtest.sources</c>
/// at once, merged in time, through one candle aggregator per venue into the spread arbitrage, and writes
/// <c>result.json</c> and <c>report.html</c>.
/// </summary>
internal static class SpreadBacktest
{
    public static async Task<int> RunAsync(BacktestSettings settings, PersistenceSettings persistence, string runId, bool quiet)
    {
        await using var pg = persistence.Store == "postgres" || settings.Sources.Any(s => s.Kind == SourceKindSetting.StoreCandles)
            ? await persistence.OpenPostgresAsync().ConfigureAwait(false)
            : null;
        var plan = Plan(settings, runId, pg);
        var progress = new ProgressBar("replay", enabled: !quiet);
        var durable = persistence.Store == "postgres" && pg is not null;
        var outcome = await SpreadRunner.RunAsync(
            plan,
            durable ? pg : new InMemoryEventStore(new ManualClock()),
            p => progress.Report(p.Position, p.EstimatedCount, "rows")).ConfigureAwait(false);
        progress.Done(outcome.Sources.Sum(s => s.Quality.RowsRead), "rows");
        if (durable)
        {
            await BacktestCommand.CatchUpAsync(pg!, runId, outcome.EventsPersisted).ConfigureAwait(false);
        }

        BacktestCommand.WriteOutputs(
            settings.OutputDirectory,
            SpreadReport.Json(outcome, settings.ConfigJson, settings.Overrides, settings.MaxEquityPoints),
            SpreadReport.Html(outcome),
            quiet ? null : () => SpreadReport.Write(Console.Out, outcome));
        return 0;
    }

    /// <summary>
    /// Returns the replay plan: one source of <c>backtest.sources</c> per leg, matched by exchange and symbol; the legs
    /// trade the spread's symbol, or the first source's.
    /// </summary>
    /// <exception cref="Configuration.ConfigException">The sources and the legs do not match one to one.</exception>
    internal static SpreadPlan Plan(BacktestSettings s, string runId, PostgresEventStore? store = null)
    {
        var spread = s.Strategy.Spread ?? throw new InvalidOperationException("not a spread backtest");
        if (s.Sources.Count == 0)
        {
            throw spread.Config.InvalidValue("legs", "one source per leg under backtest.sources = [{ kind = csv-candles, path = ..., exchange = kraken, symbol = ... }, ...]; backtest.sources is missing");
        }

        var options = spread.Options(s.Strategy.Id, s.Strategy.Timeframe, s.Sources[0].Instrument.Id.Symbol, s.Fills, s.InitialCash);
        var sources = new List<SpreadSource>();
        foreach (var leg in options.Legs)
        {
            var matching = s.Sources.Where(source => source.Instrument.Id == leg.Instrument).ToList();
            if (matching.Count != 1)
            {
                throw spread.Config.InvalidValue("legs", $"exactly one source in backtest.sources for leg {leg.Instrument}, found {matching.Count} (sources: {string.Join(", ", s.Sources.Select(x => x.Instrument.Id))})");
            }

            var source = matching[0];
            if (s.Strategy.Timeframe.Ms % source.Timeframe.Ms != 0)
            {
                throw spread.Config.InvalidValue("legs", $"sources whose bars divide the spread's timeframe {s.Strategy.Timeframe}; {leg.Instrument} has {source.Timeframe} bars");
            }

            sources.Add(new SpreadSource(source.Instrument, () => source.Open(store), source.Timeframe));
        }

        if (s.Sources.Count != options.Legs.Count)
        {
            throw spread.Config.InvalidValue("legs", $"a leg for every source; backtest.sources has {s.Sources.Count} ({string.Join(", ", s.Sources.Select(x => x.Instrument.Id))}), the spread {options.Legs.Count} legs");
        }

        return new SpreadPlan(runId, sources, s.Candles, options);
    }
}
