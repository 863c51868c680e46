using ActorArb.Domain.Events;
using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Metrics;
using ActorArb.Domain.Portfolio;
using ActorArb.Domain.Regimes;
using ActorArb.Domain.Risk;
using ActorArb.Domain.Strategies;

namespace ActorArb.Domain.Simulation;

/// <summary>
/// The backtest's chain — strategy, risk manager, paper execution, portfolio — as one single-threaded object: feed it
/// the closed candles in the aggregator's order, and each regime change right after the candle that caused it, and it
/// makes the same decisions, fills and equity curve as the actor graph. The optimizer's general mode runs one per
/// parameter combination on every core.
/// </summary>
/// <remarks>
/// <para>Per candle, the stages act in the chain's order: the strategy decides (on its own timeframe, only with no
/// order working), the risk manager marks base candles and checks equity limits, execution fills working orders on
/// base candles, the portfolio closes the previous strategy bar's equity point and marks; then each intent is
/// evaluated and, when approved, submitted and offered the last base candle's close (with no latency it fills on the
/// decision bar). A regime change reaches the strategy and the risk manager after its candle's decisions, as the
/// regime actor sends it after the candle slice.</para>
/// <para>With orders that fill on their decision bar (no latency, no participation cap) the actor graph agrees bit
/// for bit. With orders working across bars the strategy here waits exactly until the fill; in the graph it learns of
/// the fill from the portfolio's snapshot, which can arrive a few candles later depending on batching.</para>
/// </remarks>
public sealed class StrategySimulation
{
    private readonly SimulationSetup _setup;
    private readonly IStrategy _strategy;
    private readonly InstrumentId _id;
    private readonly RiskManager _risk;
    private readonly PaperExecution _execution;
    private readonly PortfolioLedger _ledger;
    private readonly List<OrderIntent> _intents = new(2);
    private readonly List<OrderFilled> _fills = new(2);
    private readonly List<IDomainEvent> _events = [];
    private readonly List<EquityPoint> _equity = [];
    private Regime _regime;
    private Price _mark;
    private Candle? _last;
    private Candle? _pending;
    private int _fillCount;
    private int _rejections;
    private bool _finished;

    /// <summary>Creates a simulation of <paramref name="strategy"/> (a fresh instance: the simulation drives its state).</summary>
    public StrategySimulation(SimulationSetup setup, IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(strategy);
        _setup = setup;
        _strategy = strategy;
        _id = setup.Instrument.Id;
        _risk = new RiskManager(setup.Risk);
        _execution = new PaperExecution(_id, setup.Fills);
        _ledger = new PortfolioLedger(setup.InitialCash);
        _regime = setup.Instrument.IsPegged ? Regime.PegStable : Regime.Normal;
    }

    /// <summary>Gets the ledger's equity now (cash plus the position at its last mark).</summary>
    public double Equity => _ledger.Equity;

    /// <summary>Handles one closed candle of any timeframe.</summary>
    /// <exception cref="InvalidOperationException">The simulation has finished.</exception>
    public void OnCandle(in Candle candle)
    {
        if (_finished)
        {
            throw new InvalidOperationException("the simulation has finished");
        }

        if (candle.Timeframe == _strategy.Timeframe && _execution.WorkingCount == 0)
        {
            var cash = _ledger.Cash;
            var position = _ledger.PositionOf(_id);
            _strategy.OnCandle(in candle, new StrategyContext(candle.CloseTimeMs, cash, position, PortfolioLedger.ValueOf(cash, position, candle.Close)), _intents);
        }

        var isBase = candle.Timeframe == _setup.BaseTimeframe;
        if (isBase)
        {
            _mark = candle.Close;
            var cash = _ledger.Cash;
            var position = _ledger.PositionOf(_id);
            _risk.OnEquity(candle.CloseTimeMs, PortfolioLedger.ValueOf(cash, position, _mark), _events);
            _last = candle;
        }

        CloseBarBefore(candle.CloseTimeMs);
        if (isBase)
        {
            _ledger.Mark(_id, candle.Close);
            if (_execution.WorkingCount > 0)
            {
                _execution.OnPrice(candle.CloseTimeMs, candle.Close, candle.Volume, _fills);
                ApplyFills();
            }
        }

        if (candle.Timeframe == _strategy.Timeframe)
        {
            _pending = candle;
        }

        foreach (var intent in _intents)
        {
            Submit(intent);
        }

        _intents.Clear();
        _events.Clear();
    }

    /// <summary>Handles a regime change, after the candle that caused it.</summary>
    public void OnRegimeChanged(RegimeChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _regime = change.To;
        _strategy.OnRegime(change.To);
        _risk.OnRegime(change.TimeMs, change.To, _events);
        _events.Clear();
    }

    /// <summary>Closes the last strategy bar and returns the run's curve, trades and metrics; the simulation takes nothing more.</summary>
    public SimulationResult Finish()
    {
        if (!_finished)
        {
            CloseBarBefore(long.MaxValue);
            _finished = true;
        }

        var trades = _ledger.Trades();
        return new SimulationResult(
            _equity,
            trades,
            _fillCount,
            _rejections,
            PerformanceMetrics.Compute(_equity, trades, _setup.InitialCash, _strategy.Timeframe.Ms));
    }

    private void Submit(OrderIntent intent)
    {
        var cash = _ledger.Cash;
        var position = _ledger.PositionOf(_id);
        var decision = _risk.Evaluate(intent, new RiskSnapshot(cash, position, PortfolioLedger.ValueOf(cash, position, _mark), _mark, _regime));
        if (!decision.IsApproved)
        {
            _rejections++;
            return;
        }

        _execution.Submit(decision.Approved!, intent.TimeMs);
        if (_last is { } last)
        {
            _execution.OnPrice(last.CloseTimeMs, last.Close, last.Volume, _fills);
        }

        ApplyFills();
    }

    private void ApplyFills()
    {
        if (_fills.Count == 0)
        {
            return;
        }

        CloseBarBefore(_fills[0].TimeMs);
        foreach (var fill in _fills)
        {
            _ledger.Apply(fill);
        }

        _fillCount += _fills.Count;
        _fills.Clear();
    }

    /// <summary>Writes the pending strategy bar's equity point once something later than its close happens, valued at its own close.</summary>
    private void CloseBarBefore(long timeMs)
    {
        if (_pending is not { } bar || timeMs <= bar.CloseTimeMs)
        {
            return;
        }

        _equity.Add(_ledger.PointAt(bar));
        _pending = null;
    }
}
