using ActorArb.Actors.Arbitrage;
using ActorArb.Actors.Persistence;
using ActorArb.Actors.Portfolio;
using ActorArb.Actors.Runtime;
using ActorArb.Actors.Runtime.Persistence;
using ActorArb.Domain.Events;
using ActorArb.Domain.Time;

namespace ActorArb.Actors.Replay;

/// <summary>
/// Watches a backtest for its runner: progress, the end of the source, the portfolio's (or the spread's) final report, and the
/// events worth reporting (regime changes, rejections, halts). It moves
/// the virtual clock along with event time so stored events carry market time.
/// </summary>
internal sealed class BacktestObserverActor : ReceiveActor
{
    private BacktestObserverActor(BacktestRecording recording, ManualClock clock, Action<ReplayProtocol.ReplayProgress>? progress)
    {
        Receive<ReplayProtocol.ReplayProgress>(p =>
        {
            if (p.LastTimeMs > clock.NowMs)
            {
                clock.Set(p.LastTimeMs);
            }

            progress?.Invoke(p);
        });
        Receive<ReplayProtocol.ReplayCompleted>(c => recording.Completed = c);
        Receive<ReplayProtocol.ReplayFailed>(f => recording.Failure = f.Reason);
        Receive<PortfolioProtocol.Completed>(c => recording.Portfolio = c);
        Receive<SpreadProtocol.Completed>(c => recording.Spread = c);
        Receive<JournalProtocol.Flushed>(f => recording.Flushed = f);
        Receive<ReplayProtocol.ReplayPaused>(p => recording.Paused = p);
        Receive<JournalProtocol.Sequences>(s => recording.Sequences = s);
        Receive<PersistenceProtocol.Status>(s => recording.Stages[s.PersistenceId] = s);
        Receive<RegimeChanged>(c =>
        {
            // A resumed replay re-runs the regime detector from the start: its changes before the checkpoint are known.
            if (recording.SkipRegimeChanges > 0)
            {
                recording.SkipRegimeChanges--;
                return;
            }

            recording.RegimeChanges.Add(c);
        });
        Receive<OrderRejected>(recording.Rejections.Add);
        Receive<TradingHalted>(recording.RiskEvents.Add);
        Receive<TradingResumed>(recording.RiskEvents.Add);

        // Last: whatever the handlers above do not take is a stage's answer to a checkpoint.
        ReceiveAny(m => recording.States.Add(m));
    }

    public static Props Props(BacktestRecording recording, ManualClock clock, Action<ReplayProtocol.ReplayProgress>? progress) =>
        Runtime.Props.Create(() => new BacktestObserverActor(recording, clock, progress));
}

/// <summary>What the observer collected; read by the runner once the dispatcher is idle.</summary>
internal sealed class BacktestRecording
{
    public ReplayProtocol.ReplayCompleted? Completed { get; set; }

    public string? Failure { get; set; }

    public PortfolioProtocol.Completed? Portfolio { get; set; }

    /// <summary>Gets or sets the spread's final report, in a spread replay (which has no portfolio actor).</summary>
    public SpreadProtocol.Completed? Spread { get; set; }

    public JournalProtocol.Flushed? Flushed { get; set; }

    public ReplayProtocol.ReplayPaused? Paused { get; set; }

    public JournalProtocol.Sequences? Sequences { get; set; }

    /// <summary>Gets the last status each chain stage reported, by stream: the stages write their streams themselves.</summary>
    public Dictionary<string, PersistenceProtocol.Status> Stages { get; } = new(StringComparer.Ordinal);

    public int SkipRegimeChanges { get; set; }

    /// <summary>Gets the states the stages answered a checkpoint with; the runner takes them once the chain is idle.</summary>
    public List<object> States { get; } = [];

    public List<RegimeChanged> RegimeChanges { get; } = [];

    public List<OrderRejected> Rejections { get; } = [];

    public List<IDomainEvent> RiskEvents { get; } = [];
}
