namespace ActorArb.Actors.Feeds.Rest;

/// <summary>Settings of a <see cref="CandleBackfill"/>.</summary>
public sealed record CandleBackfillOptions
{
    /// <summary>Gets how many bars go into one bulk append (one transaction): what a kill can lose and the next run refetches.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Gets the clock that decides which bars have closed: only bars closed by now are stored, as bars are final.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
