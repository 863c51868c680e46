using System.Diagnostics;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Market.Aggregation;

/// <summary>
/// Builds one instrument's candles: 1m bars aligned to UTC minutes from trades (or taken whole from a 1m source),
/// and every configured higher timeframe rolled up from those 1m bars. Pure and deterministic: the same inputs in
/// the same order give the same candles, live or in replay.
/// </summary>
/// <remarks>
/// <para>
/// Candles close on the <see cref="Watermark"/>, the newest event time seen minus the allowed lateness, never on
/// the wall clock: a bar covering [open, close) closes once <c>close &lt;= Watermark</c>. A trade whose minute has
/// already closed is late: it is counted in <see cref="LateTicks"/> and not applied, because its candle has already
/// been published and candles are final. A trade within the lateness of a still-open minute is applied, and the
/// bar's open and close follow the trades' event times rather than their arrival order.
/// </para>
/// <para>
/// Every call appends the candles it closes to the caller's list, in time order and, for equal close times, the 1m
/// bar first and then the roll-ups by ascending timeframe. The hot path allocates nothing: minutes live in a small
/// ring of mutable slots sized by the allowed lateness, and roll-ups in one slot per timeframe.
/// </para>
/// </remarks>
public sealed partial class CandleAggregator
{
    private const long MinuteMs = UnixTime.MinuteMs;

    private readonly InstrumentId _instrument;
    private readonly long _latenessMs;
    private readonly bool _emitFlats;
    private readonly long _tickRaw;
    private readonly MinuteSlot[] _slots;
    private readonly Timeframe[] _rollupFrames;
    private readonly RollupBucket[] _rollups;

    private bool _started;
    private bool _flushed;
    private long _maxEventMs;
    private long _cursorMs;
    private int _occupied;
    private bool _hasLastClose;
    private Price _lastClose;

