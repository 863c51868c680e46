using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Regimes;

/// <summary>
/// Classifies one instrument's market regime from its closed candles of one timeframe, in O(1) per bar, and reports
/// each change as a <see cref="RegimeChanged"/> event. Pure and deterministic.
/// </summary>
/// <remarks>
/// <para>
/// Instruments with a peg are PEG_STABLE, PEG_STRESS or DEPEG by the absolute deviation <c>|close / peg - 1|</c>;
/// the others NORMAL or HIGH_VOLATILITY by realised volatility. Both enter FLASH_CRASH or FLASH_PUMP when the return
/// over the short window moves by at least <see cref="RegimeOptions.FlashMove"/>. For a pegged instrument a flash
/// regime overrides PEG_STABLE and PEG_STRESS only when the move goes away from the peg (a drop that ends below it,
/// a rise that ends above it): a fast return towards the peg is a recovery, not a crash. DEPEG outranks the flash
/// regimes, because losing the peg is the stablecoin's most severe state and a flash label would add nothing.
/// </para>
/// <para>
/// Hysteresis: a regime is entered at its threshold and left only below a lower one (see the recover factors), and
/// it is held at least <see cref="RegimeOptions.MinDwellBars"/> bars before any change, except a change into DEPEG,
/// FLASH_CRASH or FLASH_PUMP, which is immediate because a late alarm is worthless. The initial regime (PEG_STABLE
/// or NORMAL) is a starting state, not an event. A candle not later than the previous one is ignored, so that a
/// redelivered candle cannot change the regime twice.
/// </para>
/// </remarks>
public sealed partial class RegimeDetector
{
    private readonly Instrument _instrument;
    private readonly RegimeOptions _options;
    private readonly long _pegRaw;
    private readonly long[] _closes;
    private readonly RollingVariance _logReturns;

    private Timeframe _timeframe;
    private long _lastOpenMs = long.MinValue;
    private int _closeCount;
    private int _closeNext;
    private int _barsInRegime;
    private long _closeRaw;
    private double _return;
    private double _volatility;
    private double _deviation;

    /// <summary>Creates a detector for <paramref name="instrument"/>, starting in PEG_STABLE when it has a peg and NORMAL otherwise.</summary>
    /// <exception cref="ArgumentException">The options are out of range or the peg is not positive.</exception>
    public RegimeDetector(Instrument instrument, RegimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (instrument.PegTarget is { Raw: <= 0 } peg)
        {
            throw new ArgumentOutOfRangeException(nameof(instrument), peg, "the peg target must be positive");
        }

        _instrument = instrument;
        _options = options;
        _pegRaw = instrument.PegTarget?.Raw ?? 0;
        _closes = new long[options.ReturnWindow + 1];
        _logReturns = new RollingVariance(options.VolatilityWindow);
        Current = instrument.IsPegged ? Regime.PegStable : Regime.Normal;
    }

    /// <summary>Returns the regime as of the last bar.</summary>
    public Regime Current { get; private set; }

    /// <summary>Returns the measures as of the last bar (all zero before the first).</summary>
    public RegimeMeasures Measures => new(_return, _volatility, _deviation);

    /// <summary>
    /// Takes the next closed bar and returns the regime change it causes, or null when the regime holds. The
    /// event's time is the bar's close time.
    /// </summary>
    /// <exception cref="ArgumentException">The candle is of another instrument or another timeframe than the first
    /// candle, or its close is not positive.</exception>
    public RegimeChanged? OnCandle(in Candle candle)
    {
        if (!_instrument.Id.Equals(candle.Instrument))
        {
            throw new ArgumentException($"candle of {candle.Instrument?.ToString() ?? "no instrument"} given to the regime detector of {_instrument.Id}", nameof(candle));
        }

        if (_lastOpenMs == long.MinValue)
        {
            _timeframe = candle.Timeframe;
        }
        else if (candle.Timeframe != _timeframe)
        {
            throw new ArgumentException($"{candle.Timeframe} candle given to a regime detector fed {_timeframe} candles", nameof(candle));
        }

        if (candle.Close.Raw <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(candle), candle.Close, "a candle's close must be positive");
        }

        if (candle.OpenTimeMs <= _lastOpenMs)
        {
            return null;
        }

        _lastOpenMs = candle.OpenTimeMs;
        Measure(candle.Close.Raw);

        var next = Classify();
        var held = _barsInRegime;
        if (next == Current || (held < _options.MinDwellBars && !IsImmediate(next)))
        {
            _barsInRegime++;
            return null;
        }

        var from = Current;
        Current = next;
        _barsInRegime = 1;
        return new RegimeChanged(_instrument.Id, candle.CloseTimeMs, from, next, Reason(from, next), Measures);
    }

    private static bool IsImmediate(Regime regime) => regime is Regime.Depeg or Regime.FlashCrash or Regime.FlashPump;

    /// <summary>
    /// Updates the measures from the close's fixed-point value. Return and deviation are computed as one division of
    /// exact integers, so a close exactly at a threshold (0.98 against a 0.02 depeg) compares as equal to it.
    /// </summary>
    private void Measure(long close)
    {
        if (_closeCount > 0)
        {
            _logReturns.Add(Math.Log((double)close / _closeRaw));
        }

        _closeRaw = close;
        _closes[_closeNext] = close;
        _closeNext = _closeNext + 1 == _closes.Length ? 0 : _closeNext + 1;
        if (_closeCount < _closes.Length)
        {
            _closeCount++;
        }

        // Before the ring is full the oldest close sits at index 0; afterwards it is the slot about to be overwritten.
        var oldest = _closeCount < _closes.Length ? _closes[0] : _closes[_closeNext];
        _return = (double)(close - oldest) / oldest;
        _volatility = Math.Sqrt(_logReturns.SampleVariance * _options.VolatilityWindow);
        _deviation = _instrument.IsPegged ? (double)(close - _pegRaw) / _pegRaw : 0;
    }
}
