namespace ActorArb.Actors.Replay.Sources;

/// <summary>What a <see cref="HistoricalSource"/> yields.</summary>
public enum SourceKind
{
    /// <summary>OHLCV bars, read with <see cref="HistoricalSource.ReadCandles"/>.</summary>
    Candles,

    /// <summary>Individual trades, read with <see cref="HistoricalSource.ReadTicks"/>.</summary>
    Ticks,
}