    /// <summary>Creates an aggregator for <paramref name="instrument"/>.</summary>
    /// <exception cref="ArgumentException">A timeframe is not a positive whole number of minutes, the lateness is
    /// outside [0, 1 day], or the tick size is not positive.</exception>
    public CandleAggregator(InstrumentId instrument, CandleAggregatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Timeframes);
        if (options.AllowedLatenessMs is < 0 or > UnixTime.DayMs)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AllowedLatenessMs, "AllowedLatenessMs must be between 0 and one day (86400000).");
        }

        if (options.TickSize is { Raw: <= 0 } tick)
        {
            throw new ArgumentOutOfRangeException(nameof(options), tick, "TickSize must be positive.");
        }

        _instrument = instrument;
        _latenessMs = options.AllowedLatenessMs;
        _emitFlats = options.EmitFlatCandles;
        _tickRaw = options.TickSize?.Raw ?? 0;

        // Open minutes span at most [watermark minute, newest event minute], so lateness / 1m + 2 slots never alias.
        _slots = new MinuteSlot[(int)(_latenessMs / MinuteMs) + 2];
        _rollupFrames = RollupFrames(options.Timeframes);
        _rollups = new RollupBucket[_rollupFrames.Length];
    }

    /// <summary>Returns how many trades arrived after their minute had closed and were not applied.</summary>
    public long LateTicks { get; private set; }

    /// <summary>Returns how many 1m candles arrived after their minute had closed and were not applied.</summary>
    public long LateCandles { get; private set; }

    /// <summary>Returns how many 1m candles were refused because their minute already held trades or a candle.</summary>
    public long DuplicateCandles { get; private set; }

    /// <summary>Returns how many trades and 1m candles were refused for prices off the configured tick grid.</summary>
    public long OffGrid { get; private set; }

    /// <summary>
    /// Returns the newest event time seen minus the allowed lateness; every bar with close time at or before it is
    /// closed. <see cref="long.MinValue"/> before the first input.
    /// </summary>
    public long Watermark => _started ? _maxEventMs - _latenessMs : long.MinValue;

    /// <summary>Applies one trade and appends every candle whose close the trade's event time passes.</summary>
    /// <exception cref="ArgumentException">The trade belongs to another instrument.</exception>
    /// <exception cref="InvalidOperationException">The aggregator was flushed.</exception>
    public void OnTick(in TradeTick tick, List<Candle> closed)
    {
        EnsureNotFlushed();
        EnsureInstrument(tick.Instrument, nameof(tick));
        if (_tickRaw != 0 && !OnGrid(tick.Price))
        {
            OffGrid++;
            return;
        }

        var minute = Timeframe.OneMinute.Floor(tick.TimeMs);
        if (_started && (minute < _cursorMs || IsCandleMinute(minute)))
        {
            // A minute delivered whole as a 1m candle is already final, like a closed one.
            LateTicks++;
            return;
        }

        Observe(tick.TimeMs, closed);
        ref var slot = ref SlotFor(minute);
        Debug.Assert(!slot.Occupied || slot.OpenTimeMs == minute, "open minutes never alias in the ring");
        if (slot.Occupied)
        {
            slot.Add(in tick);
        }
        else
        {
            slot.StartWith(minute, in tick);
            _occupied++;
        }
    }

    /// <summary>
    /// Takes one closed 1m candle from a 1m source, appends it (and any flat minutes before it) to the output once the
    /// watermark passes its close, and rolls it up. The candle's event time is its close time.
    /// </summary>
    /// <exception cref="ArgumentException">The candle is not a 1m candle of this instrument aligned to a UTC minute.</exception>
    /// <exception cref="InvalidOperationException">The aggregator was flushed.</exception>
    public void OnCandle(in Candle oneMinute, List<Candle> closed)
    {
        EnsureNotFlushed();
        EnsureInstrument(oneMinute.Instrument, nameof(oneMinute));
        if (oneMinute.Timeframe != Timeframe.OneMinute || !Timeframe.OneMinute.IsAligned(oneMinute.OpenTimeMs))
        {
            throw new ArgumentException($"expected a 1m candle aligned to a minute, got {oneMinute.Timeframe} at {oneMinute.OpenTimeMs}", nameof(oneMinute));
        }

        if (_tickRaw != 0 && !(OnGrid(oneMinute.Open) && OnGrid(oneMinute.High) && OnGrid(oneMinute.Low) && OnGrid(oneMinute.Close)))
        {
            OffGrid++;
            return;
        }

        if (_started && oneMinute.OpenTimeMs < _cursorMs)
        {
            LateCandles++;
            return;
        }

        // Observe the open first: the bar's own minute stays open and older minutes that alias its slot close.
        Observe(oneMinute.OpenTimeMs, closed);
        ref var slot = ref SlotFor(oneMinute.OpenTimeMs);
        if (slot.Occupied)
        {
            DuplicateCandles++;
            return;
        }

        slot.StartWith(in oneMinute);
        _occupied++;
        Observe(oneMinute.CloseTimeMs, closed);
    }

    /// <summary>
    /// Records that event time has reached <paramref name="eventTimeMs"/> (a heartbeat, another feed's trade, the
    /// clock of a live run) and appends every candle whose close time plus the allowed lateness is at or before it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The aggregator was flushed.</exception>
    public void AdvanceWatermark(long eventTimeMs, List<Candle> closed)
    {
        EnsureNotFlushed();
        Observe(eventTimeMs, closed);
    }

    /// <summary>
    /// Ends the stream: appends every open 1m bar (with flat minutes between them when enabled) and every open
    /// roll-up, flagged <see cref="CandleFlags.Partial"/> because its remaining minutes will never come. Later
    /// calls to <see cref="Flush"/> append nothing; any other call throws.
    /// </summary>
    public void Flush(List<Candle> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (_flushed)
        {
            return;
        }

        _flushed = true;
        if (_occupied > 0)
        {
            CloseMinutesBefore(LastOccupiedMinute() + MinuteMs, closed);
        }

        CloseRollupsThrough(long.MaxValue, closed);
    }
}
