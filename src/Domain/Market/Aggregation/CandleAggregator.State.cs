using System.Collections.Immutable;

namespace ActorArb.Domain.Market.Aggregation;

/// <summary>Export and restore, so that a restarted process carries on with the bars that were still open.</summary>
public sealed partial class CandleAggregator
{
    /// <summary>
    /// Returns everything the aggregator holds as plain data: its open minutes, roll-ups in progress, watermark,
    /// cursor, last close and counters, together with the options they were built under.
    /// </summary>
    public CandleAggregatorState Export()
    {
        var minutes = ImmutableArray.CreateBuilder<CandleAggregatorMinute>(_occupied);
        foreach (ref readonly var slot in _slots.AsSpan())
        {
            if (slot.Occupied)
            {
                minutes.Add(new CandleAggregatorMinute(
                    slot.OpenTimeMs, slot.FromCandle, slot.FirstTradeMs, slot.LastTradeMs, slot.Open, slot.High, slot.Low, slot.Close, slot.Volume, slot.TradeCount, slot.Flags));
            }
        }

        minutes.Sort((a, b) => a.OpenTimeMs.CompareTo(b.OpenTimeMs));
        var rollups = ImmutableArray.CreateBuilder<CandleAggregatorRollup>();
        for (var i = 0; i < _rollups.Length; i++)
        {
            ref readonly var bucket = ref _rollups[i];
            if (bucket.IsOpen)
            {
                rollups.Add(new CandleAggregatorRollup(
                    _rollupFrames[i], bucket.OpenTimeMs, bucket.Open, bucket.High, bucket.Low, bucket.Close, bucket.Volume, bucket.TradeCount, bucket.Minutes, bucket.FlatMinutes));
            }
        }

        return new CandleAggregatorState(
            _instrument,
            [.. _rollupFrames],
            _latenessMs,
            _emitFlats,
            _tickRaw == 0 ? null : new Price(_tickRaw),
            _started,
            _flushed,
            _maxEventMs,
            _cursorMs,
            _hasLastClose ? _lastClose : null,
            minutes.ToImmutable(),
            rollups.ToImmutable(),
            new CandleAggregatorCounters(LateTicks, LateCandles, DuplicateCandles, OffGrid));
    }

    /// <summary>
    /// Returns whether <see cref="Restore"/> accepts <paramref name="state"/> for <paramref name="instrument"/> under
    /// <paramref name="options"/>: the same instrument, roll-ups (after dropping 1m, duplicates and order), lateness,
    /// flat-candle setting and tick size. A caller whose configuration changed uses it to start afresh instead.
    /// </summary>
    public static bool CanRestore(InstrumentId instrument, CandleAggregatorOptions options, CandleAggregatorState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        return Mismatch(new CandleAggregator(instrument, options), state) is null;
    }

    /// <summary>
    /// Returns an aggregator for <paramref name="instrument"/> and <paramref name="options"/> that continues from
    /// <paramref name="state"/> exactly as the exported aggregator would have: the same further inputs give the same
    /// candles, bit for bit.
    /// </summary>
    /// <exception cref="ArgumentException">The state belongs to another instrument, was built under other options
    /// (see <see cref="CanRestore"/>), or is not one an aggregator can be in (minutes off the minute grid, behind the
    /// cursor or too many for the lateness; roll-ups of an unknown timeframe, twice, or off its grid).</exception>
    public static CandleAggregator Restore(InstrumentId instrument, CandleAggregatorOptions options, CandleAggregatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var aggregator = new CandleAggregator(instrument, options);
        if (Mismatch(aggregator, state) is { } mismatch)
        {
            throw new ArgumentException($"cannot restore the candle aggregator of {instrument}: {mismatch}", nameof(state));
        }

        aggregator.Load(state);
        return aggregator;
    }

