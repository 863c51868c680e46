using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// A zig-zag swing trader on candle closes. While flat it tracks the swing low (the lowest close since its
/// last sell signal, or since the first candle) and buys when the close is at least
/// low * (1 + r); while long it tracks the swing high (the highest close since its last buy signal) and sells
/// everything when the close is at most high * (1 - r), where r = <see cref="SwingOptions.ReversalPct"/> / 100.
/// </summary>
/// <remarks>
/// Flat or long is read from the context, not remembered, so a rejected order is simply retried on the next
/// candle. A buy signal restarts the high at that close and a sell signal restarts the low at that close.
/// Extremes are exact prices; only the threshold product is a double, computed as
/// <c>close.ToDouble() &gt;= low.ToDouble() * up</c> with <c>up = 1 + pct / 100</c> fixed at construction.
/// </remarks>
public sealed class SwingStrategy : CashFractionStrategy
{
    private const string StateKind = "swing";
    private readonly double _up;
    private readonly double _down;
    private bool _seeded;
    private Price _low;
    private Price _high;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">The id is blank or the options are invalid.</exception>
    public SwingStrategy(string id, Timeframe timeframe, SwingOptions options)
        : base(id, timeframe, options)
    {
        _up = 1 + options.ReversalPct / 100;
        _down = 1 - options.ReversalPct / 100;
    }

    /// <inheritdoc />
    /// <remarks>The memory is the swing low and high (raw prices) and whether they have been seeded.</remarks>
    public override StrategyState? ExportState() => new(StateKind, [_seeded ? 1 : 0, _low.Raw, _high.Raw]);

    /// <inheritdoc />
    public override void RestoreState(StrategyState? state)
    {
        if (state is null)
        {
            (_seeded, _low, _high) = (false, default, default);
            return;
        }

        if (state.Kind != StateKind || state.Values.Length != 3)
        {
            throw new ArgumentException($"expected swing state (3 values), got '{state.Kind}' ({state.Values.Length} values)", nameof(state));
        }

        (_seeded, _low, _high) = (state.Values[0] != 0, new Price(state.Values[1]), new Price(state.Values[2]));
    }

    /// <inheritdoc />
    protected override void Decide(in Candle candle, in StrategyContext context, List<OrderIntent> intents)
    {
        var close = candle.Close;
        if (!_seeded)
        {
            _low = close;
            _high = close;
            _seeded = true;
        }

        _low = Price.Min(_low, close);
        _high = Price.Max(_high, close);
        if (context.Position == 0)
        {
            var trigger = _low.ToDouble() * _up;
            if (close.ToDouble() >= trigger && context.Cash > 0)
            {
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Buy, EntrySize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} rose from swing low {_low} (trigger {trigger:G9})")));
                _high = close;
            }
        }
        else if (context.Position > 0)
        {
            var trigger = _high.ToDouble() * _down;
            if (close.ToDouble() <= trigger)
            {
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Sell, ExitSize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} fell from swing high {_high} (trigger {trigger:G9})")));
                _low = close;
            }
        }
    }
}
