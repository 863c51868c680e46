using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>
/// One venue's public REST history: candles and trades, paged through the venue's own cursors so that every bar and
/// every trade in the range comes exactly once, oldest first, normalised like the WebSocket adapters (exact prices,
/// UTC milliseconds truncated, the aggressor's side, trade ids as the venue's text). Symbols may be given in any
/// spelling <c>SymbolMap</c> reads (<c>USDC/USD</c>, <c>USDC-USD</c>, <c>USDCUSD</c>); the ticks and candles carry the
/// normalised one. Requests go through <see cref="Transport"/> (rate limits, retries, counters).
/// </summary>
public interface IRestHistoryClient
{
    /// <summary>Gets the venue, the <c>InstrumentId.Exchange</c> of what the client returns.</summary>
    string Venue { get; }

    /// <summary>Gets the transport, with its counters.</summary>
    RestTransport Transport { get; }

    /// <summary>Gets the candle lengths the venue serves.</summary>
    IReadOnlyList<Timeframe> Timeframes { get; }

    /// <summary>
    /// Returns the venue's bars of <paramref name="timeframe"/> opening in [<paramref name="fromMs"/>,
    /// <paramref name="toMs"/>), oldest first. Bars the venue prints for intervals without trades (Kraken, Binance)
    /// come flagged <see cref="CandleFlags.Flat"/>; Coinbase leaves such intervals out. The newest bar may still be
    /// open at the venue (Coinbase, Binance): callers that store bars stop at their own clock. Trade counts are 0
    /// where the venue does not give them (Coinbase). Kraken's bars older than its OHLC endpoint keeps (720 bars) are
    /// built from its trades.
    /// </summary>
    /// <exception cref="ArgumentException">The venue does not serve <paramref name="timeframe"/> or the symbol cannot be read.</exception>
    /// <exception cref="RestRequestException">A request failed for good.</exception>
    IAsyncEnumerable<Candle> CandlesAsync(string symbol, Timeframe timeframe, long fromMs, long toMs, CancellationToken cancellationToken = default);

    /// <summary>Returns the trades from <paramref name="from"/> with times before <paramref name="toMs"/>, oldest first.</summary>
    /// <exception cref="ArgumentException">The symbol cannot be read, or the cursor's trade id is not the venue's numeric id.</exception>
    /// <exception cref="RestRequestException">A request failed for good.</exception>
    IAsyncEnumerable<TradeTick> TradesAsync(string symbol, TradeCursor from, long toMs, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the trades strictly between <paramref name="afterId"/> and <paramref name="beforeId"/> (or, when
    /// <paramref name="beforeId"/> is empty, every trade after <paramref name="afterId"/> the venue has), oldest first:
    /// the refill of a live feed's gap. <paramref name="afterTimeMs"/> is the time of <paramref name="afterId"/>, which
    /// Kraken needs because it pages trades by time.
    /// </summary>
    /// <exception cref="ArgumentException">An id is not the venue's numeric id (e.g. a Kraken v1 feed's derived one).</exception>
    /// <exception cref="RestRequestException">A request failed for good.</exception>
    IAsyncEnumerable<TradeTick> TradesBetweenIdsAsync(string symbol, string afterId, string beforeId, long afterTimeMs, CancellationToken cancellationToken = default);
}
