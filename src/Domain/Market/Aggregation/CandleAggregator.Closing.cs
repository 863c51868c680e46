using System.Diagnostics;

namespace ActorArb.Domain.Market.Aggregation;

/// <summary>The watermark, the ring of open minutes and the roll-ups they feed.</summary>
public sealed partial class CandleAggregator
{
    private static Timeframe[] RollupFrames(IReadOnlyList<Timeframe> timeframes)
    {
        var frames = new List<Timeframe>(timeframes.Count);
        for (var i = 0; i < timeframes.Count; i++)
        {
            var frame = timeframes[i];
            if (frame.Ms <= 0 || frame.Ms % MinuteMs != 0)
            {
                throw new ArgumentException($"timeframe {frame.Ms} ms is not a positive whole number of minutes", nameof(timeframes));
            }

            if (frame != Timeframe.OneMinute && !frames.Contains(frame))
            {
                frames.Add(frame);
            }
        }

        frames.Sort();
        return [.. frames];
    }

    private bool OnGrid(Price price) => price.Raw % _tickRaw == 0;

    private void EnsureNotFlushed()
    {
        if (_flushed)
        {
            throw new InvalidOperationException($"the candle aggregator of {_instrument} was flushed; its stream has ended");
        }
    }

    private void EnsureInstrument(InstrumentId instrument, string parameter)
    {
        if (!_instrument.Equals(instrument))
        {
            throw new ArgumentException($"input for {instrument?.ToString() ?? "no instrument"} given to the aggregator of {_instrument}", parameter);
        }
    }

    private ref MinuteSlot SlotFor(long minuteOpenMs)
    {
        var index = (minuteOpenMs / MinuteMs) % _slots.Length;
        return ref _slots[index < 0 ? index + _slots.Length : index];
    }

    private bool IsCandleMinute(long minute)
    {
        ref var slot = ref SlotFor(minute);
        return slot.Occupied && slot.FromCandle && slot.OpenTimeMs == minute;
    }

    private long LastOccupiedMinute()
    {
        var last = long.MinValue;
        foreach (ref readonly var slot in _slots.AsSpan())
        {
            if (slot.Occupied && slot.OpenTimeMs > last)
            {
                last = slot.OpenTimeMs;
            }
        }

        return last;
    }

    private void Observe(long eventTimeMs, List<Candle> closed)
    {
        if (!_started)
        {
            _started = true;
            _maxEventMs = eventTimeMs;
            _cursorMs = Timeframe.OneMinute.Floor(eventTimeMs - _latenessMs);
            return;
        }

        if (eventTimeMs <= _maxEventMs)
        {
            return;
        }

        _maxEventMs = eventTimeMs;
        var limit = Timeframe.OneMinute.Floor(eventTimeMs - _latenessMs);
        if (limit > _cursorMs)
        {
            CloseMinutesBefore(limit, closed);
        }
    }

    /// <summary>Closes every minute that opens before <paramref name="limitMs"/>, in order.</summary>
    private void CloseMinutesBefore(long limitMs, List<Candle> closed)
    {
        while (_cursorMs < limitMs)
        {
            ref var slot = ref SlotFor(_cursorMs);
            if (slot.Occupied)
            {
                Debug.Assert(slot.OpenTimeMs == _cursorMs, "open minutes never alias in the ring");
                slot.Occupied = false;
                _occupied--;
                EmitMinute(slot.ToCandle(_instrument), closed);
            }
            else if (_emitFlats && _hasLastClose)
            {
                var last = _lastClose;
                EmitMinute(new Candle(_instrument, Timeframe.OneMinute, _cursorMs, last, last, last, last, 0, 0, CandleFlags.Flat), closed);
            }
            else if (_occupied == 0)
            {
                // Nothing to emit until the limit: jump instead of walking a long gap minute by minute.
                _cursorMs = limitMs;
                break;
            }

            _cursorMs += MinuteMs;
        }

        CloseRollupsThrough(_cursorMs, closed);
    }

    private void EmitMinute(in Candle minute, List<Candle> closed)
    {
        // Roll-ups that ended in a gap before this minute come first, keeping the output in time order.
        CloseRollupsThrough(minute.OpenTimeMs, closed);
        closed.Add(minute);
        _lastClose = minute.Close;
        _hasLastClose = true;
        for (var i = 0; i < _rollups.Length; i++)
        {
            _rollups[i].Add(in minute, _rollupFrames[i]);
        }

        CloseRollupsThrough(minute.CloseTimeMs, closed);
    }

    /// <summary>Closes the open roll-ups ending at or before <paramref name="limitMs"/>, by close time then timeframe.</summary>
    private void CloseRollupsThrough(long limitMs, List<Candle> closed)
    {
        while (true)
        {
            var next = -1;
            for (var i = 0; i < _rollups.Length; i++)
            {
                // Frames are sorted ascending, so a strict comparison keeps the shorter timeframe first on ties.
                if (_rollups[i].IsOpen && _rollups[i].CloseTimeMs <= limitMs
                    && (next < 0 || _rollups[i].CloseTimeMs < _rollups[next].CloseTimeMs))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                return;
            }

            closed.Add(_rollups[next].ToCandle(_instrument, _rollupFrames[next]));
            _rollups[next].IsOpen = false;
        }
    }
}
