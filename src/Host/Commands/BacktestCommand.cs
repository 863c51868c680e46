using ActorArb.Actors.Persistence;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Actors.Persistence.Projections;
using ActorArb.Actors.Replay;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;
using ActorArb.Host.Composition;
using ActorArb.Host.Configuration;
using ActorArb.Host.Reports;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb backtest</c>: replays a historical source through the actor graph on the deterministic
/// dispatcher and writes <c>result.json</c> and <c>report.html</c>; a spread replays several sources at once
/// (<see cref="SpreadBacktest"/>).
/// </summary>
internal static class BacktestCommand
{
    public static async Task<int> RunAsync(CommandLine line)
    {
        var configPath = line.Get("config") ?? "config.hocon";
        var quiet = line.Flag("quiet");
        var config = Parse(configPath);
        var settings = Load(config, line);
        var persistence = PersistenceSettings.Bind(config).WithStore(line.Get("store"));
        var runId = line.Get("run-id") ?? settings.Fingerprint();
        var resume = line.Flag("resume");
        var every = line.GetLong("checkpoint-every") ?? 8;
        line.EnsureAllRead("backtest");
        if (persistence.Store != "postgres" && resume)
        {
            throw new UsageException("--resume needs the postgres store (--store postgres): only it keeps checkpoints across processes");
        }

        if (every is < 1 or > int.MaxValue)
        {
            throw new UsageException($"--checkpoint-every: expected a number of source batches of at least 1, got {every}");
        }

        if (settings.Strategy.Spread is not null)
        {
            // A spread replay is short and writes idempotently; it runs again from the start rather than resuming.
            return resume
                ? throw new UsageException("--resume: a spread backtest does not checkpoint; run it again (its events are written idempotently)")
                : await SpreadBacktest.RunAsync(settings, persistence, runId, quiet).ConfigureAwait(false);
        }

        var progress = new ProgressBar("replay", enabled: !quiet);
        var unit = settings.Source.Kind == SourceKindSetting.CsvTicks ? "ticks" : "candles";
        await using var pg = persistence.Store == "postgres" || settings.Source.Kind == SourceKindSetting.StoreCandles
            ? await persistence.OpenPostgresAsync().ConfigureAwait(false)
            : null;

        // On PostgreSQL the replay writes as it goes and checkpoints itself, so a run killed mid-way continues with
        // --resume; in memory nothing outlives the process, so it runs without checkpoints.
        var durable = persistence.Store == "postgres" && pg is not null;
        var outcome = await BacktestRunner.RunAsync(
            Plan(settings, runId, pg),
            durable ? pg : new InMemoryEventStore(new ManualClock()),
            p => progress.Report(p.Position, p.EstimatedCount, unit),
            durable ? new ReplayCheckpoints((int)every, resume) : null).ConfigureAwait(false);
        progress.Done(outcome.Quality.RowsRead, unit);
        if (durable)
        {
            await CatchUpAsync(pg!, runId, outcome.EventsPersisted).ConfigureAwait(false);
        }

        WriteOutputs(
            settings.OutputDirectory,
            ResultJson.Write(outcome, settings.ConfigJson, settings.Overrides, settings.MaxEquityPoints),
            HtmlReport.Render(outcome),
            quiet ? null : () => ConsoleSummary.Write(Console.Out, outcome));
        return 0;
    }

    /// <summary>Brings the candles and orders projections up to date after a run stored in PostgreSQL, and says so.</summary>
    internal static async Task CatchUpAsync(PostgresEventStore pg, string runId, long eventsPersisted)
    {
        await new ProjectionRunner(pg, [new CandleProjection(), new OrdersProjection()]).CatchUpAsync().ConfigureAwait(false);
        Console.Out.WriteLine($"run {runId} holds {eventsPersisted:N0} events in PostgreSQL schema {pg.Schema}; candles and orders projections caught up");
    }

    /// <summary>Writes <c>result.json</c> and <c>report.html</c> into <paramref name="directory"/>, prints the summary (when given) and names the files.</summary>
    internal static void WriteOutputs(string directory, byte[] resultJson, string reportHtml, Action? summary) =>
        OutputFiles.Write(
            directory,
            [("result.json", path => File.WriteAllBytes(path, resultJson)), ("report.html", path => File.WriteAllText(path, reportHtml))],
            summary);

    /// <summary>Parses the config file, with environment substitution for secrets.</summary>
    internal static HoconConfig Parse(string configPath) =>
        File.Exists(configPath)
            ? HoconParser.ParseFile(configPath, Environment.GetEnvironmentVariable)
            : throw new UsageException($"config file not found: {configPath}");

    /// <summary>Binds the backtest section, then applies command-line overrides.</summary>
    internal static BacktestSettings Load(HoconConfig config, CommandLine line)
    {
        var settings = BacktestSettings.Bind(config);
        var source = settings.Source;
        var overrides = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "source", "path", "exchange", "symbol", "timeframe", "from", "to" })
        {
            if (line.Get(name) is { } value)
            {
                overrides[name] = name == "path" ? Path.GetFullPath(value) : value;
            }
        }

        if (line.Get("source") is { } kind)
        {
            source = source with
            {
                Kind = kind switch
                {
                    "synthetic" => SourceKindSetting.Synthetic,
                    "csv-candles" => SourceKindSetting.CsvCandles,
                    "csv-ticks" => SourceKindSetting.CsvTicks,
                    "store-candles" => SourceKindSetting.StoreCandles,
                    _ => throw new UsageException($"--source: expected synthetic, csv-candles, csv-ticks or store-candles, got \"{kind}\""),
                },
            };
        }

        if (line.Get("path") is { } path)
        {
            source = source with
            {
                Path = Path.GetFullPath(path),
                Kind = source.Kind == SourceKindSetting.Synthetic ? SourceKindSetting.CsvCandles : source.Kind,
            };
        }

        if (source.Kind is SourceKindSetting.CsvCandles or SourceKindSetting.CsvTicks && source.Path is null)
        {
            throw new UsageException("a CSV source needs a file: give --path FILE or backtest.source.path");
        }

        var exchange = line.Get("exchange");
        var symbol = line.Get("symbol");
        if (exchange is not null || symbol is not null)
        {
            source = source with { Instrument = source.Instrument with { Id = new InstrumentId(exchange ?? source.Instrument.Id.Exchange, symbol ?? source.Instrument.Id.Symbol) } };
        }

        if (line.GetTimeframe("timeframe") is { } timeframe)
        {
            source = source with { Timeframe = timeframe };
        }

        source = source with { FromMs = line.GetDate("from") ?? source.FromMs, ToMs = line.GetDate("to") ?? source.ToMs };
        return settings with { Source = source, OutputDirectory = line.Get("out") ?? settings.OutputDirectory, Overrides = overrides };
    }

    /// <summary>Returns the replay plan for these settings.</summary>
    internal static BacktestPlan Plan(BacktestSettings s, string runId, PostgresEventStore? store = null) => new(
        runId,
        s.Source.Instrument,
        () => s.Source.Open(store),
        s.Source.Timeframe,
        s.Candles,
        s.Regime,
        s.RegimeTimeframe,
        s.Strategy.Create,
        s.Strategy.Timeframe,
        s.Risk,
        s.Fills,
        s.InitialCash);
}
