using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// Buys when flat and the close is at or below <see cref="PegThresholdOptions.Buy"/>, sells the whole position
/// when long and the close is at or above <see cref="PegThresholdOptions.Sell"/>. Comparisons are exact on
/// fixed-point prices, so the optimizer's tick grid and this strategy agree at equality.
/// </summary>
public sealed class PegThresholdStrategy : CashFractionStrategy
{
    private readonly PegThresholdOptions _options;

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">The id is blank or the options are invalid.</exception>
    public PegThresholdStrategy(string id, Timeframe timeframe, PegThresholdOptions options)
        : base(id, timeframe, options)
    {
        _options = options;
    }

    /// <inheritdoc />
    protected override void Decide(in Candle candle, in StrategyContext context, List<OrderIntent> intents)
    {
        var close = candle.Close;
        if (context.Position == 0)
        {
            if (close <= _options.Buy && context.Cash > 0)
            {
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Buy, EntrySize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} <= buy {_options.Buy}")));
            }
        }
        else if (context.Position > 0 && close >= _options.Sell)
        {
            intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Sell, ExitSize, close,
                string.Create(CultureInfo.InvariantCulture, $"close {close} >= sell {_options.Sell}")));
        }
    }
}
