using System.Collections.Immutable;

namespace ActorArb.Domain.Risk;

/// <summary>
/// Everything a <see cref="RiskManager"/> remembers besides its limits: the next order id, the reason of each
/// halt cause (null when clear) and the equity tracking behind the drawdown and daily-loss checks.
/// </summary>
/// <param name="NextOrderId">The id the next approved order gets.</param>
/// <param name="Reasons">One reason per halt cause (operator, regime, drawdown, daily loss, unhealthy data), null when clear; older states may hold fewer.</param>
/// <param name="HasEquity">Whether any equity has been seen.</param>
/// <param name="LastEquity">The last equity seen.</param>
/// <param name="Peak">The highest equity seen since the start or the last operator resume.</param>
/// <param name="Day">The start of the UTC day of the last equity seen, in Unix milliseconds.</param>
/// <param name="DayStart">The equity the current day started with.</param>
public sealed record RiskManagerState(
    long NextOrderId,
    ImmutableArray<string?> Reasons,
    bool HasEquity,
    double LastEquity,
    double Peak,
    long Day,
    double DayStart);
