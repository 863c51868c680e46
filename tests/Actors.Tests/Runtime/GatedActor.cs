using ActorArb.Actors.Runtime;

namespace ActorArb.Actors.Tests.Runtime;

/// <summary>
/// A thread-pool test actor that can be parked inside a handler ("block" waits on a gate), so that messages pile up in
/// its mailbox while the test looks; every int it handles goes to the probe as "path:n".
/// </summary>
internal sealed class GatedActor : ReceiveActor
{
    public GatedActor(Gate gate, IActorRef probe)
    {
        Receive<string>(s => s == "block", _ => gate.Park());
        Receive<int>(n => probe.Tell(n, Self));
    }

    public static Props Props(Gate gate, IActorRef probe) => ActorArb.Actors.Runtime.Props.Create(() => new GatedActor(gate, probe));
}

/// <summary>Lets a test know a handler has been entered and decide when it may leave.</summary>
internal sealed class Gate : IDisposable
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _open = new();

    public void Park()
    {
        _entered.Set();
        _open.Wait(TimeSpan.FromSeconds(5));
    }

    public bool WaitUntilParked() => _entered.Wait(TimeSpan.FromSeconds(3));

    public void Open() => _open.Set();

    public void Dispose()
    {
        _open.Set();
        _entered.Dispose();
        _open.Dispose();
    }
}
