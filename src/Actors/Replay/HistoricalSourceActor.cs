using System.Runtime.InteropServices;
using ActorArb.Actors.MarketData;
using ActorArb.Actors.Replay.Sources;
using ActorArb.Actors.Runtime;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Reads a <see cref="HistoricalSource"/> in batches and sends them to <c>next</c>. It asks itself for the
/// next batch after sending one, so on the deterministic dispatcher at most a batch or two is in flight and a
/// year of ticks never sits in memory at once. With a pause interval it stops after every that many batches and
/// tells the observer (<see cref="ReplayProtocol.ReplayPaused"/>), so the chain drains and a checkpoint can be
/// taken; <see cref="ReplayProtocol.ContinueReplay"/> resumes it.
/// </summary>
public sealed class HistoricalSourceActor : ReceiveActor
{
    private readonly HistoricalSource _source;
    private readonly IActorRef _next;
    private readonly IActorRef _observer;
    private readonly int _batchSize;
    private readonly int _pauseEvery;
    private readonly List<Candle> _candles;
    private readonly List<TradeTick> _ticks;
    private long _lastTimeMs;
    private long _batches;

    private HistoricalSourceActor(HistoricalSource source, IActorRef next, IActorRef observer, int batchSize, int pauseEvery)
    {
        _pauseEvery = pauseEvery;
        _source = source;
        _next = next;
        _observer = observer;
        _batchSize = batchSize;
        _candles = source.Kind == SourceKind.Candles ? new List<Candle>(batchSize) : [];
        _ticks = source.Kind == SourceKind.Ticks ? new List<TradeTick>(batchSize) : [];
        Receive<ReplayProtocol.StartReplay>(_ => ReadNext());
        Receive<ReplayProtocol.ReadNext>(_ => ReadNext());
        Receive<ReplayProtocol.ContinueReplay>(_ => ReadNext());
    }

    /// <summary>
    /// Returns the props of a source actor; <paramref name="observer"/> receives progress after every batch and
    /// <see cref="ReplayProtocol.ReplayCompleted"/> or <see cref="ReplayProtocol.ReplayFailed"/> at the end; with
    /// <paramref name="pauseEvery"/> above 0 the source pauses after every that many batches.
    /// </summary>
    public static Props Props(HistoricalSource source, IActorRef next, IActorRef observer, int batchSize = 4096, int pauseEvery = 0) =>
        Runtime.Props.Create(() => new HistoricalSourceActor(source, next, observer, batchSize, pauseEvery));

    /// <inheritdoc />
    protected override void PostStop() => _source.Dispose();

    private void ReadNext()
    {
        int read;
        try
        {
            read = _source.Kind == SourceKind.Candles ? ReadCandles() : ReadTicks();
        }
        catch (DataFormatException e)
        {
            _observer.Tell(new ReplayProtocol.ReplayFailed(e.Message), Self);
            return;
        }

        if (read == 0)
        {
            _next.Tell(new MarketDataProtocol.EndOfData(_lastTimeMs), Self);
            _observer.Tell(new ReplayProtocol.ReplayCompleted(_source.Position, _source.Quality), Self);
            return;
        }

        _observer.Tell(new ReplayProtocol.ReplayProgress(_source.Position, _source.EstimatedCount, _lastTimeMs), Self);
        if (_pauseEvery > 0 && ++_batches % _pauseEvery == 0)
        {
            _observer.Tell(new ReplayProtocol.ReplayPaused(_batches, _lastTimeMs), Self);
            return;
        }

        Self.Tell(new ReplayProtocol.ReadNext(), Self);
    }

    private int ReadCandles()
    {
        _candles.Clear();
        var read = _source.ReadCandles(_candles, _batchSize);
        if (read > 0)
        {
            var batch = _candles.ToArray();
            _lastTimeMs = batch[^1].CloseTimeMs;
            _next.Tell(new MarketDataProtocol.CandleBatch(ImmutableCollectionsMarshal.AsImmutableArray(batch)), Self);
        }

        return read;
    }

    private int ReadTicks()
    {
        _ticks.Clear();
        var read = _source.ReadTicks(_ticks, _batchSize);
        if (read > 0)
        {
            var batch = _ticks.ToArray();
            _lastTimeMs = batch[^1].TimeMs;
            _next.Tell(new MarketDataProtocol.TickBatch(ImmutableCollectionsMarshal.AsImmutableArray(batch)), Self);
        }

        return read;
    }
}
