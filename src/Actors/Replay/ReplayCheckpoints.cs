namespace ActorArb.Actors.Replay;

/// <summary>
/// Makes a replay resumable: every <paramref name="EveryBatches"/> source batches the chain drains and a
/// <see cref="ReplayCheckpoint"/> is appended to the run's checkpoint stream; with <paramref name="Resume"/> a run
/// continues from the latest checkpoint its store holds (or starts from the beginning when there is none). A
/// resumed run ends with the same outcome and the same stored events as an uninterrupted one with the same
/// interval; runs with different intervals (or none) can differ where orders stay working across bars, because
/// the interval decides when portfolio snapshots overtake candles.
/// </summary>
/// <param name="EveryBatches">Source batches between checkpoints; at least 1.</param>
/// <param name="Resume">Whether to continue from the latest stored checkpoint.</param>
public sealed record ReplayCheckpoints(int EveryBatches, bool Resume)
{
    /// <summary>Returns the id of the stream that holds the checkpoints of run <paramref name="runId"/>.</summary>
    public static string StreamOf(string runId) => $"{runId}/checkpoints";
}
