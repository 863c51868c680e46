using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

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
public sealed class SwingStrategy : IStrategy
{
    private readonly OrderSize _entrySize;
    private readonly OrderSize _exitSize = new OrderSize.AllPosition();
    private readonly double _up;
    private readonly double _down;
    private bool _seeded;
    private Price _low;
    private Price _high;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">The id is blank or the options are invalid.</exception>
    public SwingStrategy(string id, Timeframe timeframe, SwingOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        if (timeframe.Ms <= 0)
        {
            throw new ArgumentException($"timeframe must be positive, got {timeframe.Ms} ms", nameof(timeframe));
        }

        options.Validate();
        Id = id;
        Timeframe = timeframe;
        _entrySize = new OrderSize.AllCash(options.Fraction);
        _up = 1 + options.ReversalPct / 100;
        _down = 1 - options.ReversalPct / 100;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public Timeframe Timeframe { get; }

    /// <inheritdoc />
    public void OnCandle(in Candle candle, in StrategyContext context, List<OrderIntent> intents)
    {
        ArgumentNullException.ThrowIfNull(intents);
        if (candle.Timeframe != Timeframe)
        {
            return;
        }

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
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Buy, _entrySize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} rose from swing low {_low} (trigger {trigger:G9})")));
                _high = close;
            }
        }
        else if (context.Position > 0)
        {
            var trigger = _high.ToDouble() * _down;
            if (close.ToDouble() <= trigger)
            {
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Sell, _exitSize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} fell from swing high {_high} (trigger {trigger:G9})")));
                _low = close;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Swings are read from prices alone; halting in extreme regimes is the risk manager's job.</remarks>
    public void OnRegime(Regime regime)
    {
    }
}
