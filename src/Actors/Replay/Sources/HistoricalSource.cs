using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// A finite, time-ordered stream of historical market data that drives a replay: candles or trade ticks read in
/// batches into a caller-owned list, so the hot path allocates nothing per batch. A source is read by one thread,
/// front to back, once; dispose it to release its file.
/// </summary>
public abstract class HistoricalSource : IDisposable
{
    private bool disposed;

    /// <summary>Gets whether the source yields candles or ticks.</summary>
    public abstract SourceKind Kind { get; }

    /// <summary>Gets a human-readable description, e.g. <c>csv candles /data/USDCUSD.csv (kraken:USDC/USD 1m)</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Gets the instrument every item belongs to.</summary>
    public abstract Instrument Instrument { get; }

    /// <summary>Gets the running data-quality counts and samples.</summary>
    public DataQualityReport Quality { get; } = new();

    /// <summary>
    /// Gets an estimate of the total number of rows the source will consume, for a progress bar; exact for
    /// synthetic sources and once a file source has finished; null when unknown.
    /// </summary>
    public virtual long? EstimatedCount => null;

    /// <summary>Gets the number of rows consumed so far (skipped and out-of-range rows included), comparable with <see cref="EstimatedCount"/>.</summary>
    public long Position => Quality.RowsRead;

    /// <summary>
    /// Appends up to <paramref name="max"/> candles in time order to <paramref name="into"/> and returns how many were
    /// appended; 0 means the source is exhausted.
    /// </summary>
    /// <remarks>The base implementation serves tick sources: it checks the arguments and throws, because the source yields ticks.</remarks>
    /// <exception cref="InvalidOperationException">The source yields ticks, or it stopped earlier at a bad row.</exception>
    /// <exception cref="DataFormatException">A bad row was found under <see cref="BadRowPolicy.Stop"/>.</exception>
    public virtual int ReadCandles(List<Candle> into, int max)
    {
        CheckRead(into, max, SourceKind.Candles);
        return 0;
    }

    /// <summary>
    /// Appends up to <paramref name="max"/> ticks in time order to <paramref name="into"/> and returns how many were
    /// appended; 0 means the source is exhausted.
    /// </summary>
    /// <remarks>The base implementation serves candle sources: it checks the arguments and throws, because the source yields candles.</remarks>
    /// <exception cref="InvalidOperationException">The source yields candles, or it stopped earlier at a bad row.</exception>
    /// <exception cref="DataFormatException">A bad row was found under <see cref="BadRowPolicy.Stop"/>.</exception>
    public virtual int ReadTicks(List<TradeTick> into, int max)
    {
        CheckRead(into, max, SourceKind.Ticks);
        return 0;
    }

    /// <summary>Returns <see cref="Description"/>.</summary>
    public override string ToString() => Description;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the source's resources; called once by <see cref="Dispose()"/>.</summary>
    protected virtual void Dispose(bool disposing) => disposed = true;

    /// <summary>Throws unless the read arguments are usable, the source is not disposed and yields <paramref name="asked"/>.</summary>
    protected void CheckRead<T>(List<T> into, int max, SourceKind asked)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (asked != Kind)
        {
            throw new InvalidOperationException($"{Description} yields {Kind.ToString().ToLowerInvariant()}, not {asked.ToString().ToLowerInvariant()}.");
        }
    }
}
