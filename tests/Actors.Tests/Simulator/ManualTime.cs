namespace ActorArb.Actors.Tests.Simulator;

/// <summary>A clock that moves only when told to; timers still run on real time (the specs that use it need none).</summary>
internal sealed class ManualTime : TimeProvider
{
    private long ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
