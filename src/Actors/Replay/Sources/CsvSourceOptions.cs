namespace ActorArb.Actors.Replay.Sources;

/// <summary>
/// How a CSV source reads its file: what to do with bad rows, an optional time window
/// [<paramref name="FromMs"/>, <paramref name="ToMs"/>) on the rows' own timestamps, and for tick files how many
/// times to replay the file (benchmarks; see <see cref="CsvTickSource"/> for how later passes are shifted).
/// </summary>
/// <param name="BadRows">Skip and count bad rows, or stop at the first one.</param>
/// <param name="FromMs">The first time to deliver (inclusive, Unix ms); null for the start of the file.</param>
/// <param name="ToMs">The time to stop at (exclusive, Unix ms); null for the end of the file.</param>
/// <param name="Repeat">How many passes over a tick file; candle sources accept only 1.</param>
public sealed record CsvSourceOptions(
    BadRowPolicy BadRows = BadRowPolicy.Skip,
    long? FromMs = null,
    long? ToMs = null,
    int Repeat = 1)
{
    /// <summary>Gets the defaults: skip bad rows, whole file, one pass.</summary>
    public static CsvSourceOptions Default { get; } = new();

    /// <summary>Throws when the window is empty or reversed or <see cref="Repeat"/> is below 1.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate()
    {
        if (Repeat < 1)
        {
            throw new ArgumentException($"CsvSourceOptions.Repeat must be at least 1, not {Repeat}.", nameof(Repeat));
        }

        if (FromMs is { } from && ToMs is { } to && to <= from)
        {
            throw new ArgumentException($"CsvSourceOptions.ToMs ({to}) must be after FromMs ({from}).", nameof(ToMs));
        }
    }
}
