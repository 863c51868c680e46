using System.Globalization;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.Feeds.Rest;
using ActorArb.Domain.Market;
using ActorArb.Domain.Time;
using ActorArb.Host.Composition;
using ActorArb.Host.Reports;

namespace ActorArb.Host.Commands;

/// <summary>
/// <c>actorarb backfill</c>: fills the PostgreSQL event store with one instrument's bars from the venue's REST
/// history, fetching only the bars the store lacks (see <see cref="CandleBackfill"/>), with a progress bar and a
/// summary. Exits 0 when done, 2 on a usage error, 3 on a config error, 5 when the venue refuses a request or stays
/// unreachable, 130 on Ctrl-C; whatever was stored stays, and running the command again continues from it.
/// </summary>
internal static class BackfillCommand
{
    /// <summary>The exit code when the venue refused a request or stayed unreachable.</summary>
    public const int VenueFailed = 5;

    public static async Task<int> RunAsync(CommandLine line)
    {
        var venue = Required(line, "exchange");
        if (!RateLimits.Venues.Contains(venue))
        {
            throw new UsageException($"--exchange: expected {string.Join(", ", RateLimits.Venues)}, got \"{venue}\"");
        }

        var symbolText = Required(line, "symbol");
        var symbol = SymbolMap.TryNormalise(venue, symbolText, out var normalised)
            ? normalised
            : throw new UsageException($"--symbol: expected BASE/QUOTE such as USDC/USD, got \"{symbolText}\"");
        var timeframe = line.GetTimeframe("timeframe") ?? Timeframe.OneMinute;
        var fromMs = line.GetDate("from") ?? throw new UsageException("backfill needs --from DATE (UTC, e.g. 2023-03-01)");
        var toMs = line.GetDate("to") ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var restUrl = line.Get("rest-url");
        var quiet = line.Flag("quiet");
        var config = BacktestCommand.Parse(line.Get("config") ?? "config.hocon");
        var persistence = PersistenceSettings.Bind(config).WithStore(line.Get("store"));
        line.EnsureAllRead("backfill");
        if (fromMs >= toMs)
        {
            throw new UsageException($"--from {UnixTime.ToIso(fromMs)} must come before --to {UnixTime.ToIso(toMs)}");
        }

        if (persistence.Store != "postgres")
        {
            throw new UsageException("backfill writes to the PostgreSQL event store: set persistence.store = postgres in the config (or pass --store postgres) and the connection in ACTORARB_PG");
        }

        var feeds = FeedSettings.Bind(config);
        var baseUri = restUrl is null ? feeds[venue].RestUrl : RestUrl(restUrl);
        using var transport = new RestTransport(new RestTransportOptions(venue, baseUri));
        var client = RestHistoryClients.Create(transport);
        if (!client.Timeframes.Contains(timeframe))
        {
            throw new UsageException($"--timeframe: {venue} serves candles of {string.Join(", ", client.Timeframes)}, not {timeframe}");
        }

        await using var store = await persistence.OpenPostgresAsync().ConfigureAwait(false);
        var instrument = new InstrumentId(venue, symbol);
        var progress = new ProgressBar("backfill", enabled: !quiet);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("\ncancelling: the bars stored so far stay; run the same command again to continue");
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            Console.Out.WriteLine($"backfill {instrument} {timeframe} [{UnixTime.ToIso(fromMs)}, {UnixTime.ToIso(toMs)}) from {transport.BaseUrl} into PostgreSQL schema {store.Schema}");
            var result = await new CandleBackfill(store, client).RunAsync(
                new BackfillRequest(symbol, timeframe, fromMs, toMs),
                p => progress.Report(p.BarsDone, p.BarsExpected, "bars"),
                cancel.Token).ConfigureAwait(false);
            progress.Done(result.Expected - result.StillMissing, "bars");
            Summary(Console.Out, result);
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"cancelled: requests {transport.Counters.Requests:N0}, retries {transport.Counters.Retries:N0}, rate-limited {transport.Counters.RateLimited:N0}");
            return 130;
        }
        catch (RestRequestException e)
        {
            Console.Error.WriteLine($"actorarb: backfill: {e.Message}");
            Console.Error.WriteLine("the bars stored before the failure stay; run the same command again to continue");
            return VenueFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes what a run did: bars, gaps and REST traffic.</summary>
    internal static void Summary(TextWriter output, BackfillResult r)
    {
        var n = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(n, $"stream {r.StreamId}: range [{UnixTime.ToIso(r.FromMs)}, {UnixTime.ToIso(r.ToMs)}) of closed bars"));
        output.WriteLine(string.Create(n, $"bars: {r.Expected:N0} expected, {r.AlreadyPresent:N0} already present, {r.Fetched:N0} fetched, {r.FlatsFilled:N0} flat filled, {r.Written:N0} events written, {r.StillMissing:N0} still missing"));
        output.WriteLine(string.Create(n, $"gaps: {r.Gaps:N0} found, {r.GapsClosed:N0} closed"));
        output.WriteLine(string.Create(n, $"rest: {r.Rest.Requests:N0} requests, {r.Rest.Retries:N0} retries, {r.Rest.RateLimited:N0} rate-limited, {r.Rest.Bytes:N0} bytes"));
    }

    private static string Required(CommandLine line, string name) =>
        line.Get(name) is { Length: > 0 } value && value != "true" ? value : throw new UsageException($"backfill needs --{name}");

    private static Uri RestUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--rest-url: expected an absolute http(s) URL, got \"{text}\"");
}
