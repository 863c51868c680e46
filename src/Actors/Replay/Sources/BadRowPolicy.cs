namespace ActorArb.Actors.Replay.Sources;

/// <summary>What a file source does with a row that fails validation.</summary>
public enum BadRowPolicy
{
    /// <summary>Leave the row out, count it in <see cref="HistoricalSource.Quality"/> with a sample, and go on.</summary>
    Skip,

    /// <summary>Throw a <see cref="DataFormatException"/> naming the file, line, reason and row text.</summary>
    Stop,
}
