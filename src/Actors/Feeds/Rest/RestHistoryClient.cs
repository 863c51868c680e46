using System.Text.Json;
using ActorArb.Actors.Feeds.Exchanges;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>What every venue's client shares: the transport, symbol and timeframe checks, and reading JSON answers.</summary>
internal abstract class RestHistoryClient(RestTransport transport) : IRestHistoryClient
{
    /// <inheritdoc />
    public string Venue => transport.Venue;

    /// <inheritdoc />
    public RestTransport Transport => transport;

    /// <inheritdoc />
    public abstract IReadOnlyList<Timeframe> Timeframes { get; }

    /// <inheritdoc />
    public abstract IAsyncEnumerable<Candle> CandlesAsync(string symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract IAsyncEnumerable<TradeTick> TradesAsync(string symbol, TradeCursor from, long toMs, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract IAsyncEnumerable<TradeTick> TradesBetweenIdsAsync(string symbol, string afterId, string beforeId, long afterTimeMs, CancellationToken cancellationToken = default);

    /// <summary>Returns the instrument of any spelling of a symbol on this venue.</summary>
    /// <exception cref="ArgumentException">The symbol cannot be split into base and quote.</exception>
    protected InstrumentId Instrument(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return SymbolMap.TryNormalise(Venue, symbol, out var normalised)
            ? new InstrumentId(Venue, normalised)
            : throw new ArgumentException($"cannot read the {Venue} symbol \"{symbol}\" as BASE/QUOTE", nameof(symbol));
    }

    /// <summary>Throws unless the venue serves bars of <paramref name="timeframe"/>.</summary>
    /// <exception cref="ArgumentException">The timeframe is not served.</exception>
    protected void RequireTimeframe(Timeframe timeframe)
    {
        if (!Timeframes.Contains(timeframe))
        {
            throw new ArgumentException($"{Venue} serves candles of {string.Join(", ", Timeframes)}, not {timeframe}", nameof(timeframe));
        }
    }

    /// <summary>
    /// Sends a GET and reads its JSON answer with <paramref name="read"/>; an answer that is not JSON or not the shape
    /// expected becomes a <see cref="RestRequestException"/> quoting the start of the body.
    /// </summary>
    protected async Task<T> GetAsync<T>(string pathAndQuery, double cost, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var body = await transport.GetAsync(pathAndQuery, cost, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception error) when (error is JsonException or WireFormatException or InvalidOperationException)
        {
            throw new RestRequestException(Venue, transport.BaseUrl + pathAndQuery, 200, $"unreadable answer ({error.Message}): {RestAnswers.Sample(body)}", 1, error);
        }
    }
}
