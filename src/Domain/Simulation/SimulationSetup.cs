using ActorArb.Domain.Execution;
using ActorArb.Domain.Market;
using ActorArb.Domain.Risk;

namespace ActorArb.Domain.Simulation;

/// <summary>What a <see cref="StrategySimulation"/> trades with: the instrument, the bars fills happen on, the risk limits, the fill model and the starting cash.</summary>
/// <param name="Instrument">The instrument traded.</param>
/// <param name="BaseTimeframe">The source's bar length: risk marks, fills and the portfolio's marks use candles of this timeframe.</param>
/// <param name="Risk">The risk limits.</param>
/// <param name="Fills">Fee, slippage, participation and latency.</param>
/// <param name="InitialCash">Starting cash in quote currency.</param>
public sealed record SimulationSetup(Instrument Instrument, Timeframe BaseTimeframe, RiskLimits Risk, FillModel Fills, double InitialCash);
