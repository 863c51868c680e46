using ActorArb.Domain.Market;

namespace ActorArb.Simulator;

/// <summary>
/// Says that a connection has just written a WebSocket frame carrying trade updates of one feed to its socket, for
/// <see cref="SimulatorOptions.OnTradeFrameWritten"/>.
/// </summary>
/// <param name="Instrument">The feed the trades belong to.</param>
/// <param name="FirstOrdinal">The 1-based position, in the feed's published order, of the first trade the frame carries.</param>
/// <param name="LastOrdinal">The position of the last trade the frame carries; the frame carries every trade in between.</param>
/// <param name="Timestamp">
/// The simulator's clock (<see cref="SimulatorOptions.Time"/>'s <see cref="TimeProvider.GetTimestamp"/>; with the
/// system clock, a <see cref="System.Diagnostics.Stopwatch"/> timestamp) when the write completed.
/// </param>
public readonly record struct TradeFrameWritten(InstrumentId Instrument, long FirstOrdinal, long LastOrdinal, long Timestamp);
