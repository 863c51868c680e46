using ActorArb.Actors.Replay.Sources;

namespace ActorArb.Actors.Replay;

/// <summary>Messages of the <see cref="HistoricalSourceActor"/>.</summary>
public static class ReplayProtocol
{
    /// <summary>Starts reading the source and sending its data downstream.</summary>
    public sealed record StartReplay;

    /// <summary>How far the replay has come: rows read and, where known, the expected total.</summary>
    public sealed record ReplayProgress(long Position, long? EstimatedCount, long LastTimeMs);

    /// <summary>The source is exhausted; <paramref name="Quality"/> counts what it skipped or flagged.</summary>
    public sealed record ReplayCompleted(long Rows, DataQualityReport Quality);

    /// <summary>The source failed (e.g. a bad row under the stop policy); nothing after the failing row was sent.</summary>
    public sealed record ReplayFailed(string Reason);

    /// <summary>The source stopped after <paramref name="Batches"/> batches, the last row at <paramref name="LastTimeMs"/>; it waits for <see cref="ContinueReplay"/>.</summary>
    public sealed record ReplayPaused(long Batches, long LastTimeMs);

    /// <summary>Resumes a paused source.</summary>
    public sealed record ContinueReplay;

    internal sealed record ReadNext;
}
