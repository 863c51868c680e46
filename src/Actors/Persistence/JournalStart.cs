using System.Collections.Immutable;

namespace ActorArb.Actors.Persistence;

/// <summary>
/// Where an <see cref="EventJournalActor"/> that replays from a checkpoint starts each stream. A stream continues
/// after its <see cref="Next"/> sequence (0 when absent), and events up to its <see cref="Durable"/> sequence are
/// known to be stored already, so a writer that re-produces them from the start of its input costs no store call.
/// </summary>
/// <param name="Next">The last sequence written to each stream before the checkpoint, for writers restored there.</param>
/// <param name="Durable">The sequence up to which each stream is stored, for writers that re-produce from the start.</param>
public sealed record JournalStart(ImmutableDictionary<string, long> Next, ImmutableDictionary<string, long> Durable)
{
    /// <summary>Gets the start of a replay from the beginning: every stream from sequence 1, nothing known stored.</summary>
    public static JournalStart FromBeginning { get; } = new(ImmutableDictionary<string, long>.Empty, ImmutableDictionary<string, long>.Empty);
}
