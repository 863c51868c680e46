using System.Runtime.InteropServices;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Replays several <see cref="HistoricalSource"/>s at once, merged in the order their rows became known: a tick at
/// its time, a candle at its close. Each source's rows go to its own next actor (its instrument's candle
/// aggregator), so downstream sees the venues interleaved as they were live. Ties go to the source listed first,
/// which makes the merge deterministic. A source that runs out sends <see cref="MarketDataProtocol.EndOfData"/> to
/// its next actor and <see cref="ReplayProtocol.ReplayCompleted"/> to the observer at that point of the merge; a bad
/// row under the stop policy sends <see cref="ReplayProtocol.ReplayFailed"/> and ends the replay.
/// </summary>
public sealed class MergedSourceActor : ReceiveActor
{
    private readonly Lane[] _lanes;
    private readonly IActorRef _observer;
    private readonly int _batchSize;
    private long _lastTimeMs;

    private MergedSourceActor(IReadOnlyList<(HistoricalSource Source, IActorRef Next)> sources, IActorRef observer, int batchSize)
    {
        _lanes = [.. sources.Select(s => new Lane(s.Source, s.Next, batchSize))];
        _observer = observer;
        _batchSize = batchSize;
        Receive<ReplayProtocol.StartReplay>(_ => ReadNext());
        Receive<ReplayProtocol.ReadNext>(_ => ReadNext());
    }

    /// <summary>
    /// Returns the props of a merged replay of <paramref name="sources"/>, each with the actor its rows go to; about
    /// <paramref name="batchSize"/> rows are sent per turn before the actor yields to the rest of the graph.
    /// </summary>
    public static Props Props(IReadOnlyList<(HistoricalSource Source, IActorRef Next)> sources, IActorRef observer, int batchSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Runtime.Props.Create(() => new MergedSourceActor(sources, observer, batchSize));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        foreach (var lane in _lanes)
        {
            lane.Source.Dispose();
        }
    }

    private void ReadNext()
    {
        try
        {
            for (var sent = 0; sent < _batchSize;)
            {
                var next = Earliest();
                if (next < 0)
                {
                    return;
                }

                sent += Send(next);
            }
        }
        catch (DataFormatException e)
        {
            _observer.Tell(new ReplayProtocol.ReplayFailed(e.Message), Self);
            return;
        }

        long position = 0;
        long? estimate = 0;
        foreach (var lane in _lanes)
        {
            position += lane.Source.Position;
            estimate = lane.Source.EstimatedCount is { } e && estimate is { } sum ? sum + e : null;
        }

        _observer.Tell(new ReplayProtocol.ReplayProgress(position, estimate, _lastTimeMs), Self);
        Self.Tell(new ReplayProtocol.ReadNext(), Self);
    }

    /// <summary>Returns the lane whose next row is earliest (ties: the lane listed first), or -1 when every lane has ended.</summary>
    private int Earliest()
    {
        var best = -1;
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = _lanes[i];
            if (!lane.Fill())
            {
                if (!lane.Ended)
                {
                    lane.Ended = true;
                    lane.Next.Tell(new MarketDataProtocol.EndOfData(lane.LastTimeMs), Self);
                    _observer.Tell(new ReplayProtocol.ReplayCompleted(lane.Source.Position, lane.Source.Quality), Self);
                }

                continue;
            }

            if (best < 0 || lane.HeadTimeMs < _lanes[best].HeadTimeMs)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Sends the chosen lane's rows that come before every other lane's next row and returns how many.</summary>
    private int Send(int chosen)
    {
        var bound = long.MaxValue;
        for (var i = 0; i < _lanes.Length; i++)
        {
            if (i != chosen && _lanes[i].HasRows)
            {
                // A later-listed lane loses ties, so the chosen lane may also send rows at exactly its time.
                bound = Math.Min(bound, i < chosen ? _lanes[i].HeadTimeMs : _lanes[i].HeadTimeMs + 1);
            }
        }

        var sent = _lanes[chosen].SendBefore(bound, Self);
        _lastTimeMs = Math.Max(_lastTimeMs, _lanes[chosen].LastTimeMs);
        return sent;
    }

    /// <summary>One source with the rows read from it but not yet sent.</summary>
    private sealed class Lane(HistoricalSource source, IActorRef next, int batchSize)
    {
        private readonly List<Candle> _candles = source.Kind == SourceKind.Candles ? new(batchSize) : [];
        private readonly List<TradeTick> _ticks = source.Kind == SourceKind.Ticks ? new(batchSize) : [];
        private int _cursor;

        public HistoricalSource Source { get; } = source;

        public IActorRef Next { get; } = next;

        public bool Ended { get; set; }

        public long LastTimeMs { get; private set; }

        public bool HasRows => _cursor < Count;

        public long HeadTimeMs => TimeAt(_cursor);

        private int Count => Source.Kind == SourceKind.Candles ? _candles.Count : _ticks.Count;

        /// <summary>Reads the next rows when every row read so far was sent; returns false once the source is exhausted.</summary>
        public bool Fill()
        {
            if (HasRows || Ended)
            {
                return HasRows;
            }

            _cursor = 0;
            if (Source.Kind == SourceKind.Candles)
            {
                _candles.Clear();
                return Source.ReadCandles(_candles, batchSize) > 0;
            }

            _ticks.Clear();
            return Source.ReadTicks(_ticks, batchSize) > 0;
        }

        /// <summary>Sends the rows known before <paramref name="boundMs"/> (at least the head) as one batch and returns how many.</summary>
        public int SendBefore(long boundMs, IActorRef sender)
        {
            var from = _cursor;
            do
            {
                _cursor++;
            }
            while (_cursor < Count && TimeAt(_cursor) < boundMs);

            LastTimeMs = TimeAt(_cursor - 1);
            // One array per batch, wrapped as it is (the batch owns it).
            if (Source.Kind == SourceKind.Candles)
            {
                Next.Tell(new MarketDataProtocol.CandleBatch(ImmutableCollectionsMarshal.AsImmutableArray(CollectionsMarshal.AsSpan(_candles)[from.._cursor].ToArray())), sender);
            }
            else
            {
                Next.Tell(new MarketDataProtocol.TickBatch(ImmutableCollectionsMarshal.AsImmutableArray(CollectionsMarshal.AsSpan(_ticks)[from.._cursor].ToArray())), sender);
            }

            return _cursor - from;
        }

        private long TimeAt(int index) => Source.Kind == SourceKind.Candles ? _candles[index].CloseTimeMs : _ticks[index].TimeMs;
    }
}
