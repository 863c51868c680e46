using ActorArb.Domain.Events;
using ActorArb.Domain.Market;
using ActorArb.Domain.Regimes;

namespace ActorArb.Domain.Strategies;

/// <summary>
/// The frame shared by the long-only strategies that enter with a fraction of the cash and exit with the whole
/// position: the constructor's checks, the id and timeframe, the two order sizes and the timeframe filter.
/// Subclasses only <see cref="Decide"/> on candles of their own timeframe.
/// </summary>
public abstract class CashFractionStrategy : IStatefulStrategy
{
    /// <summary>Checks the arguments in a fixed order (id, options, timeframe, then the options' own rules) and keeps them.</summary>
    /// <exception cref="ArgumentException">The id is blank or the options are invalid.</exception>
    private protected CashFractionStrategy(string id, Timeframe timeframe, ICashFractionOptions options)
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
        EntrySize = new OrderSize.AllCash(options.Fraction);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public Timeframe Timeframe { get; }

    /// <summary>Gets the size of every entry: the options' fraction of the cash.</summary>
    protected OrderSize EntrySize { get; }

    /// <summary>Gets the size of every exit: the whole position.</summary>
    protected OrderSize ExitSize { get; } = new OrderSize.AllPosition();

    /// <inheritdoc />
    public void OnCandle(in Candle candle, in StrategyContext context, List<OrderIntent> intents)
    {
        ArgumentNullException.ThrowIfNull(intents);
        if (candle.Timeframe != Timeframe)
        {
            return;
        }

        Decide(in candle, in context, intents);
    }

    /// <inheritdoc />
    /// <remarks>Decisions are read from prices alone in every regime: halting on FLASH_CRASH or DEPEG is the risk manager's job.</remarks>
    public void OnRegime(Regime regime)
    {
    }

    /// <inheritdoc />
    /// <remarks>Returns null: the frame itself remembers nothing between candles.</remarks>
    public virtual StrategyState? ExportState() => null;

    /// <inheritdoc />
    public virtual void RestoreState(StrategyState? state)
    {
        if (state is not null)
        {
            throw new ArgumentException($"{GetType().Name} keeps no state, got state of kind '{state.Kind}'", nameof(state));
        }
    }

    /// <summary>Handles a candle of <see cref="Timeframe"/>, appending any intents to <paramref name="intents"/>.</summary>
    protected abstract void Decide(in Candle candle, in StrategyContext context, List<OrderIntent> intents);
}
