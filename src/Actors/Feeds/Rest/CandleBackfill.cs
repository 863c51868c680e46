using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Actors.Persistence.Postgres;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// Fills a PostgreSQL event store with one instrument's bars of one timeframe from the venue's REST history,
/// incrementally: it brings the <c>candles</c> read model up to date, finds the intervals of the range it lacks
/// (whichever stream closed the bars it has), fetches only those runs, appends each bar as a
/// <see cref="Domain.Events.CandleClosed"/> to the stream <see cref="StreamId"/> in bulk batches, and runs the candles
/// projection again so the table is current. Event ids are derived from the stream and the bar's open time, so a
/// re-run, a resumed run or two runs at once never write a bar twice; a run killed at any point continues from what
/// was stored.
/// </summary>
/// <remarks>
/// Intervals the venue leaves out between two bars (Coinbase prints no bar for a minute without trades) are stored
/// as flat bars at the previous close, flagged <see cref="CandleFlags.Flat"/>, as Kraken and Binance print them and
/// as the candle aggregator builds them; intervals before the first bar the venue knows, and after the last one when
/// no stored bar follows, stay missing, because nothing says whether they will ever trade. Only bars closed by
/// <see cref="CandleBackfillOptions.Time"/> are stored: bars are final, so a bar still open must not be.
/// </remarks>
public sealed partial class CandleBackfill
{
    private readonly PostgresEventStore _store;
    private readonly IRestHistoryClient _client;
    private readonly CandleBackfillOptions _options;

    /// <summary>Creates a backfill into <paramref name="store"/> from <paramref name="client"/>'s venue.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is below 1.</exception>
    public CandleBackfill(PostgresEventStore store, IRestHistoryClient client, CandleBackfillOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new CandleBackfillOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Time, nameof(options));
        _store = store;
        _client = client;
    }

    /// <summary>Returns the stream a backfill appends to, e.g. <c>backfill/candles/kraken:USDC/USD/1m</c>.</summary>
    public static string StreamId(InstrumentId instrument, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return $"backfill/candles/{instrument}/{timeframe}";
    }

    /// <summary>
    /// Makes the store hold every bar of <paramref name="request"/>'s range that the venue has, and returns what it
    /// did. <paramref name="progress"/> hears after each batch.
    /// </summary>
    /// <exception cref="ArgumentException">The range is empty or reversed, the symbol cannot be read, or the venue does not serve the timeframe.</exception>
    /// <exception cref="RestRequestException">The venue refused a request or stayed unreachable; what was stored so far stays.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; what was stored so far stays, and the next run continues from it.</exception>
    public async Task<BackfillResult> RunAsync(BackfillRequest request, Action<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeframe = request.Timeframe;
        if (request.FromMs >= request.ToMs)
        {
            throw new ArgumentException($"the range [{request.FromMs}, {request.ToMs}) is empty", nameof(request));
        }

        if (!_client.Timeframes.Contains(timeframe))
        {
            throw new ArgumentException($"{_client.Venue} serves candles of {string.Join(", ", _client.Timeframes)}, not {timeframe}", nameof(request));
        }

        var instrument = SymbolMap.TryNormalise(_client.Venue, request.Symbol, out var symbol)
            ? new InstrumentId(_client.Venue, symbol)
            : throw new ArgumentException($"cannot read the {_client.Venue} symbol \"{request.Symbol}\" as BASE/QUOTE", nameof(request));
        var from = timeframe.Ceiling(request.FromMs);
        var to = Math.Max(from, Math.Min(timeframe.Ceiling(request.ToMs), timeframe.Floor(_options.Time.GetUtcNow().ToUnixTimeMilliseconds())));
        var run = new Run(this, instrument, timeframe, from, to, progress);
        await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return run.Result();
    }
}
