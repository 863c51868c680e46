using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Time;

namespace ActorArb.Domain.Risk;

/// <summary>The halt state: operator kill switch, halting regimes, max drawdown, the daily loss limit and unhealthy market data.</summary>
public sealed partial class RiskManager
{
    private static readonly Timeframe Day = new(UnixTime.DayMs);

    private enum Cause
    {
        Operator,
        Regime,
        Drawdown,
        DailyLoss,
        Data,
    }

    // One reason per cause, null when that cause is clear; the order fixes how HaltReason reads.
    private readonly string?[] _reasons = new string?[Enum.GetValues<Cause>().Length];
    private bool _hasEquity;
    private double _lastEquity;
    private double _peak;
    private long _day;
    private double _dayStart;

    /// <summary>Returns true while any halt is active; then only risk-reducing orders are approved.</summary>
    public bool IsHalted
    {
        get
        {
            foreach (var reason in _reasons)
            {
                if (reason is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Returns the active halt reasons joined by "; ", or null when trading is allowed.</summary>
    public string? HaltReason => IsHalted ? string.Join("; ", _reasons.Where(r => r is not null)) : null;

    /// <summary>
    /// Feeds the account's equity at <paramref name="timeMs"/> (once per bar in replay). Tracks the peak and the
    /// start-of-day equity (the last equity seen before the first observation of a new UTC day; the first
    /// equity ever seen for the first day), halts on a max-drawdown or daily-loss breach (strictly greater
    /// than the limit), and clears the daily-loss halt on a new UTC day.
    /// </summary>
    public void OnEquity(long timeMs, double equity, List<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var day = Day.Floor(timeMs);
        if (!_hasEquity)
        {
            _hasEquity = true;
            _day = day;
            _dayStart = equity;
            _peak = equity;
        }
        else if (day > _day)
        {
            _day = day;
            _dayStart = _lastEquity;
            Clear(Cause.DailyLoss, timeMs, "new UTC day: daily loss limit reset", events);
        }

        _lastEquity = equity;
        if (equity > _peak)
        {
            _peak = equity;
        }

        if (_reasons[(int)Cause.Drawdown] is null && double.IsFinite(_limits.MaxDrawdown) && _peak > 0)
        {
            var drawdown = (_peak - equity) / _peak;
            if (drawdown > _limits.MaxDrawdown)
            {
                Activate(Cause.Drawdown, timeMs, $"drawdown {Num(drawdown)} > max-drawdown {Num(_limits.MaxDrawdown)}", events);
            }
        }

        if (_reasons[(int)Cause.DailyLoss] is null && double.IsFinite(_limits.DailyLossLimit) && _dayStart > 0)
        {
            var loss = (_dayStart - equity) / _dayStart;
            if (loss > _limits.DailyLossLimit)
            {
                Activate(Cause.DailyLoss, timeMs, $"daily-loss {Num(loss)} > daily-loss-limit {Num(_limits.DailyLossLimit)}", events);
            }
        }
    }

    /// <summary>Halts while the regime is FLASH_CRASH or DEPEG (as configured) and clears when it leaves them.</summary>
    public void OnRegime(long timeMs, Regime regime, List<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (IsHaltingRegime(regime))
        {
            Activate(Cause.Regime, timeMs, $"{RegimeNames.ToWire(regime)} regime", events);
        }
        else
        {
            Clear(Cause.Regime, timeMs, $"regime {RegimeNames.ToWire(regime)}", events);
        }
    }

    /// <summary>
    /// Reports whether the market data the decisions rest on is healthy (the exchange connected, the last message
    /// recent). Unhealthy data halts new exposure with <paramref name="reason"/>; healthy data clears only that halt.
    /// </summary>
    public void OnDataHealth(long timeMs, bool healthy, string reason, List<IDomainEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(events);
        if (healthy)
        {
            Clear(Cause.Data, timeMs, $"data: {reason}", events);
        }
        else
        {
            Activate(Cause.Data, timeMs, $"data: {reason}", events);
        }
    }

    /// <summary>The operator's kill switch: halts new exposure until <see cref="Resume"/>.</summary>
    public void Halt(long timeMs, string reason, List<IDomainEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(events);
        Activate(Cause.Operator, timeMs, $"operator: {reason}", events);
    }

    /// <summary>
    /// The operator resumes: clears the kill switch and a max-drawdown halt (the peak restarts at the last
    /// equity seen, or the next equity would halt again). Regime and daily-loss halts clear only by
    /// themselves; <see cref="TradingResumed"/> is emitted only when no halt remains.
    /// </summary>
    public void Resume(long timeMs, string reason, List<IDomainEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(events);
        if (_hasEquity)
        {
            _peak = _lastEquity;
        }

        var wasHalted = IsHalted;
        _reasons[(int)Cause.Operator] = null;
        _reasons[(int)Cause.Drawdown] = null;
        if (wasHalted && !IsHalted)
        {
            events.Add(new TradingResumed(timeMs, $"operator: {reason}"));
        }
    }

    private void Activate(Cause cause, long timeMs, string reason, List<IDomainEvent> events)
    {
        if (_reasons[(int)cause] == reason)
        {
            return;
        }

        _reasons[(int)cause] = reason;
        events.Add(new TradingHalted(timeMs, reason));
    }

    private void Clear(Cause cause, long timeMs, string why, List<IDomainEvent> events)
    {
        if (_reasons[(int)cause] is null)
        {
            return;
        }

        _reasons[(int)cause] = null;
        if (!IsHalted)
        {
            events.Add(new TradingResumed(timeMs, why));
        }
    }
}
