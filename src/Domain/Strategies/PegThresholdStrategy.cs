using System.Globalization;
using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// Buys when flat and the close is at or below <see cref="PegThresholdOptions.Buy"/>, sells the whole position
/// when long and the close is at or above <see cref="PegThresholdOptions.Sell"/>. Comparisons are exact on
/// fixed-point prices, so the optimizer's tick grid and this strategy agree at equality.
/// </summary>
public sealed class PegThresholdStrategy : IStrategy
{
    private readonly PegThresholdOptions _options;
    private readonly OrderSize _entrySize;
    private readonly OrderSize _exitSize = new OrderSize.AllPosition();

    /// <summary>Creates the strategy.</summary>
    /// <exception cref="ArgumentException">The id is blank or the options are invalid.</exception>
    public PegThresholdStrategy(string id, Timeframe timeframe, PegThresholdOptions options)
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
        _options = options;
        _entrySize = new OrderSize.AllCash(options.Fraction);
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
        if (context.Position == 0)
        {
            if (close <= _options.Buy && context.Cash > 0)
            {
                intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Buy, _entrySize, close,
                    string.Create(CultureInfo.InvariantCulture, $"close {close} <= buy {_options.Buy}")));
            }
        }
        else if (context.Position > 0 && close >= _options.Sell)
        {
            intents.Add(new OrderIntent(context.TimeMs, Id, candle.Instrument, Side.Sell, _exitSize, close,
                string.Create(CultureInfo.InvariantCulture, $"close {close} >= sell {_options.Sell}")));
        }
    }

    /// <inheritdoc />
    /// <remarks>The thresholds hold in every regime: halting on FLASH_CRASH or DEPEG is the risk manager's job.</remarks>
    public void OnRegime(Regime regime)
    {
    }
}