    private static string? Mismatch(CandleAggregator fresh, CandleAggregatorState state)
    {
        var tick = state.TickSize?.Raw ?? 0;
        var rollups = state.Rollups.IsDefault ? [] : state.Rollups;
        return !fresh._instrument.Equals(state.Instrument) ? $"the state is of {state.Instrument}"
            : !rollups.AsSpan().SequenceEqual(fresh._rollupFrames) ? $"its roll-ups [{string.Join(", ", rollups)}] differ from the configured [{string.Join(", ", fresh._rollupFrames)}]"
            : state.AllowedLatenessMs != fresh._latenessMs ? $"its allowed lateness {state.AllowedLatenessMs} ms differs from the configured {fresh._latenessMs} ms"
            : state.EmitFlatCandles != fresh._emitFlats ? $"it was built with flat candles {(state.EmitFlatCandles ? "on" : "off")}, the configuration has them {(fresh._emitFlats ? "on" : "off")}"
            : tick != fresh._tickRaw ? $"its tick size {state.TickSize?.ToString() ?? "(none)"} differs from the configured {(fresh._tickRaw == 0 ? "(none)" : new Price(fresh._tickRaw).ToString())}"
            : null;
    }

    private void Load(CandleAggregatorState state)
    {
        var minutes = state.Minutes.IsDefault ? [] : state.Minutes;
        var rollups = state.OpenRollups.IsDefault ? [] : state.OpenRollups;
        if (!state.Started && (minutes.Length > 0 || rollups.Length > 0 || state.LastClose is not null))
        {
            throw Invalid("it holds bars but has seen no input");
        }

        _started = state.Started;
        _flushed = state.Flushed;
        _maxEventMs = state.MaxEventMs;
        _cursorMs = state.CursorMs;
        _hasLastClose = state.LastClose is not null;
        _lastClose = state.LastClose ?? default;
        foreach (var minute in minutes)
        {
            if (!Timeframe.OneMinute.IsAligned(minute.OpenTimeMs) || minute.OpenTimeMs < _cursorMs)
            {
                throw Invalid($"its open minute {minute.OpenTimeMs} is off the minute grid or behind the cursor {_cursorMs}");
            }

            ref var slot = ref SlotFor(minute.OpenTimeMs);
            if (slot.Occupied)
            {
                throw Invalid($"its open minutes {slot.OpenTimeMs} and {minute.OpenTimeMs} are further apart than the lateness allows");
            }

            slot = new MinuteSlot
            {
                Occupied = true,
                FromCandle = minute.FromCandle,
                OpenTimeMs = minute.OpenTimeMs,
                FirstTradeMs = minute.FirstTradeMs,
                LastTradeMs = minute.LastTradeMs,
                Open = minute.Open,
                High = minute.High,
                Low = minute.Low,
                Close = minute.Close,
                Volume = minute.Volume,
                TradeCount = minute.TradeCount,
                Flags = minute.Flags,
            };
            _occupied++;
        }

        foreach (var rollup in rollups)
        {
            var i = Array.IndexOf(_rollupFrames, rollup.Timeframe);
            if (i < 0 || _rollups[i].IsOpen || !rollup.Timeframe.IsAligned(rollup.OpenTimeMs))
            {
                throw Invalid($"its {rollup.Timeframe} roll-up at {rollup.OpenTimeMs} is of no configured timeframe, repeated, or off its grid");
            }

            _rollups[i] = new RollupBucket
            {
                IsOpen = true,
                OpenTimeMs = rollup.OpenTimeMs,
                CloseTimeMs = rollup.OpenTimeMs + rollup.Timeframe.Ms,
                Open = rollup.Open,
                High = rollup.High,
                Low = rollup.Low,
                Close = rollup.Close,
                Volume = rollup.Volume,
                TradeCount = rollup.TradeCount,
                Minutes = rollup.Minutes,
                FlatMinutes = rollup.FlatMinutes,
            };
        }

        var counters = state.Counters ?? new CandleAggregatorCounters(0, 0, 0, 0);
        LateTicks = counters.LateTicks;
        LateCandles = counters.LateCandles;
        DuplicateCandles = counters.DuplicateCandles;
        OffGrid = counters.OffGrid;
    }

    private ArgumentException Invalid(string reason) =>
        new($"cannot restore the candle aggregator of {_instrument}: {reason}", "state");
}
