using ActorArb.Domain.Arbitrage;
using ActorArb.Domain.Events;
using ActorArb.Domain.Portfolio;

namespace ActorArb.Actors.Arbitrage;

/// <summary>Messages of the <see cref="SpreadArbitrageActor"/>.</summary>
public static class SpreadProtocol
{
    /// <summary>Every leg's data has ended (replay): the spread's whole result.</summary>
    /// <param name="Equity">One point per evaluated bar.</param>
    /// <param name="Trades">One closed trade per arbitrage.</param>
    /// <param name="Arbitrages">Every arbitrage, both legs.</param>
    /// <param name="Accounts">Each venue's cash and units at the end, in leg order.</param>
    /// <param name="Counters">What the engine evaluated, found and skipped.</param>
    /// <param name="InitialEquity">The equity the curve starts from.</param>
    public sealed record Completed(
        IReadOnlyList<EquityPoint> Equity,
        IReadOnlyList<Trade> Trades,
        IReadOnlyList<ArbitrageExecuted> Arbitrages,
        IReadOnlyList<SpreadAccount> Accounts,
        SpreadCounters Counters,
        double InitialEquity);

    /// <summary>Asks for the engine's state, answered with <see cref="State"/>.</summary>
    public sealed record GetState;

    /// <summary>The engine's state at a checkpoint.</summary>
    public sealed record State(SpreadState Engine);
}
