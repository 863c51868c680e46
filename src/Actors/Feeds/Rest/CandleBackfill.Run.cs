using ActorArb.Actors.Persistence;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Actors.Feeds.Rest;

/// <summary>One run: the missing runs of bars, the fetching, the flat fills and the batches.</summary>
public sealed partial class CandleBackfill
{
    private sealed class Run(CandleBackfill owner, InstrumentId instrument, Timeframe timeframe, long from, long to, Action<BackfillProgress>? progress)
    {
        private readonly string _stream = StreamId(instrument, timeframe);
        private readonly List<EventData> _pending = [];
        private EventIds.StreamSeed _seed;
        private EventMetadata _metadata = EventMetadata.Empty;
        private RestCounters _restBefore;
        private long _expected;
        private long _present;
        private long _fetched;
        private long _flats;
        private long _stored;
        private long _written;
        private int _gaps;
        private int _gapsClosed;

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            _seed = EventIds.Seed(_stream);
            _metadata = new EventMetadata(CorrelationId: _stream);
            _restBefore = owner._client.Transport.Counters;
            _expected = (to - from) / timeframe.Ms;

            // The read model first takes in whatever an earlier run appended but did not get to project.
            await owner.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var closes = await owner.ReadClosesAsync(instrument, timeframe, from - timeframe.Ms, to, cancellationToken).ConfigureAwait(false);
            _present = closes.Keys.Count(open => open >= from);
            Report();
            foreach (var (start, end) in Missing(closes))
            {
                _gaps++;
                var previous = closes.TryGetValue(start - timeframe.Ms, out var close) ? close : (Price?)null;
                var filled = await FillAsync(start, end, previous, followed: end < to, cancellationToken).ConfigureAwait(false);
                _gapsClosed += filled == (end - start) / timeframe.Ms ? 1 : 0;
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
            await owner.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }

        public BackfillResult Result()
        {
            var rest = owner._client.Transport.Counters;
            return new BackfillResult(
                instrument,
                timeframe,
                from,
                to,
                _stream,
                _expected,
                _present,
                _fetched,
                _flats,
                _written,
                _gaps,
                _gapsClosed,
                _expected - _present - _fetched - _flats,
                new RestCounters(rest.Requests - _restBefore.Requests, rest.Retries - _restBefore.Retries, rest.RateLimited - _restBefore.RateLimited, rest.Bytes - _restBefore.Bytes));
        }

        /// <summary>Returns the runs [start, end) of intervals in the range without a stored bar.</summary>
        private IEnumerable<(long Start, long End)> Missing(Dictionary<long, Price> closes)
        {
            long? start = null;
            for (var open = from; open < to; open += timeframe.Ms)
            {
                if (!closes.ContainsKey(open))
                {
                    start ??= open;
                }
                else if (start is { } begin)
                {
                    yield return (begin, open);
                    start = null;
                }
            }

            if (start is { } last)
            {
                yield return (last, to);
            }
        }

        /// <summary>
        /// Fetches the bars of [<paramref name="start"/>, <paramref name="end"/>) and stores them, with flat bars for
        /// the intervals between them, and for those before the first when the bar before the run is known
        /// (<paramref name="previous"/>) and after the last when a stored bar follows the run. Returns the bars stored.
        /// </summary>
        private async Task<long> FillAsync(long start, long end, Price? previous, bool followed, CancellationToken cancellationToken)
        {
            var next = start;
            var filled = 0L;
            await foreach (var bar in owner._client.CandlesAsync(instrument.Symbol, timeframe, start, end, cancellationToken).ConfigureAwait(false))
            {
                if (bar.OpenTimeMs < next || bar.OpenTimeMs >= end || !timeframe.IsAligned(bar.OpenTimeMs))
                {
                    continue;
                }

                if (previous is { } close)
                {
                    filled += await FlatsAsync(next, bar.OpenTimeMs, close, cancellationToken).ConfigureAwait(false);
                }

                await AddAsync(bar with { Instrument = instrument }, cancellationToken).ConfigureAwait(false);
                _fetched++;
                filled++;
                previous = bar.Close;
                next = bar.OpenTimeMs + timeframe.Ms;
            }

            if (followed && previous is { } last)
            {
                filled += await FlatsAsync(next, end, last, cancellationToken).ConfigureAwait(false);
            }

            return filled;
        }

        private async Task<long> FlatsAsync(long start, long end, Price close, CancellationToken cancellationToken)
        {
            for (var open = start; open < end; open += timeframe.Ms)
            {
                await AddAsync(new Candle(instrument, timeframe, open, close, close, close, close, 0, 0, CandleFlags.Flat), cancellationToken).ConfigureAwait(false);
                _flats++;
            }

            return (end - start) / timeframe.Ms;
        }

        private async Task AddAsync(Candle candle, CancellationToken cancellationToken)
        {
            // The bar's ordinal on the timeframe's grid, not its place in the stream: the same bar gets the same id
            // however the runs that store it are split.
            _pending.Add(EventData.Create(_seed, candle.OpenTimeMs / timeframe.Ms, new CandleClosed(candle), _metadata));
            if (_pending.Count >= owner._options.BatchSize)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var appended = await owner._store.BulkAppendAsync(_stream, ExpectedVersion.Any, [.. _pending], cancellationToken).ConfigureAwait(false);
            _written += appended.Written;
            _stored += _pending.Count;
            _pending.Clear();
            Report();
        }

        private void Report() => progress?.Invoke(new BackfillProgress(_present + _stored, _expected));
    }
}
