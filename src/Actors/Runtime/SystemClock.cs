using ActorArb.Domain.Time;

namespace ActorArb.Actors.Runtime;

/// <summary>
/// The wall clock for live and paper runs. It is the only place in ActorArb that reads the machine's time; replay
/// and tests use <see cref="ManualClock"/> instead.
/// </summary>
public sealed class SystemClock : IClock
{
    private SystemClock()
    {
    }

    /// <summary>Gets the single instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc />
    public long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
