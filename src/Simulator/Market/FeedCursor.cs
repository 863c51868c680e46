using ActorArb.Actors.Replay.Sources;
using ActorArb.Domain.Market;

namespace ActorArb.Simulator.Market;

/// <summary>Reads one feed's ticks in order, from a tick file (in batches) or from memory, with a one-tick look-ahead.</summary>
internal sealed class FeedCursor : IDisposable
{
    private const int BatchSize = 4096;

    private readonly HistoricalSource? source;
    private readonly IReadOnlyList<TradeTick>? ticks;
    private readonly List<TradeTick> buffer = new(BatchSize);
    private int position;
    private int listPosition;
    private bool exhausted;

    /// <summary>Opens the feed's source.</summary>
    /// <exception cref="DataFormatException">The tick file's header is wrong.</exception>
    /// <exception cref="IOException">The tick file cannot be opened.</exception>
    /// <exception cref="ArgumentException">The file options are invalid.</exception>
    public FeedCursor(FeedState feed, SimulatorFeed spec)
    {
        Feed = feed;
        if (spec.Path is { } path)
        {
            // The tick size only decides off-tick warnings, which a simulator has no use for: the finest one silences them.
            source = new CsvTickSource(path, new Instrument(feed.Instrument, new Price(1)), spec.FileOptions ?? CsvSourceOptions.Default);
        }
        else
        {
            ticks = spec.Ticks;
        }
    }

    /// <summary>Gets the feed the ticks are published to.</summary>
    public FeedState Feed { get; }

    /// <summary>Returns true and the next tick's time while ticks remain.</summary>
    public bool TryPeekTime(out long timeMs)
    {
        if (!Fill())
        {
            timeMs = 0;
            return false;
        }

        timeMs = ticks is not null ? ticks[listPosition].TimeMs : buffer[position].TimeMs;
        return true;
    }

    /// <summary>Returns the next tick and moves past it; call only after <see cref="TryPeekTime"/> returned true.</summary>
    public TradeTick Take() => ticks is not null ? ticks[listPosition++] : buffer[position++];

    /// <inheritdoc />
    public void Dispose() => source?.Dispose();

    private bool Fill()
    {
        if (ticks is not null)
        {
            return listPosition < ticks.Count;
        }

        if (position < buffer.Count)
        {
            return true;
        }

        if (exhausted || source is null)
        {
            return false;
        }

        buffer.Clear();
        position = 0;
        if (source.ReadTicks(buffer, BatchSize) == 0)
        {
            exhausted = true;
            source.Dispose();
            return false;
        }

        return true;
    }
}
